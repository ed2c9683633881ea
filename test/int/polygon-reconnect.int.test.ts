import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { seededRandom } from '../../src/main/core/ports/random';
import { polygonConfigFrom } from '../../src/main/node/adapters/polygon/config';
import { PolygonRestClient } from '../../src/main/node/adapters/polygon/rest-client';
import { PolygonFeed } from '../../src/main/node/adapters/polygon/ws-client';
import { systemScheduler } from '../../src/main/node/system-scheduler';
import { FakePolygonServer } from '../fakes/polygon/fake-polygon-server';
import { asRows, recordInto, storedBars } from '../fakes/polygon/harness';
import { openBarStore } from '../support/bar-store';
import { waitFor } from '../support/wait-for';
import { MINUTE_MS } from '../fakes/polygon/market-data';
import { recordingLogger } from '../support/recording-logger';
import { tempDir } from '../support/temp-dir';

const SYMBOLS = ['AAPL', 'MSFT', 'X:BTCUSD'];
const START = Date.UTC(2026, 0, 5, 14, 30);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function session(fake: FakePolygonServer, apiKey: string, logger = recordingLogger()) {
  const config = polygonConfigFrom(DEFAULT_SETTINGS.polygon, { KESTREL_POLYGON_REST_URL: fake.restUrl, KESTREL_POLYGON_WS_URL: fake.wsUrl });
  const rest = new PolygonRestClient({ baseUrl: config.restUrl, apiKey, logger, backoff: { baseMs: 5, capMs: 40 }, random: seededRandom(3) });
  const feed = new PolygonFeed({
    config,
    apiKey,
    clock: fake.clock,
    scheduler: systemScheduler,
    logger,
    rest,
    random: seededRandom(apiKey.length),
    reconnectBackoff: { baseMs: 20, capMs: 150 },
  });
  const db = await openBarStore(tempDir());
  const recorder = recordInto(feed, db.store);
  cleanups.push(async () => {
    await feed.stop();
    await db.close();
  });
  await feed.start();
  feed.subscribe(SYMBOLS);
  return { feed, store: db.store, recorder, logger };
}

describe('Polygon feed across forced disconnects', () => {
  it('stores exactly the bars of an undisturbed session (none missing, none duplicated); malformed frames are counted, logged and skipped', async () => {
    const fake = await FakePolygonServer.start({ symbols: SYMBOLS, apiKeys: ['steady-key', 'flaky-key'], start: START, batch: 7 });
    cleanups.push(() => fake.close());
    const steady = await session(fake, 'steady-key');
    const flaky = await session(fake, 'flaky-key');
    const live = (s: typeof steady) => s.recorder.lastStatus()?.state === 'live';
    await waitFor(() => live(steady) && live(flaky), 'both sessions live');

    const expectedLast = (symbol: string) => fake.market.minuteBars(symbol, START, fake.clock.now() - MINUTE_MS).at(-1)?.t ?? null;
    const caughtUp = (s: typeof steady) => live(s) && SYMBOLS.every((sym) => (s.store.extent(sym, '1m')?.last ?? null) === expectedLast(sym));
    const settle = () => waitFor(() => caughtUp(steady) && caughtUp(flaky), 'both stores to reach the last closed minute');
    const waitDown = () => waitFor(() => !live(flaky), 'the flaky session to notice the drop');

    await fake.advanceMinute();
    await fake.advanceMinute();
    await settle();

    // 1: dropped between minutes and kept out for three of them.
    fake.refuseConnections(true);
    expect(fake.drop('flaky-key')).toBe(2);
    await waitDown();
    for (let i = 0; i < 3; i += 1) await fake.advanceMinute();
    fake.refuseConnections(false);
    await settle();

    // 2: malformed frames on both sessions, a drop, and a 429 burst while the gap is fetched.
    const malformed = ['{"not":"an array"}', 'not json at all', '[{"ev":"T","sym":"AAPL","p":"x"},{"ev":"ZZ"},42]'];
    await fake.inject(malformed);
    await fake.advanceMinute();
    fake.refuseConnections(true);
    fake.drop('flaky-key');
    await waitDown();
    await fake.advanceMinute();
    await fake.advanceMinute();
    fake.failRest(3, 429);
    fake.refuseConnections(false);
    await settle();

    // 3: dropped and racing the reconnect: minutes close while it comes back.
    fake.drop('flaky-key');
    await fake.advanceMinute();
    await fake.advanceMinute();
    await settle();
    await fake.advanceMinute();
    await settle();

    for (const symbol of SYMBOLS) {
      const expected = asRows(fake.market.minuteBars(symbol, START, fake.clock.now() - MINUTE_MS));
      expect(expected.length).toBeGreaterThan(5);
      expect(storedBars(steady.store, symbol)).toEqual(expected);
      expect(storedBars(flaky.store, symbol)).toEqual(expected);
    }
    // Each minute reached the flaky session's listeners exactly once.
    expect([...flaky.recorder.seen.values()].every((n) => n === 1)).toBe(true);
    expect(flaky.recorder.seen.size).toBe(steady.recorder.seen.size);

    const stats = flaky.feed.stats();
    expect(stats.connects).toBeGreaterThanOrEqual(8); // two clusters, three drops
    expect(stats.gapBarsFetched).toBeGreaterThan(0);
    expect(stats.gapFailures).toBe(0);
    // 2 bad frames + 3 bad messages, once per cluster socket.
    expect(stats.malformed).toBe(10);
    expect(steady.feed.stats().malformed).toBe(10);
    expect(steady.feed.stats().connects).toBe(2);
    const warnings = flaky.logger.entries.filter((e) => e.message === 'Skipped a malformed Polygon message');
    expect(warnings.map((e) => e.fields?.reason).sort()).toEqual(
      ['missing-fields', 'missing-fields', 'not-array', 'not-array', 'not-json', 'not-json', 'not-object', 'not-object', 'unknown-event', 'unknown-event'],
    );
    expect(flaky.recorder.trades).toBeGreaterThan(0);
    expect(fake.rest.requests.some((r) => r.path.startsWith('/v2/aggs/ticker/X:BTCUSD/range/1/minute/'))).toBe(true);
    const logged = JSON.stringify([...flaky.logger.entries, ...steady.logger.entries]);
    expect(logged).not.toContain('flaky-key');
    expect(logged).not.toContain('steady-key');
  });
});
