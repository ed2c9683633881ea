import { Decimal, toDecimalString, ZERO } from '@shared/money/decimal';
import type { AlpacaAccount, AlpacaPosition } from '../../../src/main/node/adapters/alpaca/wire';
import { assetIdOf } from './ids';

interface Holding {
  qty: Decimal;
  avgEntry: Decimal;
}

/**
 * Cash, positions and last prices of the one fake account, exact in decimals. A cash account
 * (multiplier "1"): buying power is cash less what open buy orders hold back. Short positions
 * only when shorting is on; their cost basis and market value are negative, as Alpaca's are.
 */
export class Ledger {
  cash: Decimal;
  readonly startCash: Decimal;
  private readonly holdings = new Map<string, Holding>();
  private readonly prices = new Map<string, Decimal>();

  constructor(cash: string, prices: Record<string, string>) {
    this.cash = new Decimal(cash);
    this.startCash = this.cash;
    for (const [symbol, price] of Object.entries(prices)) this.prices.set(symbol, new Decimal(price));
  }

  setPrice(symbol: string, price: string): void {
    this.prices.set(symbol, new Decimal(price));
  }

  price(symbol: string): Decimal | null {
    return this.prices.get(symbol) ?? null;
  }

  qty(symbol: string): Decimal {
    return this.holdings.get(symbol)?.qty ?? ZERO;
  }

  symbols(): string[] {
    return [...this.holdings.keys()].sort();
  }

  /** Books one execution; returns the position quantity after it (signed). */
  applyFill(symbol: string, side: 'buy' | 'sell', qty: Decimal, price: Decimal): Decimal {
    const signed = side === 'buy' ? qty : qty.negated();
    this.cash = side === 'buy' ? this.cash.minus(qty.times(price)) : this.cash.plus(qty.times(price));
    this.prices.set(symbol, price);
    const before = this.holdings.get(symbol) ?? { qty: ZERO, avgEntry: ZERO };
    const after = before.qty.plus(signed);
    if (after.isZero()) {
      this.holdings.delete(symbol);
      return after;
    }
    let avgEntry = before.avgEntry;
    if (before.qty.isZero() || before.qty.isNegative() !== after.isNegative()) avgEntry = price;
    else if (after.abs().greaterThan(before.qty.abs())) {
      avgEntry = before.qty.times(before.avgEntry).plus(signed.times(price)).dividedBy(after);
    }
    this.holdings.set(symbol, { qty: after, avgEntry });
    return after;
  }

  position(symbol: string, heldForOrders: Decimal): AlpacaPosition & Record<string, unknown> {
    const h = this.holdings.get(symbol);
    if (!h) throw new Error(`no position in ${symbol}`);
    const current = this.prices.get(symbol) ?? h.avgEntry;
    const costBasis = h.qty.times(h.avgEntry);
    const marketValue = h.qty.times(current);
    const pl = marketValue.minus(costBasis);
    const plpc = costBasis.isZero() ? ZERO : pl.dividedBy(costBasis.abs());
    const s = toDecimalString;
    return {
      asset_id: assetIdOf(symbol),
      symbol,
      exchange: 'NASDAQ',
      asset_class: 'us_equity',
      asset_marginable: true,
      qty: s(h.qty),
      qty_available: s(h.qty.isNegative() ? h.qty.plus(heldForOrders) : h.qty.minus(heldForOrders)),
      avg_entry_price: s(h.avgEntry),
      side: h.qty.isNegative() ? 'short' : 'long',
      market_value: s(marketValue),
      cost_basis: s(costBasis),
      unrealized_pl: s(pl),
      unrealized_plpc: s(plpc),
      unrealized_intraday_pl: s(pl),
      unrealized_intraday_plpc: s(plpc),
      current_price: s(current),
      lastday_price: s(current),
      change_today: '0',
    };
  }

  /** Buying power = cash − what open buy orders reserve, never below zero. */
  buyingPower(reserved: Decimal): Decimal {
    return Decimal.max(ZERO, this.cash.minus(reserved));
  }

  account(reserved: Decimal, createdAt: string, shorting: boolean): AlpacaAccount & Record<string, unknown> {
    let long = ZERO;
    let short = ZERO;
    for (const [symbol, h] of this.holdings) {
      const value = h.qty.times(this.prices.get(symbol) ?? h.avgEntry);
      if (value.isNegative()) short = short.plus(value);
      else long = long.plus(value);
    }
    const equity = this.cash.plus(long).plus(short);
    const bp = toDecimalString(this.buyingPower(reserved));
    const s = toDecimalString;
    return {
      id: '904837e3-3b76-47ec-b432-046db621571b',
      account_number: 'PA3FAKE00001',
      status: 'ACTIVE',
      crypto_status: 'ACTIVE',
      currency: 'USD',
      buying_power: bp,
      regt_buying_power: bp,
      daytrading_buying_power: '0',
      effective_buying_power: bp,
      non_marginable_buying_power: bp,
      cash: s(this.cash),
      accrued_fees: '0',
      portfolio_value: s(equity),
      pattern_day_trader: false,
      trading_blocked: false,
      transfers_blocked: false,
      account_blocked: false,
      created_at: createdAt,
      trade_suspended_by_user: false,
      multiplier: '1',
      shorting_enabled: shorting,
      equity: s(equity),
      last_equity: s(this.startCash),
      long_market_value: s(long),
      short_market_value: s(short),
      position_market_value: s(long.plus(short)),
      initial_margin: '0',
      maintenance_margin: '0',
      last_maintenance_margin: '0',
      sma: '0',
      daytrade_count: 0,
    };
  }
}
