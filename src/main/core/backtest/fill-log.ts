import type { OrderSide } from '@shared/dto/trading';
import type { Money, Price, Quantity } from '@shared/money/decimal';
import type { Fill } from '../trading/model/fill';
import { unitsToDecimal } from './scaled';

/** A fill in scaled integers: quantity in units (lot 1), price in ticks of 10^-k, commission in cash units. */
export interface FillRecord {
  /** The fill id, or n for the order's n-th fill, whose id is `${orderId}-F${n}` (made only when asked: see fillOf). */
  id: string | number;
  orderId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  index: number;
  units: number;
  ticks: number;
  commission: number;
  time: number;
}

/** The fill as the decimal books would have it. */
export function fillOf(record: FillRecord, tickPlaces: number, cashPlaces: number): Fill {
  return {
    id: typeof record.id === 'number' ? `${record.orderId}-F${record.id}` : record.id,
    orderId: record.orderId,
    clientOrderId: record.clientOrderId,
    symbol: record.symbol,
    side: record.side,
    quantity: unitsToDecimal(record.units, 0) as Quantity,
    price: unitsToDecimal(record.ticks, tickPlaces) as Price,
    commission: unitsToDecimal(record.commission, cashPlaces) as Money,
    time: record.time,
  };
}
