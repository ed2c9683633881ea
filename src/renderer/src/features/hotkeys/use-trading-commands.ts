import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useServices } from '../../app/app-context';
import { failureText } from '../order-ticket/ticket-outcome';
import { busyNotice, canceledNotice, failedNotice, flattenNotice, type CommandNotice, type TradingCommand } from './trading-command-text';

/** A finished command's notice stays this long. */
const NOTICE_MS = 6_000;

export interface TradingCommands {
  /** The command waiting for a yes, with the symbol it was given for. */
  asking: { command: TradingCommand; symbol: string } | null;
  notice: CommandNotice | null;
  /** Runs a command on the chart's symbol, asking first when the settings want orders confirmed. */
  request: (command: TradingCommand) => void;
  confirm: () => void;
  cancel: () => void;
}

/** Cancel-all and flatten from the keyboard: `orders.cancelAll` and `positions.close`. */
export function useTradingCommands(): TradingCommands {
  const { client, stores } = useServices();
  const [asking, setAsking] = useState<TradingCommands['asking']>(null);
  const [notice, setNotice] = useState<CommandNotice | null>(null);

  const run = useCallback(
    async (command: TradingCommand, symbol: string): Promise<void> => {
      setNotice(busyNotice(command, symbol));
      try {
        if (command === 'cancelAll') setNotice(canceledNotice((await client.call('orders.cancelAll', {})).canceled));
        else setNotice(flattenNotice(symbol, await client.call('positions.close', { symbol })));
      } catch (error) {
        setNotice(failedNotice(command, symbol, failureText(error)));
      }
    },
    [client],
  );

  const request = useCallback(
    (command: TradingCommand) => {
      const settings = stores.settings.getState().settings ?? DEFAULT_SETTINGS;
      const symbol = settings.chart.symbol;
      if (settings.confirmOrders) setAsking({ command, symbol });
      else void run(command, symbol);
    },
    [stores, run],
  );

  const confirm = useCallback(() => {
    if (!asking) return;
    setAsking(null);
    void run(asking.command, asking.symbol);
  }, [asking, run]);

  const cancel = useCallback(() => setAsking(null), []);

  useEffect(() => {
    if (!notice || notice.kind === 'busy') return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return { asking, notice, request, confirm, cancel };
}
