import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerState } from '@shared/dto/broker';
import { seededRandom } from '../../../core/ports/random';
import { systemScheduler } from '../../system-scheduler';
import { keepingLogger } from './test-desk';
import { FakeTradeServer, STREAM_KEY as KEY, STREAM_SECRET as SECRET, streamUpdate as update, until } from './test-stream-server';
import { AlpacaTradeStream } from './trade-stream';
import type { TradeUpdate } from './wire';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(server: FakeTradeServer, secret = SECRET) {
  const seen = { updates: [] as TradeUpdate[], ready: 0, states: [] as BrokerState[] };
  const logger = keepingLogger();
  const stream = new AlpacaTradeStream({
    url: server.url,
    keyId: KEY,
    secret,
    scheduler: systemScheduler,
    random: seededRandom(3),
    logger,
    backoff: { baseMs: 20, capMs: 20 },
    onUpdate: (u) => seen.updates.push(u),
    onReady: () => (seen.ready += 1),
    onState: (state) => seen.states.push(state),
  });
  cleanups.push(() => stream.stop());
  stream.start();
  return { stream, seen, logger };
}

async function startServer(): Promise<FakeTradeServer> {
  const server = await FakeTradeServer.start();
  cleanups.push(() => server.close());
  return server;
}

describe('AlpacaTradeStream', () => {
  it('logs in, listens, and delivers binary and text trade updates in order, skipping malformed frames', async () => {
    const server = await startServer();
    const { stream, seen } = connect(server);
    await until(() => seen.ready === 1);
    expect(server.received).toEqual(['auth', 'listen']);

    server.send({ stream: 'trade_updates', data: update('partial_fill', 'e1', '1') });
    server.send('{"stream":"trade_updates", not json');
    server.send({ stream: 'trade_updates', data: { event: 'fill' } }); // no order
    server.send({ stream: 'trade_updates', data: update('fill', 'e2', '2') }, false);
    await until(() => seen.updates.length === 2);

    expect(seen.updates.map((u) => [u.event, u.execution_id, u.price])).toEqual([
      ['partial_fill', 'e1', '100.01'],
      ['fill', 'e2', '100.01'],
    ]);
    expect(stream.stats).toMatchObject({ malformed: 2, updates: 2 });
    expect(seen.states).toEqual(['connecting', 'connected']);
  });

  it('reconnects after a drop, logs in and listens again, and is ready again', async () => {
    const server = await startServer();
    const { seen, logger } = connect(server);
    await until(() => seen.ready === 1);
    server.dropAll();
    await until(() => seen.ready === 2);
    expect(server.connections).toBe(2);
    expect(server.received).toEqual(['auth', 'listen', 'auth', 'listen']);
    expect(seen.states).toEqual(['connecting', 'connected', 'degraded', 'connected']);
    const logged = logger.lines.map((line) => `${line.message} ${line.fields}`).join('\n');
    expect(logged).toContain('reconnecting');
    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain(SECRET);
  });

  it('is down, and does not retry, when Alpaca refuses the keys', async () => {
    const server = await startServer();
    const { stream, seen, logger } = connect(server, 'wrong-secret-0123456789');
    await until(() => stream.current === 'rejected');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.connections).toBe(1);
    expect(seen.states.at(-1)).toBe('down');
    expect(seen.ready).toBe(0);
    expect(logger.lines.map((line) => `${line.message} ${line.fields}`).join('\n')).not.toContain('wrong-secret');
  });
});
