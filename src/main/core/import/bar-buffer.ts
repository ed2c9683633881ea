import type { Bar } from '../market-data/types';

/** One symbol's bars as growable parallel columns (a 5M-row file stays ~50 bytes a bar). */
class SymbolColumns {
  length = 0;
  lastTime = Number.NEGATIVE_INFINITY;
  lastLine = 0;
  time = new Float64Array(256);
  open = new Float64Array(256);
  high = new Float64Array(256);
  low = new Float64Array(256);
  close = new Float64Array(256);
  volume = new Float64Array(256);

  push(bar: OhlcvRow): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length;
    this.time[i] = bar.time;
    this.open[i] = bar.open;
    this.high[i] = bar.high;
    this.low[i] = bar.low;
    this.close[i] = bar.close;
    this.volume[i] = bar.volume;
    this.length = i + 1;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grown = (column: Float64Array) => {
      const next = new Float64Array(size);
      next.set(column);
      return next;
    };
    this.time = grown(this.time);
    this.open = grown(this.open);
    this.high = grown(this.high);
    this.low = grown(this.low);
    this.close = grown(this.close);
    this.volume = grown(this.volume);
  }
}

/** A parsed CSV row: a bar without the fields CSV files do not carry. */
export type OhlcvRow = Pick<Bar, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

/**
 * Parsed bars per symbol, in file order. Checks that each symbol's times strictly increase
 * (a repeat is a duplicate, a step back is out of order); keeps the bars only when asked
 * (a preview needs the checks, not the data).
 */
export class BarBuffer {
  private readonly bySymbol = new Map<string, SymbolColumns>();

  constructor(private readonly keep: boolean) {}

  /** Adds a row, or returns why it cannot follow the symbol's previous bar. */
  add(symbol: string, line: number, bar: OhlcvRow): string | null {
    let columns = this.bySymbol.get(symbol);
    if (!columns) {
      columns = new SymbolColumns();
      this.bySymbol.set(symbol, columns);
    }
    if (bar.time <= columns.lastTime) {
      const when = new Date(bar.time).toISOString();
      const of = symbol === '' ? '' : ` for ${symbol}`;
      return bar.time === columns.lastTime
        ? `duplicate time ${when}${of} (also on line ${columns.lastLine})`
        : `time ${when}${of} is before line ${columns.lastLine}'s; times must increase`;
    }
    columns.lastTime = bar.time;
    columns.lastLine = line;
    if (this.keep) columns.push(bar);
    return null;
  }

  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }

  count(symbol: string): number {
    return this.bySymbol.get(symbol)?.length ?? 0;
  }

  /** Bars [start, end) of a symbol, for writing in batches. CSV bars have no vwap or trade count. */
  slice(symbol: string, start: number, end: number): Bar[] {
    const c = this.bySymbol.get(symbol);
    if (!c) return [];
    const out: Bar[] = [];
    for (let i = start; i < Math.min(end, c.length); i += 1) {
      out.push({
        time: c.time[i]!,
        open: c.open[i]!,
        high: c.high[i]!,
        low: c.low[i]!,
        close: c.close[i]!,
        volume: c.volume[i]!,
        vwap: null,
        trades: null,
      });
    }
    return out;
  }
}
