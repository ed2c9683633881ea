import { useState } from 'react';
import type { SizingResult } from '@shared/dto/trading';
import { useServices } from '../../app/app-context';
import { compareAmounts } from './decimal-input';
import type { TicketForm } from './ticket-form';
import { failureText } from './ticket-outcome';
import { checkSizing, type SizingField, type SizingInput } from './ticket-sizing';

export type SizingState =
  | { kind: 'idle' }
  | { kind: 'invalid'; errors: Partial<Record<SizingField, string>> }
  | { kind: 'busy' }
  | { kind: 'sized'; result: SizingResult }
  | { kind: 'too-small'; result: SizingResult }
  | { kind: 'error'; message: string };

export interface PositionSizing {
  input: SizingInput;
  setInput: (change: Partial<SizingInput>) => void;
  state: SizingState;
  /** Asks `risk.sizing` and hands a quantity above zero to `fill`. */
  size: () => void;
}

/** The ticket's sizing helper: risk % of equity over the stop distance gives the quantity. */
export function usePositionSizing(symbol: string, form: TicketForm, last: number | undefined, fill: (quantity: string) => void): PositionSizing {
  const { client } = useServices();
  const [input, setInputState] = useState<SizingInput>({ riskPercent: '1', stopPrice: '' });
  const [state, setState] = useState<SizingState>({ kind: 'idle' });
  const [sizedSymbol, setSizedSymbol] = useState(symbol);
  if (sizedSymbol !== symbol) {
    // A stop and a result for the old symbol mean nothing for the new one.
    setSizedSymbol(symbol);
    setInputState((current) => ({ ...current, stopPrice: '' }));
    setState({ kind: 'idle' });
  }

  const setInput = (change: Partial<SizingInput>): void => {
    setInputState((current) => ({ ...current, ...change }));
    setState({ kind: 'idle' });
  };

  const size = (): void => {
    const checked = checkSizing(symbol, input, form, last);
    if (!checked.ok) {
      setState({ kind: 'invalid', errors: checked.errors });
      return;
    }
    setState({ kind: 'busy' });
    void (async () => {
      try {
        const result = await client.call('risk.sizing', checked.request);
        if (compareAmounts(result.quantity, '0') <= 0) {
          setState({ kind: 'too-small', result });
          return;
        }
        fill(result.quantity);
        setState({ kind: 'sized', result });
      } catch (error) {
        setState({ kind: 'error', message: failureText(error) });
      }
    })();
  };

  return { input, setInput, state, size };
}
