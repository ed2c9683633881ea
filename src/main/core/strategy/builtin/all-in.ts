import { Decimal } from '@shared/money/decimal';
import type { StrategyContext } from '../strategy-api';

const ZERO = new Decimal(0);

/** Whole units `cash` buys at `close`: floor(cash ÷ close); 0 without cash or a price. */
export function allInQuantity(cash: Decimal, close: number): Decimal {
  if (!(close > 0) || !cash.greaterThan(0)) return ZERO;
  return cash.dividedBy(close).floor();
}

/** Buys with all available cash at market (whole units); nothing when it buys none. */
export function buyAllIn(ctx: StrategyContext, symbol: string, close: number): void {
  const qty = allInQuantity(ctx.portfolio.cash(), close);
  if (qty.greaterThan(0)) ctx.orders.submit({ symbol, side: 'buy', type: 'market', quantity: qty.toFixed() });
}

/** Sells the whole long position at market; nothing when flat or short. */
export function sellAll(ctx: StrategyContext, symbol: string): void {
  const held = ctx.portfolio.position(symbol);
  if (held.greaterThan(0)) ctx.orders.submit({ symbol, side: 'sell', type: 'market', quantity: held.toFixed() });
}

/** Per-symbol state, made on first use. */
export function perSymbol<T>(make: (symbol: string) => T): (symbol: string) => T {
  const states = new Map<string, T>();
  let lastSymbol: string | undefined;
  let lastState: T | undefined;
  return (symbol) => {
    if (symbol === lastSymbol) return lastState as T; // one symbol's bars in a row: no map lookup
    let state = states.get(symbol);
    if (state === undefined) {
      state = make(symbol);
      states.set(symbol, state);
    }
    lastSymbol = symbol;
    lastState = state;
    return state;
  };
}
