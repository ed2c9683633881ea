import { beforeAll, describe, expect, it } from 'vitest';
import { FakeTime } from '../../../../../test/support/fake-time';
import type { FeedEvent } from '../../ports/market-feed';
import { seededRandom } from '../../ports/random';
import type { Trade } from '../../market-data/types';
import { MINUTE_MS, newYorkTime } from './ny-session';
import type { SimModelConfig } from './sim-market';
import { SIM_PARAMS, type SimInstrument } from './sim-instruments';
import { SimulatorFeed } from './simulator-feed';

/** Monday 3 June 2024, 00:00 in New York (EDT). */
const MONDAY = Date.UTC(2024, 5, 3, 4, 0);
const SYMBOLS = SIM_PARAMS.map((i) => i.symbol);

interface Run {
  events: FeedEvent[];
  time: FakeTime;
  feed: SimulatorFeed;
}

interface RunOptions {
  seed: number;
  ms: number;
  start?: number;
  tickMs?: number;
  symbols?: readonly string[];
  instruments?: readonly SimInstrument[];
  model?: Partial<SimModelConfig>;
  /** Instead of keeping every event (millions in the long run). */
  listener?: (event: FeedEvent) => void;
}

function run(options: RunOptions): Run {
  const time = new FakeTime(options.start ?? MONDAY);
  const feed = new SimulatorFeed({
    clock: time,
    scheduler: time,
    random: seededRandom(options.seed),
    instruments: options.instruments ?? SIM_PARAMS,
    tickMs: options.tickMs ?? 250,
    model: options.model,
  });
  const events: FeedEvent[] = [];
  feed.onEvent(options.listener ?? ((event) => events.push(event)));
  feed.subscribe(options.symbols ?? SYMBOLS);
  void feed.start();
  time.advance(options.ms);
  return { events, time, feed };
}

const trades = (events: FeedEvent[]): Trade[] => events.flatMap((e) => (e.type === 'trade' ? [e.trade] : []));

const onTick = (price: number) => Math.abs(price * 100 - Math.round(price * 100)) < 1e-6;

/** What the long run is checked against, gathered event by event. */
interface Tally {
  trades: number;
  quotes: number;
  oddLots: number;
  /** Prints off the tick or not above zero, sizes neither odd nor round lots, crossed quotes. */
  faults: string[];
  /** Per symbol: the last trade price of each minute (carried forward) and each minute's volume. */
  series: Map<string, { close: number[]; volume: number[] }>;
}

function tally(start: number, minutes: number): { tally: Tally; listener: (event: FeedEvent) => void } {
  const t: Tally = { trades: 0, quotes: 0, oddLots: 0, faults: [], series: new Map(SYMBOLS.map((s) => [s, { close: new Array<number>(minutes).fill(NaN), volume: new Array<number>(minutes).fill(0) }])) };
  const listener = (event: FeedEvent) => {
    if (event.type === 'quote') {
      const q = event.quote;
      t.quotes += 1;
      if (!(q.bidPrice > 0 && onTick(q.bidPrice) && onTick(q.askPrice) && q.bidPrice < q.askPrice)) t.faults.push(`quote ${JSON.stringify(q)}`);
    }
    if (event.type !== 'trade') return;
    const trade = event.trade;
    t.trades += 1;
    if (trade.size < 100) t.oddLots += 1;
    if (!(trade.price > 0 && onTick(trade.price)) || !(trade.size >= 1 && (trade.size < 100 || trade.size % 100 === 0))) t.faults.push(`trade ${JSON.stringify(trade)}`);
    const minute = Math.floor((trade.time - start - 1) / MINUTE_MS); // a print at 10:00:00.000 closes the 09:59 minute
    const s = t.series.get(trade.symbol)!;
    if (minute < 0 || minute >= minutes) return;
    s.close[minute] = trade.price;
    s.volume[minute]! += trade.size;
  };
  return { tally: t, listener };
}

/** Minutes without a trade keep the previous minute's price. */
function carryForward(close: number[]): number[] {
  const out = [...close];
  for (let m = 1; m < out.length; m += 1) if (Number.isNaN(out[m])) out[m] = out[m - 1]!;
  return out;
}

const logReturns = (close: number[]): number[] => close.slice(1).map((c, n) => Math.log(c / close[n]!));

function correlation(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (x: number[]) => x.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i += 1) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Lag-1 autocorrelation of absolute returns, leaving out pairs that touch an opening gap (one 60σ outlier would swamp it). */
function absLag1(returns: number[], start: number): number {
  const isOpen = (n: number) => newYorkTime(start + (n + 1) * MINUTE_MS).minuteOfDay === 570;
  const now: number[] = [];
  const before: number[] = [];
  for (let n = 1; n < returns.length; n += 1) {
    if (isOpen(n) || isOpen(n - 1)) continue;
    now.push(Math.abs(returns[n]!));
    before.push(Math.abs(returns[n - 1]!));
  }
  return correlation(now, before);
}

describe('SimulatorFeed', () => {
  it('repeats exactly for a seed and differs for another', () => {
    const tenAm = Date.UTC(2024, 5, 3, 14, 0);
    const first = run({ seed: 42, ms: 120_000, start: tenAm }).events.slice(0, 2_000);
    const again = run({ seed: 42, ms: 120_000, start: tenAm }).events.slice(0, 2_000);
    const other = run({ seed: 43, ms: 120_000, start: tenAm }).events.slice(0, 2_000);
    expect(first).toHaveLength(2_000);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('announces itself as Simulated and leaves no timer behind when stopped', async () => {
    const { events, time, feed } = run({ seed: 1, ms: 1_000 });
    expect(events[0]).toEqual({ type: 'status', state: 'live', label: 'Simulated' });
    expect(time.pending()).toBe(1);
    await feed.stop();
    expect(time.pending()).toBe(0);
    const count = events.length;
    time.advance(60_000);
    expect(events.length).toBe(count + 0);
    expect(events.at(-1)).toMatchObject({ type: 'status', state: 'idle' });
  });

  it('serves only subscribed SIM: symbols and ignores real tickers', () => {
    const { events } = run({ seed: 1, ms: 60_000, symbols: ['SIM:TLT', 'AAPL', 'X:BTCUSD'] });
    const symbols = new Set(events.flatMap((e) => (e.type === 'trade' ? [e.trade.symbol] : e.type === 'quote' ? [e.quote.symbol] : [])));
    expect([...symbols]).toEqual(['SIM:TLT']);
  });

  it('moves the same prices whichever symbols are subscribed', () => {
    const all = run({ seed: 9, ms: 600_000 });
    const one = run({ seed: 9, ms: 600_000, symbols: ['SIM:NVDA'] });
    expect(one.feed.prices()).toEqual(all.feed.prices());
  });

  it('keeps trading thinly at the weekend', () => {
    const saturday = Date.UTC(2024, 5, 8, 16, 0);
    const { events } = run({ seed: 5, ms: 10 * MINUTE_MS, start: saturday, symbols: ['SIM:SPY'] });
    const prices = new Set(trades(events).map((t) => t.price));
    expect(trades(events).length).toBeGreaterThan(600); // 300/min × 0.3 × 10 min ≈ 900
    expect(trades(events).length).toBeLessThan(1200);
    expect(prices.size).toBeGreaterThan(5);
  });

  it('jumps at the session open when a gap is drawn', () => {
    const sure = SIM_PARAMS.map((i) => ({ ...i, gapProbability: i.symbol === 'SIM:SPY' ? 1 : 0 }));
    const start = Date.UTC(2024, 5, 3, 13, 29); // 09:29 New York
    const { events } = run({ seed: 3, ms: 2 * MINUTE_MS, start, instruments: sure, symbols: ['SIM:SPY', 'SIM:QQQ'] });
    const open = Date.UTC(2024, 5, 3, 13, 30);
    const jump = (symbol: string) => {
      const list = trades(events).filter((t) => t.symbol === symbol);
      const before = list.filter((t) => t.time < open).at(-1)!;
      const after = list.find((t) => t.time >= open)!;
      return Math.abs(Math.log(after.price / before.price));
    };
    const dailyVol = 0.16 / Math.sqrt(252);
    expect(jump('SIM:SPY')).toBeGreaterThan(0.9 * dailyVol);
    expect(jump('SIM:SPY')).toBeLessThan(3.2 * dailyVol);
    expect(jump('SIM:QQQ')).toBeLessThan(0.2 * dailyVol);
  });

  describe('over two seeded days (Monday and Tuesday, 1 s steps)', () => {
    const minutes = 2 * 1440;
    let t: Tally;

    // About two million events: generous time limits for slow, shared CI machines.
    beforeAll(() => {
      const collector = tally(MONDAY, minutes);
      run({ seed: 2024, ms: minutes * MINUTE_MS, tickMs: 1_000, listener: collector.listener });
      t = collector.tally;
    }, 60_000);

    const returns = (symbol: string) => logReturns(carryForward(t.series.get(symbol)!.close));

    it('prints every trade and quote on the tick, above zero, with bid below ask', () => {
      expect(t.trades).toBeGreaterThan(1_000_000);
      expect(t.quotes).toBeGreaterThan(500_000);
      expect(t.faults.slice(0, 5)).toEqual([]);
    });

    it('trades mostly round lots with some odd lots', () => {
      expect(t.oddLots / t.trades).toBeGreaterThan(0.15);
      expect(t.oddLots / t.trades).toBeLessThan(0.25);
    });

    it('moves SPY and QQQ together and TLT against them', () => {
      expect(correlation(returns('SIM:SPY'), returns('SIM:QQQ'))).toBeGreaterThan(0.8);
      expect(correlation(returns('SIM:SPY'), returns('SIM:TLT'))).toBeLessThan(-0.2);
      expect(correlation(returns('SIM:XOM'), returns('SIM:NVDA'))).toBeGreaterThan(0.1);
    });

    it('clusters volatility: absolute returns are autocorrelated, unlike with GARCH switched off', () => {
      // Pooled over the eight symbols: one symbol's two days are too short to say much alone.
      const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
      const clustered = mean(SYMBOLS.map((s) => absLag1(returns(s), MONDAY)));
      // The control samples model prices each minute instead of collecting millions of trades.
      const time = new FakeTime(MONDAY);
      const flat = new SimulatorFeed({ clock: time, scheduler: time, random: seededRandom(2024), instruments: SIM_PARAMS, tickMs: 1_000, model: { garchAlpha: 0, garchBeta: 0 } });
      const closes = new Map(SYMBOLS.map((s) => [s, [] as number[]]));
      void flat.start();
      time.every(MINUTE_MS, () => flat.prices().forEach((price, symbol) => closes.get(symbol)!.push(price)));
      time.advance(minutes * MINUTE_MS);
      const unclustered = mean(SYMBOLS.map((s) => absLag1(logReturns(closes.get(s)!), MONDAY)));
      expect(clustered).toBeGreaterThan(0.05);
      expect(Math.abs(unclustered)).toBeLessThan(0.025);
    });

    it('trades more in the first and last half hour than at midday', () => {
      const perMinute = (from: number, to: number) => {
        let volume = 0;
        let count = 0;
        for (let m = 0; m < minutes; m += 1) {
          const { weekday, minuteOfDay } = newYorkTime(MONDAY + m * MINUTE_MS);
          if (weekday < 1 || weekday > 5 || minuteOfDay < from || minuteOfDay >= to) continue;
          for (const s of t.series.values()) volume += s.volume[m]!;
          count += 1;
        }
        return volume / count;
      };
      const opening = perMinute(570, 600);
      const midday = perMinute(720, 840);
      const closing = perMinute(930, 960);
      const night = perMinute(0, 240);
      expect(opening / midday).toBeGreaterThan(2);
      expect(closing / midday).toBeGreaterThan(1.5);
      expect(night / midday).toBeLessThan(0.6); // 0.3× overnight vs 0.7× at midday
      expect(night).toBeGreaterThan(0);
    });
  });
});
