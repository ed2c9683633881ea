import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/main/core/ports/market-feed';
import { seededRandom } from '../../src/main/core/ports/random';
import { PolygonFeed } from '../../src/main/node/adapters/polygon/ws-client';
import { systemScheduler } from '../../src/main/node/system-scheduler';
import { FakePolygonServer } from '../fakes/polygon/fake-polygon-server';
import { waitFor } from '../support/wait-for';
import { recordingLogger } from '../support/recording-logger';

const START = Date.UTC(2026, 0, 5, 15, 0);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function connect(apiKey: string, symbols: string[], channels?: ('trade' | 'quote' | 'second' | 'minute')[]) {
  const fake = await FakePolygonServer.start({ symbols: ['AAPL', 'MSFT', 'X:BTCUSD'], apiKeys: ['full-key', 'basic-key'], start: START, unentitled: { 'basic-key': ['Q', 'A'] } });
  const logger = recordingLogger();
  const feed = new PolygonFeed({
    config: { restUrl: fake.restUrl, stocksWsUrl: `${fake.wsUrl}/stocks`, cryptoWsUrl: `${fake.wsUrl}/crypto` },
    apiKey,
    clock: fake.clock,
    scheduler: systemScheduler,
    logger,
    random: seededRandom(5),
    reconnectBackoff: { baseMs: 10, capMs: 40 },
    channels,
  });
  const events: FeedEvent[] = [];
  feed.onEvent((e) => events.push(e));
  cleanups.push(async () => {
    await feed.stop();
    await fake.close();
  });
  await feed.start();
  feed.subscribe(symbols);
  const statuses = () => events.filter((e): e is Extract<FeedEvent, { type: 'status' }> => e.type === 'status');
  return { fake, feed, events, logger, statuses, last: () => statuses().at(-1) };
}

describe('Polygon socket client against the fake server', () => {
  it('goes down with a clear label when the key is rejected, and does not retry it', async () => {
    const s = await connect('wrong-key', ['AAPL']);
    await waitFor(() => s.last()?.state === 'down', 'the feed to go down');
    expect(s.last()?.label).toMatch(/rejected the API key/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.fake.sockets.connections).toBe(1);
    expect(s.fake.sockets.received).toEqual(['auth']);
    expect(JSON.stringify(s.logger.entries)).not.toContain('wrong-key');
  });

  it('keeps streaming the entitled channels and names the ones the plan lacks', async () => {
    const s = await connect('basic-key', ['AAPL']);
    await waitFor(() => s.last()?.state === 'degraded', 'a degraded status');
    expect(s.last()?.label).toBe('Polygon stocks live; plan does not include Q.AAPL, A.AAPL');
    await s.fake.advanceMinute();
    await waitFor(() => s.events.some((e) => e.type === 'bar' && e.timeframe === '1m'), 'the minute bar');
    expect(s.events.some((e) => e.type === 'trade' && e.trade.symbol === 'AAPL')).toBe(true);
    expect(s.events.some((e) => e.type === 'quote')).toBe(false);
  });

  it('streams both clusters with Polygon-spelled symbols, and unsubscribes', async () => {
    const s = await connect('full-key', ['AAPL', 'X:BTCUSD'], ['trade', 'quote', 'minute']);
    await waitFor(() => s.last()?.label === 'Polygon stocks, crypto live' || s.last()?.label === 'Polygon crypto, stocks live', 'both clusters live');
    // Advance the market only once the fake holds both subscriptions: a minute broadcast before
    // that reaches nobody, and its bar would then come from the REST gap fill, without trades.
    await waitFor(
      () => s.fake.sockets.received.includes('subscribe T.AAPL,Q.AAPL,AM.AAPL') && s.fake.sockets.received.includes('subscribe XT.BTC-USD,XQ.BTC-USD,XA.BTC-USD'),
      'both subscriptions at the server',
    );
    await s.fake.advanceMinute(); // X:BTCUSD has no trades in this first minute
    await s.fake.advanceMinute();
    const symbolsOf = (type: FeedEvent['type']) =>
      new Set(s.events.filter((e) => e.type === type).map((e) => (e.type === 'trade' ? e.trade.symbol : e.type === 'quote' ? e.quote.symbol : e.type === 'bar' ? e.symbol : '')));
    await waitFor(() => symbolsOf('bar').size === 2, 'minute bars of both');
    expect(symbolsOf('trade')).toEqual(new Set(['AAPL', 'X:BTCUSD']));
    expect(symbolsOf('quote')).toEqual(new Set(['AAPL', 'X:BTCUSD']));
    expect(s.fake.sockets.received).toContain('subscribe XT.BTC-USD,XQ.BTC-USD,XA.BTC-USD');

    s.feed.unsubscribe(['AAPL']);
    await waitFor(() => s.fake.sockets.received.includes('unsubscribe T.AAPL,Q.AAPL,AM.AAPL'), 'the unsubscribe');
    const before = s.events.length;
    await s.fake.advanceMinute();
    await waitFor(() => s.events.slice(before).some((e) => e.type === 'bar'), 'the next crypto bar');
    expect(s.events.slice(before).some((e) => e.type === 'trade' && e.trade.symbol === 'AAPL')).toBe(false);
  });

  it('reports reconnecting while a cluster is refused, then live again', async () => {
    const s = await connect('full-key', ['MSFT']);
    await waitFor(() => s.last()?.state === 'live', 'live');
    s.fake.refuseConnections(true);
    s.fake.drop();
    await waitFor(() => s.last()?.state === 'connecting' && /attempt [2-9]/.test(s.last()?.label ?? ''), 'a reconnecting label');
    s.fake.refuseConnections(false);
    await waitFor(() => s.last()?.state === 'live', 'live again');
    expect(s.feed.stats().reconnects).toBe(1);
  });
});
