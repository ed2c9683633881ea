import type { PositionDto } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import { formatMoney, formatPnl, formatPrice, formatQuantity, signOf, type Sign } from '../account/money-format';

/** One position row, as text. */
export interface PositionView {
  symbol: string;
  side: 'long' | 'short';
  quantity: string;
  averageCost: string;
  last: string;
  marketValue: string;
  unrealized: string;
  unrealizedSign: Sign;
  realized: string;
  realizedSign: Sign;
  percentOfEquity: string;
}

export function positionView(position: PositionDto): PositionView {
  return {
    symbol: position.symbol,
    side: position.quantity.startsWith('-') ? 'short' : 'long',
    quantity: formatQuantity(position.quantity),
    averageCost: formatPrice(position.averageCost),
    last: formatPrice(position.lastPrice),
    marketValue: formatMoney(position.marketValue),
    unrealized: formatPnl(position.unrealizedPnl),
    unrealizedSign: signOf(position.unrealizedPnl),
    realized: formatPnl(position.realizedPnl),
    realizedSign: signOf(position.realizedPnl),
    // The engine sends a percent (12.5 is 12.5 %); a statistic, so a float is fine.
    percentOfEquity: position.percentOfEquity === null ? '—' : `${position.percentOfEquity.toFixed(2)}%`,
  };
}

/** Sums for the footer, exact: market value, unrealized and realized P&L (unknown marks count as zero). */
export interface PositionTotals {
  marketValue: string;
  unrealized: string;
  realized: string;
}

export function positionTotals(positions: readonly PositionDto[]): PositionTotals {
  const sum = (pick: (position: PositionDto) => string | null): string =>
    positions.reduce((total, position) => total.plus(pick(position) ?? '0'), new Decimal(0)).toFixed();
  return {
    marketValue: sum((p) => p.marketValue),
    unrealized: sum((p) => p.unrealizedPnl),
    realized: sum((p) => p.realizedPnl),
  };
}

/** Largest exposure first, then by symbol. */
export function sortPositions(positions: readonly PositionDto[]): PositionDto[] {
  return [...positions].sort((a, b) => {
    const size = new Decimal(b.marketValue ?? '0').abs().comparedTo(new Decimal(a.marketValue ?? '0').abs());
    return size || a.symbol.localeCompare(b.symbol);
  });
}
