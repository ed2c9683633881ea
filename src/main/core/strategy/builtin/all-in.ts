import { Decimal } from '@shared/money/decimal';
import type { StrategyContext } from '../strategy-api';

const ZERO = new Decimal(0);

/** Whole units `cash` buys at `close`: floor(cash ÷ close); 0 without cash or a price. */
export function allInQuantity(cash: Decimal, close: number): Decimal {
  if (!(close > 0) || !cash.greaterThan(0)) return ZERO;
  const quick = floorQuotient(cash.toNumber(), close);
  return quick === null ? cash.dividedBy(close).floor() : new Decimal(quick);
}

/**
 * floor(cash ÷ close) from floats when they prove it. The doubles are within 2^-53 (relative)
 * of the decimals (cash as read, close as decimal.js reads a number: its shortest form), so
 * the float quotient is within 4·2^-53 of the exact one: below 2^30 that is under 1e-6, and a
 * quotient at least 1e-6 away from every integer floors the same. null: decide in decimals.
 */
function floorQuotient(cash: number, close: number): number | null {
  const q = cash / close;
  if (!(q < 2 ** 30)) return null;
  const whole = Math.floor(q);
  return q - whole > 1e-6 && whole + 1 - q > 1e-6 ? whole : null;
}

/**
 * Buys with all available cash at market (whole units); nothing when it buys none. The same
 * quantity as allInQuantity(cash(), close): a positive cashValue() is a positive cash, and
 * it is the cash.toNumber() that allInQuantity's float path divides, so where floats prove
 * the floor the decimal is never built; elsewhere allInQuantity decides on the decimal.
 */
export function buyAllIn(ctx: StrategyContext, symbol: string, close: number): void {
  if (!(close > 0)) return;
  const cash = ctx.portfolio.cashValue();
  const quick = cash > 0 ? floorQuotient(cash, close) : null;
  if (quick !== null) {
    if (quick > 0) ctx.orders.submit({ symbol, side: 'buy', type: 'market', quantity: String(quick) }); // a whole number below 2^30: Decimal's toFixed() form
    return;
  }
  const qty = allInQuantity(ctx.portfolio.cash(), close);
  if (qty.greaterThan(0)) ctx.orders.submit({ symbol, side: 'buy', type: 'market', quantity: qty.toFixed() });
}

/** Sells the whole long position at market; nothing when flat or short. */
export function sellAll(ctx: StrategyContext, symbol: string): void {
  const held = ctx.portfolio.position(symbol);
  if (held.greaterThan(0)) ctx.orders.submit({ symbol, side: 'sell', type: 'market', quantity: held.toFixed() });
}

/**
 * Per-symbol state, made on first use by `make`. A class with `make` a method, not a closure
 * made per run: optimised code that inlines a call to a run's closure holds it weakly and is
 * thrown away once that run is collected, and so are the strategies' calls to `get`.
 */
export abstract class PerSymbol<T> {
  private readonly states = new Map<string, T>();
  private lastSymbol: string | undefined = undefined;
  private lastState: T | undefined = undefined;

  protected abstract make(symbol: string): T;

  get(symbol: string): T {
    if (symbol === this.lastSymbol) return this.lastState as T; // one symbol's bars in a row: no map lookup
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = this.make(symbol);
      this.states.set(symbol, state);
    }
    this.lastSymbol = symbol;
    this.lastState = state;
    return state;
  }
}

/** Per-symbol state, made on first use by `make` (PerSymbol's cache behind a plain function). */
export function perSymbol<T>(make: (symbol: string) => T): (symbol: string) => T {
  const states = new MadePerSymbol(make);
  return (symbol) => states.get(symbol);
}

class MadePerSymbol<T> extends PerSymbol<T> {
  constructor(private readonly maker: (symbol: string) => T) {
    super();
  }

  protected make(symbol: string): T {
    return this.maker(symbol);
  }
}
