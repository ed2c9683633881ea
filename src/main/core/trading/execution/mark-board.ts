import { fromFloat, type Decimal, type Price } from '@shared/money/decimal';

/**
 * Last prices from the market-data path (floats), turned into tick-rounded decimals only
 * when an order or the books need one.
 */
export class MarkBoard {
  private readonly last = new Map<string, { price: number; time: number }>();

  update(symbol: string, price: number, time: number): void {
    if (!Number.isFinite(price) || price <= 0) return;
    const known = this.last.get(symbol);
    if (known && known.time > time) return;
    this.last.set(symbol, { price, time });
  }

  price(symbol: string, tick: Decimal): Price | null {
    const known = this.last.get(symbol);
    return known ? fromFloat(known.price, tick) : null;
  }

  time(symbol: string): number | null {
    return this.last.get(symbol)?.time ?? null;
  }

  symbols(): IterableIterator<string> {
    return this.last.keys();
  }
}
