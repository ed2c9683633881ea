import { useCallback, useMemo, useState } from 'react';
import { buildOrder, type TicketBuild } from './ticket-order';
import { EMPTY_TICKET, ticketLayout, withoutPrices, type TicketForm, type TicketLayout } from './ticket-form';
import { visibleErrors, type TicketErrors } from './ticket-validation';

export interface TicketFormState {
  form: TicketForm;
  layout: TicketLayout;
  build: TicketBuild;
  /** The messages to show now (see visibleErrors). */
  errors: TicketErrors;
  edit: (change: Partial<TicketForm>) => void;
  /** Marks a send as tried, so every message shows; true when the order is complete. */
  trySend: () => boolean;
}

/** The ticket's input and what follows from it. Lives as long as the panel; only a new symbol clears the prices. */
export function useTicketForm(symbol: string): TicketFormState {
  const [form, setForm] = useState<TicketForm>(EMPTY_TICKET);
  const [sendTried, setSendTried] = useState(false);
  const [formSymbol, setFormSymbol] = useState(symbol);
  if (formSymbol !== symbol) {
    // Adjusted while rendering (not in an effect), so no render ever pairs old prices with the new symbol.
    setFormSymbol(symbol);
    setForm(withoutPrices);
    setSendTried(false);
  }
  const edit = useCallback((change: Partial<TicketForm>) => setForm((current) => ({ ...current, ...change })), []);
  const layout = useMemo(() => ticketLayout(form), [form]);
  const build = useMemo(() => buildOrder(form, symbol), [form, symbol]);
  const errors = useMemo(() => (build.ok ? {} : visibleErrors(build.errors, form, sendTried)), [build, form, sendTried]);
  const trySend = useCallback(() => {
    setSendTried(true);
    return build.ok;
  }, [build]);
  return { form, layout, build, errors, edit, trySend };
}
