import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BarUpdate, Ticker } from '@shared/dto/market-data';
import { EventHub } from '../../src/main/core/events/event-hub';
import { FeedStatusBoard } from '../../src/main/core/feed/feed-status-board';
import { seededRandom } from '../../src/main/core/ports/random';
import { SIM_PARAMS, SimulatorFeed } from '../../src/main/core/feeds';
import { TradeAggregator } from '../../src/main/core/market-data/aggregation';
import { tradingDayOf } from '../../src/main/core/market-data/calendar';
import { MarketDataService } from '../../src/main/core/market-data/market-data-service';
import { openSqliteStore, type SqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { FakeTime } from '../support/fake-time';
import { recordingLogger } from '../support/recording-logger';
import { tempDir } from '../support/temp-dir';

const opened: SqliteStore[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function setup() {
  const db = openSqliteStore(join(tempDir(), 'kestrel.db'));
  opened.push(db);
  await migrateToLatest(db.db);
  const store = new SqliteBarStore(db.sqlite);
  const time = new FakeTime(Date.UTC(2024, 5, 4, 14, 0)); // a Tuesday, 10:00 in New York
  const hub = new EventHub();
  const feedStatus = new FeedStatusBoard(hub, time);
  const instruments = SIM_PARAMS.slice(0, 3);
  const feed = new SimulatorFeed({ clock: time, scheduler: time, random: seededRandom(7), instruments });
  const finals: BarUpdate[] = [];
  const service = new MarketDataService({
    feed,
    store,
    hub,
    clock: time,
    scheduler: time,
    logger: recordingLogger(),
    feedStatus,
    tradingDayOf,
    createAggregator: (onFinal) =>
      new TradeAggregator({
        timeframes: ['1s', '1m', '5m'],
        onBar: (symbol, timeframe, bar, final) => {
          if (!final) return;
          finals.push({ symbol, timeframe, bar: { ...bar }, final });
          onFinal(symbol, timeframe, bar);
        },
      }),
  });
  return { store, time, hub, feedStatus, service, finals, symbols: instruments.map((i) => i.symbol) };
}

describe('MarketDataService', () => {
  it('publishes at most one update per bar per frame and stores exactly the finished bars', async () => {
    const { store, time, hub, feedStatus, service, finals, symbols } = await setup();
    const frames: BarUpdate[][] = [[]];
    const tickers: Ticker[] = [];
    hub.subscribe('md.bar', (update) => frames.at(-1)!.push(update));
    hub.subscribe('md.ticker', (ticker) => tickers.push(ticker));
    await service.start(symbols);
    for (let i = 0; i < (5 * 60_000) / 50; i += 1) {
      time.advance(50);
      frames.push([]);
    }
    await service.stop();

    expect(feedStatus.get()).toMatchObject({ source: 'simulator', label: expect.stringMatching(/Simulated/) });
    const updates = frames.flat();
    expect(updates.length).toBeGreaterThan(1000);
    for (const frame of frames) {
      const keys = frame.map((u) => `${u.symbol}|${u.timeframe}|${u.bar.time}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    // Every finished bar reached the UI with its final values.
    const published = new Map(updates.filter((u) => u.final).map((u) => [`${u.symbol}|${u.timeframe}|${u.bar.time}`, u.bar]));
    for (const final of finals) expect(published.get(`${final.symbol}|${final.timeframe}|${final.bar.time}`)).toEqual(final.bar);

    // 1m and 5m finished bars are in the store, exactly; 1s bars are live-only.
    for (const symbol of symbols) {
      const expected = finals.filter((f) => f.symbol === symbol && f.timeframe === '1m').map((f) => f.bar);
      expect(expected.length).toBeGreaterThanOrEqual(4);
      const stored = store.readBars({ symbol, timeframe: '1m' });
      expect(Array.from(stored.time)).toEqual(expected.map((b) => b.time));
      expect(Array.from(stored.close)).toEqual(expected.map((b) => b.close));
      expect(Array.from(stored.volume)).toEqual(expected.map((b) => b.volume));
      expect(store.readBars({ symbol, timeframe: '1s' }).length).toBe(0);
    }
    // Tickers follow the last trade, coalesced per frame.
    const last = tickers.filter((t) => t.symbol === symbols[0]).at(-1);
    expect(last?.last).toBeGreaterThan(0);
    expect((await service.handlers()['md.tickers']({ symbols: [symbols[0]!] }))[0]).toEqual(last);
  });
});
