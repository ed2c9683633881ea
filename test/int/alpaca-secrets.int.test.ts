import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '@shared/client/rpc-client';
import type { Transport } from '@shared/client/transport';
import { topics, type TopicName } from '@shared/contract/events';
import { InProcessTransport } from '../../src/main/node/rpc/in-process-transport';
import { startFakeAlpaca } from '../fakes/alpaca/fake-alpaca-server';
import { testEngine } from '../support/engine';
import { tempDir } from '../support/temp-dir';

/**
 * Keys go in and never come back out: after a session that connects, fails a connect, trades,
 * loses its stream and reconciles, neither the key id nor the secret (nor the passphrase) is
 * in any log line, any byte of any file in the data directory, or any message the renderer
 * side received.
 */
const KEY = { keyId: 'PKLEAKCHECK0042', secret: 'leak-check-secret-9f8e7d6c5b4a' };
const PASSPHRASE = 'a long passphrase nobody sees';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

/** Every message crossing the boundary towards the client, as text. */
function recording(inner: Transport, seen: string[]): Transport {
  return {
    kind: inner.kind,
    request: async (message) => {
      const response = await inner.request(message);
      seen.push(JSON.stringify(response));
      return response;
    },
    onEvent: (listener) => inner.onEvent((message) => {
      seen.push(JSON.stringify(message));
      listener(message);
    }),
    onState: (listener) => inner.onState(listener),
    close: () => inner.close(),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('Alpaca keys', () => {
  it('appear in no log, no file of the data directory and no message to the renderer', async () => {
    const fake = await startFakeAlpaca({ keys: [KEY], clock: 'system' });
    cleanups.push(() => fake.close());
    const dataDir = tempDir();
    const env = { KESTREL_ALPACA_TRADING_URL: fake.tradingUrl, KESTREL_ALPACA_STREAM_URL: fake.streamUrl, KESTREL_ALPACA_DATA_URL: fake.dataStreamUrl, KESTREL_ALPACA_TIMEOUT_MS: '1500' };
    const engine = await testEngine({ dataDir, env });
    const seen: string[] = [];
    const client = new RpcClient(recording(new InProcessTransport(engine, 'renderer'), seen));
    cleanups.push(() => client.close());
    for (const topic of Object.keys(topics) as TopicName[]) client.subscribe(topic, () => undefined);
    await client.call('log.recent', { limit: 1000 });

    await client.call('settings.update', { watchlist: ['AAPL'] });
    // A wrong secret first: the refusal must not quote it.
    const wrong = { ...KEY, secret: `${KEY.secret}-wrong` };
    await expect(client.call('broker.alpaca.connect', { ...wrong, profile: 'paper', passphrase: PASSPHRASE })).rejects.toThrow(/refused these keys/);
    const status = await client.call('broker.alpaca.connect', { ...KEY, profile: 'paper', passphrase: PASSPHRASE });
    expect(status.maskedKeyId).toBe('PKLE…42');
    await expect.poll(() => fake.streamListeners(), { timeout: 10_000 }).toBe(1);
    const order = await client.call('orders.place', { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '2', limitPrice: '150', timeInForce: 'gtc' });
    expect(order.status).toBe('accepted');
    fake.fill(order.clientOrderId, null, '149.5');
    fake.dropStreams();
    await expect.poll(() => fake.streamListeners(), { timeout: 10_000 }).toBe(1);
    await client.call('broker.reconcile', {});
    await client.call('broker.status', {});
    await client.call('log.recent', { limit: 1000 }); // recorded by the transport, as every reply
    await engine.close();

    const secrets = [KEY.keyId, KEY.secret, wrong.secret, PASSPHRASE];
    // The fake received them (the test is live), and nothing else did.
    expect(fake.requests.some((request) => request.headers['apca-api-secret-key'] === KEY.secret)).toBe(true);
    const messages = seen.join('\n');
    expect(messages).toContain('PKLE…42');
    for (const secret of secrets) expect(messages).not.toContain(secret);
    const files = filesUnder(dataDir);
    expect(files.some((file) => file.endsWith('keys.vault'))).toBe(true);
    expect(files.some((file) => /alpaca-paper-[0-9a-f]{12}\.db$/.test(file))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of secrets) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret.slice(0, 4)}… in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(Buffer.from(secret).toString('base64'), 'utf8')), `base64 of ${secret.slice(0, 4)}… in ${file}`).toBe(false);
      }
    }
  });
});
