import type { ClockZone } from '@shared/dto/settings';
import type { FillDto } from '@shared/dto/trading';
import { formatMoney, formatPrice, formatQuantity } from '../account/money-format';
import { formatTradeTime } from '../blotter/trade-time';

/** One execution, as text. */
export interface FillView {
  time: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  quantity: string;
  price: string;
  commission: string;
}

export function fillView(fill: FillDto, zone: ClockZone): FillView {
  return {
    time: formatTradeTime(fill.time, zone),
    symbol: fill.symbol,
    side: fill.side === 'buy' ? 'BUY' : 'SELL',
    quantity: formatQuantity(fill.quantity),
    price: formatPrice(fill.price),
    commission: formatMoney(fill.commission),
  };
}
