import { describe, expect, it } from 'vitest';
import type { Timeframe } from '@shared/dto/market-data';
import { FakeTime } from '../../../../../test/support/fake-time';
import type { BarRange, BarStore } from '../../ports/bar-store';
import type { FeedEvent } from '../../ports/market-feed';
import type { Bar, BarColumns, Trade } from '../../market-data/types';
import { ReplayFeed, type ReplayFeedOptions } from './replay-feed';
import type { TradeRange, TradeSource } from './trade-source';

const T0 = Date.UTC(2024, 5, 3, 13, 30);
const MIN = 60_000;

const bar = (time: number, close = 100): Bar => ({ time, open: close, high: close + 1, low: close - 1, close, volume: 10, vwap: null, trades: null });
const minuteBars = (count: number, start = T0, step = MIN): Bar[] => Array.from({ length: count }, (_, n) => bar(start + n * step, 100 + n));

/** An in-memory BarStore that records every read, to prove the replay reads in chunks. */
class CountingBarStore implements BarStore {
  readonly reads: { range: BarRange; returned: number }[] = [];
  constructor(private readonly data: Record<string, Bar[]>) {}

  upsertBars(): number {
    throw new Error('read-only');
  }

  readBars(range: BarRange): BarColumns {
    const all = (this.data[range.symbol] ?? []).filter((b) => b.time >= (range.from ?? -Infinity) && b.time <= (range.to ?? Infinity));
    const rows = range.limit === undefined ? all : range.latest ? all.slice(-range.limit) : all.slice(0, range.limit);
    this.reads.push({ range, returned: rows.length });
    const column = (pick: (b: Bar) => number) => Float64Array.from(rows, pick);
    return { length: rows.length, time: column((b) => b.time), open: column((b) => b.open), high: column((b) => b.high), low: column((b) => b.low), close: column((b) => b.close), volume: column((b) => b.volume) };
  }

  extent(): null {
    return null;
  }
}

function setup(data: Record<string, Bar[]>, options: Partial<ReplayFeedOptions> = {}, timeframe: Timeframe = '1m') {
  const time = new FakeTime(1_000_000);
  const store = new CountingBarStore(data);
  const feed = new ReplayFeed({ clock: time, scheduler: time, source: { kind: 'bars', store, timeframe }, from: T0, ...options });
  const events: FeedEvent[] = [];
  feed.onEvent((event) => events.push(event));
  const bars = () => events.flatMap((e) => (e.type === 'bar' ? [{ symbol: e.symbol, time: e.bar.time }] : []));
  const statuses = () => events.flatMap((e) => (e.type === 'status' ? [`${e.state}: ${e.label}`] : []));
  return { time, store, feed, events, bars, statuses };
}

describe('ReplayFeed', () => {
  it('plays 1,000 one-minute bars at 60× in 1,000 s, each when its minute closes', async () => {
    const { time, feed, bars, statuses } = setup({ 'SIM:SPY': minuteBars(1_000) }, { speed: 60 });
    feed.subscribe(['SIM:SPY']);
    await feed.start();
    expect(statuses()).toEqual(['live: Replay 60×']);
    time.advance(999);
    expect(bars()).toHaveLength(0);
    time.advance(1);
    expect(bars()).toEqual([{ symbol: 'SIM:SPY', time: T0 }]);
    time.advance(998_999);
    expect(bars()).toHaveLength(999);
    expect(statuses()).toEqual(['live: Replay 60×']);
    time.advance(1);
    expect(bars()).toHaveLength(1_000);
    expect(bars().at(-1)!.time).toBe(T0 + 999 * MIN);
    expect(statuses()).toEqual(['live: Replay 60×', 'idle: Replay finished']);
    expect(time.pending()).toBe(0);
  });

  it('merges symbols in time order, ties in subscription order', async () => {
    const { time, feed, bars } = setup({
      A: [bar(T0), bar(T0 + 2 * MIN), bar(T0 + 4 * MIN)],
      B: [bar(T0 + MIN), bar(T0 + 2 * MIN), bar(T0 + 3 * MIN)],
      C: [bar(T0 + 4 * MIN)],
    }, { speed: 1000 });
    feed.subscribe(['B', 'A', 'C']);
    await feed.start();
    time.advance(10_000);
    expect(bars().map((b) => `${b.symbol}@${(b.time - T0) / MIN}`)).toEqual(['A@0', 'B@1', 'B@2', 'A@2', 'B@3', 'A@4', 'C@4']);
  });

  it('pauses where it is and resumes from there', async () => {
    const { time, feed, bars, statuses } = setup({ X: minuteBars(100) }, { speed: 10 });
    feed.subscribe(['X']);
    await feed.start();
    time.advance(33_000); // 5.5 minutes of replay: 5 bars closed
    expect(bars()).toHaveLength(5);
    feed.pause();
    const paused = feed.replayTime();
    expect(paused).toBe(T0 + 330_000);
    time.advance(3_600_000);
    expect(bars()).toHaveLength(5);
    expect(feed.replayTime()).toBe(paused);
    expect(time.pending()).toBe(0);
    feed.resume();
    time.advance(2_999);
    expect(bars()).toHaveLength(5);
    time.advance(1); // the sixth minute closes 30 s of replay (3 s) after the pause point
    expect(bars()).toHaveLength(6);
    expect(statuses()).toEqual(['live: Replay 10×', 'idle: Replay paused', 'live: Replay 10×']);
  });

  it('changes speed mid-play without losing its place, clamped to 1–1000×', async () => {
    const { time, feed, bars, statuses } = setup({ X: minuteBars(100) }, { speed: 60 });
    feed.subscribe(['X']);
    await feed.start();
    time.advance(10_000);
    expect(bars()).toHaveLength(10);
    expect(feed.setSpeed(120)).toBe(120);
    time.advance(5_000);
    expect(bars()).toHaveLength(20);
    expect(feed.setSpeed(5_000)).toBe(1_000);
    expect(feed.setSpeed(0.25)).toBe(1);
    expect(feed.setSpeed(2.5)).toBe(2.5);
    expect(() => feed.setSpeed(Number.NaN)).toThrow(RangeError);
    expect(statuses()).toEqual(['live: Replay 60×', 'live: Replay 120×', 'live: Replay 1000×', 'live: Replay 1×', 'live: Replay 2.5×']);
    expect(new ReplayFeed({ clock: time, scheduler: time, source: { kind: 'bars', store: new CountingBarStore({}), timeframe: '1m' }, from: T0, speed: 0 }).getSpeed()).toBe(1);
  });

  it('seeks forward, backward and out of a finished replay', async () => {
    const { time, feed, bars, statuses } = setup({ X: minuteBars(1_000) }, { speed: 60 });
    feed.subscribe(['X']);
    await feed.start();
    time.advance(3_000);
    feed.seek(T0 + 500 * MIN);
    time.advance(1_000);
    expect(bars().slice(3)).toEqual([{ symbol: 'X', time: T0 + 500 * MIN }]);
    feed.seek(T0 + 100 * MIN + 30_000); // mid-bar: the next bar is the first opening after it
    time.advance(1_500);
    expect(bars().at(-1)).toEqual({ symbol: 'X', time: T0 + 101 * MIN });
    feed.seek(T0 + 999 * MIN);
    time.advance(1_000);
    expect(statuses().at(-1)).toBe('idle: Replay finished');
    feed.seek(T0 + 998 * MIN);
    expect(statuses().at(-1)).toBe('live: Replay 60×');
    time.advance(2_000);
    expect(bars().slice(-2).map((b) => (b.time - T0) / MIN)).toEqual([998, 999]);
  });

  it('reads storage in chunks as it goes, never everything at once', async () => {
    const { time, feed, store, bars } = setup({ X: minuteBars(1_000) }, { speed: 1_000, chunkSize: 100 });
    feed.subscribe(['X']);
    await feed.start();
    time.advance(150 * 60); // 150 bars at 60 ms each
    expect(bars()).toHaveLength(150);
    expect(store.reads).toHaveLength(2);
    time.advance(3_600_000);
    expect(bars()).toHaveLength(1_000);
    expect(new Set(bars().map((b) => b.time)).size).toBe(1_000);
    expect(store.reads.every((r) => r.range.limit === 100 && r.returned <= 100)).toBe(true);
    expect(store.reads).toHaveLength(11); // ten full chunks and one empty read to learn it ended
  });

  it('cuts long silences (nights) to five bars unless told to keep them', async () => {
    const data = { X: [...minuteBars(3), ...minuteBars(3, T0 + 18 * 60 * MIN)] };
    const short = setup(data, { speed: 60 });
    short.feed.subscribe(['X']);
    await short.feed.start();
    short.time.advance(3_000 + 5_000);
    expect(short.bars()).toHaveLength(4);

    const kept = setup(data, { speed: 60, maxGapMs: Infinity });
    kept.feed.subscribe(['X']);
    await kept.feed.start();
    kept.time.advance(18 * 60_000); // 18 hours of replay at 60×
    expect(kept.bars()).toHaveLength(3);
    kept.time.advance(1_000);
    expect(kept.bars()).toHaveLength(4);
  });

  it('lets a listener pause in the middle of a catch-up burst', async () => {
    const { time, feed, events, bars } = setup({ X: minuteBars(10), Y: minuteBars(10) }, { speed: 60 });
    feed.onEvent((e) => {
      if (e.type === 'bar' && e.symbol === 'Y' && e.bar.time === T0 + 2 * MIN) feed.pause();
    });
    feed.subscribe(['X', 'Y']);
    await feed.start();
    time.advance(60_000);
    expect(bars()).toHaveLength(6);
    expect(events.at(-1)).toEqual({ type: 'status', state: 'idle', label: 'Replay paused' });
  });

  it('joins a symbol subscribed mid-play at its bar in progress and stops cleanly', async () => {
    const { time, feed, bars, statuses } = setup({ A: minuteBars(10), B: minuteBars(10) }, { speed: 60 });
    feed.subscribe(['A']);
    await feed.start();
    time.advance(2_500); // replay at T0 + 2.5 min: B's bar opened at T0 + 2 min is still open
    feed.subscribe(['B']);
    time.advance(500);
    expect(bars().filter((b) => b.symbol === 'B')).toEqual([{ symbol: 'B', time: T0 + 2 * MIN }]);
    await feed.stop();
    expect(time.pending()).toBe(0);
    expect(statuses().at(-1)).toBe('idle: Replay stopped');
  });
});

/** Trades kept in memory, oldest first; records the limits it is asked for. */
class MemoryTradeSource implements TradeSource {
  readonly limits: number[] = [];
  constructor(private readonly trades: Trade[]) {}
  readTrades(range: TradeRange): readonly Trade[] {
    this.limits.push(range.limit);
    return this.trades.filter((t) => t.symbol === range.symbol && t.time >= range.from && t.time <= (range.to ?? Infinity)).slice(0, range.limit);
  }
}

const trade = (symbol: string, time: number, id: string): Trade => ({ symbol, time, timeNs: null, price: 10, size: 100, exchange: null, conditions: [], id });

describe('ReplayFeed of trades', () => {
  it('plays every trade once, at its own time, even bursts larger than a chunk', async () => {
    const burst = Array.from({ length: 7 }, (_, n) => trade('X', T0 + 1_000, `burst-${n}`));
    const source = new MemoryTradeSource([trade('X', T0, 'a'), ...burst, trade('Y', T0 + 1_500, 'y'), trade('X', T0 + 2_000, 'b')]);
    const time = new FakeTime(0);
    const feed = new ReplayFeed({ clock: time, scheduler: time, source: { kind: 'trades', trades: source }, from: T0, speed: 1, chunkSize: 3 });
    const seen: { id: string | null; at: number }[] = [];
    feed.onEvent((e) => {
      if (e.type === 'trade') seen.push({ id: e.trade.id, at: time.now() });
    });
    feed.subscribe(['X', 'Y']);
    await feed.start();
    time.advance(5_000);
    expect(seen.map((s) => s.id)).toEqual(['a', ...burst.map((t) => t.id), 'y', 'b']);
    expect(seen.map((s) => s.at)).toEqual([0, ...burst.map(() => 1_000), 1_500, 2_000]);
  });
});
