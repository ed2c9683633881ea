import type { AccountDto, PositionDto } from '@shared/dto/trading';
import { toDecimalString, type Money } from '@shared/money/decimal';
import type { Ledger } from './ledger';

export interface AccountContext {
  broker: string;
  mode: 'paper' | 'live';
  now: number;
  /** Money the working buy orders would spend, out of buying power. */
  reserved: Money;
}

/** The account on the wire. Full precision; toDecimalString trims past 18 places only. */
export function accountToDto(ledger: Ledger, context: AccountContext): AccountDto {
  return {
    broker: context.broker,
    mode: context.mode,
    currency: ledger.currency,
    cash: toDecimalString(ledger.cash()),
    settledCash: toDecimalString(ledger.settledCash(context.now)),
    buyingPower: toDecimalString(ledger.buyingPower(context.reserved, context.now)),
    equity: toDecimalString(ledger.equity()),
    longMarketValue: toDecimalString(ledger.longMarketValue()),
    shortMarketValue: toDecimalString(ledger.shortMarketValue()),
    realizedPnl: toDecimalString(ledger.realizedPnl()),
    unrealizedPnl: toDecimalString(ledger.unrealizedPnl()),
    dayPnl: toDecimalString(ledger.dayPnl()),
    dayStartEquity: toDecimalString(ledger.dayStartEquity()),
    marginMultiplier: toDecimalString(ledger.marginMultiplier),
    time: context.now,
  };
}

/**
 * Open positions on the wire. Without a mark the market value and unrealized P&L are
 * unknown (null); the share of equity then uses cost, as equity itself does.
 * percentOfEquity is signed like the market value, in percent, and null when equity ≤ 0.
 */
export function positionsToDto(ledger: Ledger): PositionDto[] {
  const equity = ledger.equity();
  return ledger.positions().map((position) => {
    const mark = ledger.lastMark(position.symbol);
    const average = position.averageCost();
    return {
      symbol: position.symbol,
      quantity: toDecimalString(position.quantity),
      averageCost: average === null ? '0' : toDecimalString(average),
      costBasis: toDecimalString(position.costBasis),
      lastPrice: mark ? toDecimalString(mark.price) : null,
      marketValue: mark ? toDecimalString(position.marketValue(mark.price)) : null,
      unrealizedPnl: mark ? toDecimalString(position.unrealizedPnl(mark.price)) : null,
      realizedPnl: toDecimalString(position.realizedPnl),
      percentOfEquity: equity.isPositive() ? ledger.valueOf(position).dividedBy(equity).times(100).toNumber() : null,
    };
  });
}
