import type { DomainHandlers } from '../../core/api/handlers';
import type { TradingMethods } from '../../core/trading/trading-handlers';
import type { Trading } from '../trading/start-trading';

/** A running trading stack and what to release when it is replaced. */
export interface TradingStack {
  trading: Trading;
  close(): Promise<void>;
}

/**
 * The trading handlers the router holds stay the same object while the broker behind them
 * changes (paper ↔ Alpaca): each call goes to the stack current at that moment. A switch
 * stops the old stack (its journal closed) before the new one takes calls.
 */
export class TradingSwitch {
  private current: TradingStack;
  private switching: Promise<void> = Promise.resolve();
  readonly handlers: DomainHandlers<TradingMethods>;

  constructor(initial: TradingStack) {
    this.current = initial;
    const names = Object.keys(initial.trading.handlers) as TradingMethods[];
    const handlers: Record<string, unknown> = {};
    for (const name of names) {
      handlers[name] = (params: never) => (this.current.trading.handlers[name] as (p: never) => unknown)(params);
    }
    this.handlers = handlers as DomainHandlers<TradingMethods>;
  }

  /** The stack taking calls now. */
  get trading(): Trading {
    return this.current.trading;
  }

  /**
   * Builds the next stack only after the old one has stopped; one switch at a time. When the
   * build fails, `fallback` (the paper stack) takes over and the error goes to the caller.
   */
  switchTo(build: () => Promise<TradingStack>, fallback: () => Promise<TradingStack>): Promise<void> {
    const next = this.switching.then(async () => {
      const old = this.current;
      await old.trading.stop();
      await old.close();
      try {
        this.current = await build();
      } catch (error) {
        this.current = await fallback();
        throw error;
      }
    });
    this.switching = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.switching;
    await this.current.trading.stop();
    await this.current.close();
  }
}
