// A trading engine in its own process for the crash test (test/int/trading-crash.int.test.ts).
// It replays real 5-minute AAPL bars through the real replay feed, and at every step places,
// modifies or cancels orders through the trading handlers, exactly as a seeded script says.
// Killed at any moment, it resumes from the journal's cursor; run to the end it prints a
// digest of the books. Usage: tsx crash-child.ts DATA_DIR SEED STEPS
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { PlaceOrder, ReplaceOrder } from '../../../src/shared/dto/trading';
import { Decimal } from '../../../src/shared/money/decimal';
import { DEFAULT_SETTINGS } from '../../../src/shared/dto/settings';
import type { Instrument } from '../../../src/shared/dto/market-data';
import { EventHub } from '../../../src/main/core/events/event-hub';
import { DomainError } from '../../../src/main/core/api/domain-error';
import { ReplayFeed } from '../../../src/main/core/feeds';
import type { FeedEvent } from '../../../src/main/core/ports/market-feed';
import type { Bar } from '../../../src/main/core/market-data/types';
import { seededRandom } from '../../../src/main/core/ports/random';
import { SettingsService } from '../../../src/main/core/settings/settings-service';
import { isOpen } from '../../../src/main/core/trading/model/order';
import { openSqliteStore } from '../../../src/main/node/store/database';
import { migrateToLatest } from '../../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../../src/main/node/store/sqlite-bar-store';
import { SqliteSettingsRepository } from '../../../src/main/node/store/sqlite-settings-repository';
import { SqliteTradingJournal } from '../../../src/main/node/store/sqlite-trading-journal';
import { startTrading } from '../../../src/main/node/trading/start-trading';
import { FakeTime } from '../../support/fake-time';
import { recordingLogger } from '../../support/recording-logger';
import { sharedDataFile } from '../../support/shared-data';
import { booksDigest } from './books-digest';

const SYMBOL = 'AAPL';
const CURSOR = 'crash-script';

async function main(): Promise<void> {
  const [dataDir = '', seedText = '1', stepsText = '600'] = process.argv.slice(2);
  const seed = Number(seedText);
  const steps = Number(stepsText);
  const store = openSqliteStore(join(dataDir, 'kestrel.db'));
  await migrateToLatest(store.db);
  const bars = new SqliteBarStore(store.sqlite);
  const events = await replayedBars(bars);
  const first = events[0];
  if (!first || first.type !== 'bar') throw new Error('no bars to replay');

  const time = new FakeTime(first.bar.time - 60_000);
  const hub = new EventHub();
  const logger = recordingLogger();
  const settings = new SettingsService(new SqliteSettingsRepository(store.db), hub, time, logger);
  await settings.load();
  await settings.update({
    risk: { ...DEFAULT_SETTINGS.risk, duplicateWindowMs: 0, maxDailyLoss: null, maxPriceDeviationPercent: null },
    paper: {
      initialCash: '1000000',
      marginMultiplier: '2',
      slippage: { model: 'fixed_bps', bps: '1' },
      commission: { model: 'per_share', perShare: '0.005', minimum: '1', maximumPercent: '1' },
    },
  });

  const done = new SqliteTradingJournal(store.sqlite).load().cursors.get(CURSOR) ?? -1;
  // Resume after the last journaled step: the market up to there is only re-seen, not re-traded.
  // Positions: 2·step is a step's action, 2·step + 1 its market event.
  const resumeStep = Math.floor((done + 1) / 2);
  const lastSeen = Math.floor((done - 1) / 2);
  const trading = await startTrading({
    sqlite: store.sqlite,
    hub,
    clock: time,
    scheduler: time,
    logger,
    settings,
    instruments: bars,
    onFeedEvent: () => () => {},
    tickMs: 60_000,
    equityEveryMs: 24 * 3_600_000,
    prime: (see) => {
      for (let i = 0; i <= lastSeen && i < events.length; i += 1) {
        const event = events[i] as FeedEvent;
        if (event.type === 'bar') time.advanceTo(Math.max(time.now(), event.bar.time + 300_000));
        see(event);
      }
    },
  });
  const handlers = trading.handlers;
  process.stdout.write(`restored ${done}\n`);

  for (let step = resumeStep; step < steps && step < events.length; step += 1) {
    if (2 * step > done) {
      trading.manager.setCursor(CURSOR, 2 * step);
      await act(step);
    }
    const event = events[step] as FeedEvent;
    if (event.type === 'bar') time.advanceTo(Math.max(time.now(), event.bar.time + 300_000));
    trading.manager.setCursor(CURSOR, 2 * step + 1);
    trading.onMarketEvent(event);
  }
  process.stdout.write(`final ${JSON.stringify(booksDigest(trading.manager))}\n`);
  await trading.stop();
  await store.close();

  async function act(step: number): Promise<void> {
    const source = seededRandom(seed * 1_000_003 + step);
    const random = () => source.next();
    const roll = random();
    const last = trading.marks.price(SYMBOL, new Decimal('0.01'));
    const open = [...trading.manager.books.book.orders.values()].filter((order) => isOpen(order) && order.parentId === null);
    const pick = open[Math.floor(random() * open.length)];
    const side = random() < 0.5 ? 'buy' : 'sell';
    const quantity = String(1 + Math.floor(random() * 50));
    const away = (fraction: number) => (last ? last.times(1 + fraction).toDecimalPlaces(2).toFixed() : '100');
    try {
      if (roll < 0.25) {
        const offset = (side === 'buy' ? -1 : 1) * random() * 0.004;
        await place(step, { symbol: SYMBOL, side, type: 'limit', quantity, limitPrice: away(offset), timeInForce: 'gtc' });
      } else if (roll < 0.35) {
        await place(step, { symbol: SYMBOL, side, type: 'market', quantity });
      } else if (roll < 0.42) {
        await place(step, { symbol: SYMBOL, side, type: 'stop', quantity, stopPrice: away((side === 'buy' ? 1 : -1) * 0.003), timeInForce: 'gtc' });
      } else if (roll < 0.47) {
        await place(step, { symbol: SYMBOL, side, type: 'trailing_stop', quantity, trailPercent: '0.3', timeInForce: 'gtc' });
      } else if (roll < 0.62 && pick && pick.type === 'limit') {
        const limit = pick.limitPrice?.times(random() < 0.5 ? 0.999 : 1.001).toDecimalPlaces(2).toFixed() ?? '100';
        const order = await handlers['orders.replace'](ReplaceOrder.parse({ id: pick.id, clientOrderId: `c${step}r`, limitPrice: limit }));
        process.stdout.write(`ack ${order.clientOrderId}\n`);
      } else if (roll < 0.75 && pick) {
        await handlers['orders.cancel']({ id: pick.id });
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // a fill raced the script: the same in every run
    }
  }

  async function place(step: number, request: Record<string, unknown>): Promise<void> {
    const order = await handlers['orders.place'](PlaceOrder.parse({ ...request, clientOrderId: `c${step}`, source: 'api' }));
    process.stdout.write(`ack ${order.clientOrderId}\n`);
  }
}

/** The real replay feed on simulated time: every AAPL 5-minute bar, in order. */
async function replayedBars(store: SqliteBarStore): Promise<FeedEvent[]> {
  if (store.getInstrument(SYMBOL) === null) {
    const instrument: Instrument = {
      symbol: SYMBOL,
      name: 'Apple Inc.',
      assetClass: 'stock',
      exchange: 'XNAS',
      currency: 'USD',
      tickSize: '0.01',
      lotSize: '1',
      active: true,
    };
    store.upsertInstruments([instrument]);
    store.upsertBars(SYMBOL, '5m', await readAaplBars());
  }
  const clock = new FakeTime(0);
  const firstBar = store.readBars({ symbol: SYMBOL, timeframe: '5m', limit: 1 });
  const feed = new ReplayFeed({ clock, scheduler: clock, source: { kind: 'bars', store, timeframe: '5m' }, from: firstBar.time[0] ?? 0, speed: 1000 });
  const events: FeedEvent[] = [];
  feed.onEvent((event) => {
    if (event.type === 'bar') events.push(event);
  });
  await feed.start();
  feed.subscribe([SYMBOL]);
  for (let i = 0; i < 100_000 && events.length < 8000; i += 1) clock.advance(1_000);
  await feed.stop();
  return events;
}

async function readAaplBars(): Promise<Bar[]> {
  const lines = createInterface({ input: createReadStream(sharedDataFile('clean/intraday_5min_stooq_2026.csv.gz')).pipe(createGunzip()) });
  const bars: Bar[] = [];
  for await (const line of lines) {
    if (!line.startsWith(`${SYMBOL},`)) continue;
    const [, stamp = '', open = '', high = '', low = '', close = '', volume = ''] = line.split(',');
    bars.push({ time: Date.parse(stamp), open: +open, high: +high, low: +low, close: +close, volume: Math.round(+volume), vwap: null, trades: null });
  }
  return bars;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
