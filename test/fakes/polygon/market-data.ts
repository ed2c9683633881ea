import { seededRandom } from '../../../src/main/core/ports/random';

/**
 * The fake's market: trades that depend only on (ticker, minute), so the socket's trades,
 * its per-second (A) and per-minute (AM) aggregates and the REST aggregates all agree, and a
 * minute looks the same however often, and by whichever route, it is asked for. About one
 * minute in ten has no trades and so, as on Polygon, no bar at all.
 */
export interface FakeTrade {
  ticker: string;
  /** Unix ms */
  t: number;
  p: number;
  s: number;
  x: number;
  i: string;
  c: number[];
  q: number;
}

export interface FakeBar {
  /** open time, Unix ms */
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
  vw: number;
  n: number;
}

export const MINUTE_MS = 60_000;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export class FakeMarket {
  private readonly cache = new Map<string, FakeTrade[]>();

  constructor(private readonly seed = 7) {}

  /** Trades of one minute, oldest first. */
  trades(ticker: string, minute: number): FakeTrade[] {
    const key = `${ticker}|${minute}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const random = seededRandom(hash(key) ^ this.seed);
    const crypto = ticker.startsWith('X:');
    const count = random.next() < 0.1 ? 0 : 3 + Math.floor(random.next() * 12);
    const base = 20 + (hash(ticker) % 400) + Math.sin(minute / 3_600_000) * 5;
    const times = Array.from({ length: count }, () => minute + Math.floor(random.next() * MINUTE_MS)).sort((a, b) => a - b);
    const trades = times.map((t, index): FakeTrade => ({
      ticker,
      t,
      p: round(base * (1 + (random.next() - 0.5) * 0.004), 2),
      s: crypto ? round(random.next() * 2, 4) : 1 + Math.floor(random.next() * 300),
      x: 1 + Math.floor(random.next() * 20),
      i: `${(minute / MINUTE_MS) % 1_000_000}${String(index).padStart(3, '0')}`,
      c: random.next() < 0.2 ? [12, 37] : [],
      q: (minute / MINUTE_MS) * 100 + index,
    }));
    this.cache.set(key, trades);
    return trades;
  }

  /** The minute's bar, or null when the minute had no trades. */
  minuteBar(ticker: string, minute: number): FakeBar | null {
    return aggregate(this.trades(ticker, minute), minute);
  }

  /** Per-second bars of a minute, for `A` events. */
  secondBars(ticker: string, minute: number): FakeBar[] {
    const bySecond = new Map<number, FakeTrade[]>();
    for (const trade of this.trades(ticker, minute)) {
      const second = Math.floor(trade.t / 1000) * 1000;
      const list = bySecond.get(second) ?? [];
      list.push(trade);
      bySecond.set(second, list);
    }
    return [...bySecond].map(([second, trades]) => aggregate(trades, second)!);
  }

  /** Minute bars with open time in [from, to], oldest first. */
  minuteBars(ticker: string, from: number, to: number): FakeBar[] {
    const out: FakeBar[] = [];
    for (let m = Math.ceil(from / MINUTE_MS) * MINUTE_MS; m <= to; m += MINUTE_MS) {
      const bar = this.minuteBar(ticker, m);
      if (bar) out.push(bar);
    }
    return out;
  }
}

export function aggregate(trades: readonly FakeTrade[], open: number): FakeBar | null {
  if (trades.length === 0) return null;
  let h = -Infinity;
  let l = Infinity;
  let v = 0;
  let pv = 0;
  for (const trade of trades) {
    h = Math.max(h, trade.p);
    l = Math.min(l, trade.p);
    v += trade.s;
    pv += trade.p * trade.s;
  }
  return { t: open, o: trades[0]!.p, h, l, c: trades[trades.length - 1]!.p, v: round(v, 4), vw: round(pv / v, 4), n: trades.length };
}

/** Bars merged into windows of `size` ms (for multiplier/hour/day requests). */
export function rollUp(bars: readonly FakeBar[], size: number): FakeBar[] {
  const out: FakeBar[] = [];
  for (const bar of bars) {
    const open = Math.floor(bar.t / size) * size;
    const last = out[out.length - 1];
    if (last?.t !== open) {
      out.push({ ...bar, t: open });
      continue;
    }
    const v = last.v + bar.v;
    last.vw = round((last.vw * last.v + bar.vw * bar.v) / v, 4);
    last.h = Math.max(last.h, bar.h);
    last.l = Math.min(last.l, bar.l);
    last.c = bar.c;
    last.v = round(v, 4);
    last.n += bar.n;
  }
  return out;
}
