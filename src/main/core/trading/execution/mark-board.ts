import { fromFloat, type Decimal, type Price } from '@shared/money/decimal';

/**
 * Last prices from the market-data path (floats), turned into tick-rounded decimals only
 * when an order or the books need one.
 */
export class MarkBoard {
  private readonly last = new Map<string, { price: number; time: number }>();

  /**
   * `lastKnown`: the price the market data already has for a symbol before its first live
   * event here (the watchlist's: the last stored bar's close), so an order is valued at the
   * price the trader sees instead of being refused for having none. Asked once per symbol
   * (again only while it has nothing); any live event at or after its time replaces it.
   */
  constructor(private readonly lastKnown: (symbol: string) => { price: number; time: number } | null = () => null) {}

  update(symbol: string, price: number, time: number): void {
    if (!Number.isFinite(price) || price <= 0) return;
    const known = this.last.get(symbol);
    if (known && known.time > time) return;
    this.last.set(symbol, { price, time });
  }

  price(symbol: string, tick: Decimal): Price | null {
    const known = this.last.get(symbol) ?? this.seed(symbol);
    return known ? fromFloat(known.price, tick) : null;
  }

  time(symbol: string): number | null {
    return (this.last.get(symbol) ?? this.seed(symbol))?.time ?? null;
  }

  private seed(symbol: string): { price: number; time: number } | undefined {
    const known = this.lastKnown(symbol);
    if (known === null || !Number.isFinite(known.price) || known.price <= 0) return undefined;
    this.last.set(symbol, { price: known.price, time: known.time });
    return known;
  }

  symbols(): IterableIterator<string> {
    return this.last.keys();
  }
}
