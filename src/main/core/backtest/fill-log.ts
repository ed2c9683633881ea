import type { OrderSide } from '@shared/dto/trading';
import type { Money, Price, Quantity } from '@shared/money/decimal';
import type { Fill } from '../trading/model/fill';
import { objectArray } from './born-packed';
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

/** A FillRecord to fill in and hand over (the log copies it): one per lane, not one per fill. */
export class FillSlot implements FillRecord {
  id: string | number = 0;
  orderId = '';
  clientOrderId = '';
  symbol = '';
  side: OrderSide = 'buy';
  index = 0;
  units = 0;
  ticks = 0;
  commission = 0;
  time = 0;
}

/**
 * The exact books' fills, in order, as columns: no object per fill (they would live for the
 * whole run, and tens of thousands of them cost minor GCs and change V8's allocation choices
 * mid-run, which throws optimised code away). `record(i)` gives one back as a FillRecord.
 */
export class FillLog {
  length = 0;
  readonly ids: (string | number)[] = objectArray();
  readonly orderIds: string[] = objectArray();
  readonly clientOrderIds: string[] = objectArray();
  readonly symbols: string[] = objectArray();
  private capacity = 1024;
  buys = new Uint8Array(this.capacity);
  indexes = new Int32Array(this.capacity);
  units = new Float64Array(this.capacity);
  ticks = new Float64Array(this.capacity);
  commissions = new Float64Array(this.capacity);
  times = new Float64Array(this.capacity);

  push(fill: FillRecord): void {
    const at = this.length;
    if (at === this.capacity) this.grow();
    this.ids.push(fill.id);
    this.orderIds.push(fill.orderId);
    this.clientOrderIds.push(fill.clientOrderId);
    this.symbols.push(fill.symbol);
    this.buys[at] = fill.side === 'buy' ? 1 : 0;
    this.indexes[at] = fill.index;
    this.units[at] = fill.units;
    this.ticks[at] = fill.ticks;
    this.commissions[at] = fill.commission;
    this.times[at] = fill.time;
    this.length = at + 1;
  }

  record(i: number): FillRecord {
    return {
      id: this.ids[i]!,
      orderId: this.orderIds[i]!,
      clientOrderId: this.clientOrderIds[i]!,
      symbol: this.symbols[i]!,
      side: this.buys[i] === 1 ? 'buy' : 'sell',
      index: this.indexes[i]!,
      units: this.units[i]!,
      ticks: this.ticks[i]!,
      commission: this.commissions[i]!,
      time: this.times[i]!,
    };
  }

  private grow(): void {
    this.capacity *= 2;
    this.buys = grown(this.buys, new Uint8Array(this.capacity));
    this.indexes = grown(this.indexes, new Int32Array(this.capacity));
    this.units = grown(this.units, new Float64Array(this.capacity));
    this.ticks = grown(this.ticks, new Float64Array(this.capacity));
    this.commissions = grown(this.commissions, new Float64Array(this.capacity));
    this.times = grown(this.times, new Float64Array(this.capacity));
  }
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
