import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import type { OrderDto, PlaceOrderInput } from '@shared/dto/trading';
import { useServices, useSettings } from '../../app/app-context';
import { failureText, followOutcome, outcomeOf, type TicketOutcome } from './ticket-outcome';

export interface TicketSubmit {
  /** The order waiting in the confirmation dialog. */
  pending: PlaceOrderInput | null;
  sending: boolean;
  outcome: TicketOutcome | null;
  /** Counts finished sends, so the preview can ask again. */
  sends: number;
  /** Sends at once, or opens the confirmation when the settings ask for one. */
  submit: (order: PlaceOrderInput) => void;
  confirm: () => void;
  cancel: () => void;
}

/**
 * Sending from the ticket: confirmation, `orders.place`, and the outcome (followed through
 * `orders.update`). The form is never touched here, so a refusal or a failure keeps the input.
 */
export function useTicketSubmit(): TicketSubmit {
  const { client } = useServices();
  const confirmOrders = useSettings((s) => s.settings?.confirmOrders ?? DEFAULT_SETTINGS.confirmOrders);
  const [pending, setPending] = useState<PlaceOrderInput | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<TicketOutcome | null>(null);
  const [sends, setSends] = useState(0);
  // A double click must not send twice: state updates land a render too late for that.
  const inFlight = useRef(false);
  // Updates that overtake the `orders.place` answer (an instant fill) during a send.
  const overtaking = useRef(new Map<string, OrderDto>());

  const send = useCallback(
    async (order: PlaceOrderInput): Promise<void> => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSending(true);
      setOutcome(null);
      overtaking.current.clear();
      try {
        const placed = await client.call('orders.place', order);
        const newer = overtaking.current.get(placed.id);
        const answered = outcomeOf(placed);
        setOutcome(newer ? followOutcome(answered, newer) : answered);
      } catch (error) {
        setOutcome({ kind: 'error', message: failureText(error) });
      } finally {
        inFlight.current = false;
        setSending(false);
        setSends((count) => count + 1);
      }
    },
    [client],
  );

  useEffect(
    () =>
      client.subscribe('orders.update', (update) => {
        if (inFlight.current) overtaking.current.set(update.id, update);
        setOutcome((current) => followOutcome(current, update));
      }),
    [client],
  );

  const submit = useCallback(
    (order: PlaceOrderInput) => {
      if (confirmOrders) setPending(order);
      else void send(order);
    },
    [confirmOrders, send],
  );

  const confirm = useCallback(() => {
    if (!pending) return;
    setPending(null);
    void send(pending);
  }, [pending, send]);

  const cancel = useCallback(() => setPending(null), []);

  return { pending, sending, outcome, sends, submit, confirm, cancel };
}
