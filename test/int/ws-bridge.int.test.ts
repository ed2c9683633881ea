import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methods } from '@shared/contract/rpc';
import type { ErrorCode } from '@shared/contract/errors';
import { connectNodeClient, rpcUrl } from '../../src/main/node/rpc/node-socket-client';
import { listeningEngine } from '../support/engine';
import { openRawSocket, upgradeStatus } from '../support/raw-socket';

/** Wrong payloads for every method: wrong shapes for all, wrong field types where there are fields. */
function wrongParams(): { method: string; params: unknown }[] {
  const generic: unknown[] = ['x', 42, true, null, [], [1, 2], { unexpected: 1 }, JSON.parse('{"__proto__":{"polluted":true}}')];
  const specific: Record<string, unknown[]> = {
    'system.ping': [{ echo: 5 }, { echo: 'x'.repeat(2000) }, { echo: null }],
    'settings.update': [
      { theme: 5 },
      { theme: 'neon' },
      { confirmOrders: 'yes' },
      { clockZone: 'mars' },
      { layout: { columns: [10, 90], rows: [50, 50], bottomTab: 'log' } },
      { layout: { columns: [10, 80, 10], rows: [50, 50], bottomTab: 'secret' } },
      { layout: { columns: [10, 80, 'x'], rows: [50, 50], bottomTab: 'log' } },
      { layout: { columns: [-1, 80, 21], rows: [50, 50], bottomTab: 'log' } },
      { layout: 'wide' },
    ],
    'log.recent': [{ limit: -1 }, { limit: 0 }, { limit: 1.5 }, { limit: 'ten' }, { limit: 100000 }],
  };
  return Object.keys(methods).flatMap((method) =>
    [...generic, ...(specific[method] ?? [])].map((params) => ({ method, params })),
  );
}

const brokenEnvelopes: unknown[] = [
  {},
  { kind: 'request' },
  { kind: 'request', id: -1, method: 'system.ping' },
  { kind: 'request', id: 1.5, method: 'system.ping' },
  { kind: 'request', id: 'x'.repeat(65), method: 'system.ping' },
  { kind: 'request', id: 1, method: 7 },
  { kind: 'request', id: 1, method: 'system.ping', extra: 1 },
  { kind: 'response', id: 1, ok: true, result: null },
  { kind: 'event', topic: 'log.entry', payload: {} },
  { kind: 'subscribe', id: 1 },
  'request',
  42,
  null,
];

describe('WebSocket bridge under hostile input', () => {
  it('answers 1,000+ hostile frames with structured errors while a good client keeps working', async () => {
    const { engine, listening } = await listeningEngine({ token: 'test-token-0123456789abcdef' });
    const origin = `http://127.0.0.1:${listening.port}`;
    const good = connectNodeClient(rpcUrl(origin, listening.token));
    const goodEvents: string[] = [];
    good.subscribe('settings.changed', (s) => goodEvents.push(s.theme));
    expect((await good.call('system.ping', { echo: 'before' })).echo).toBe('before');

    const url = rpcUrl(origin, listening.token);
    const counts = new Map<string, number>();
    const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
    let goodCalls = 0;
    const goodClientBusy = (async () => {
      // The well-behaved client works all through the attack.
      for (let i = 0; i < 40; i += 1) {
        const theme = i % 2 === 0 ? 'light' : 'dark';
        expect((await good.call('settings.update', { theme })).theme).toBe(theme);
        expect((await good.call('system.ping', { echo: `during-${i}` })).echo).toBe(`during-${i}`);
        goodCalls += 2;
      }
    })();

    // Refused at the door: no token, wrong token, foreign Origin, wrong path.
    const noToken = url.replace(/\?token=.*/, '');
    for (let i = 0; i < 25; i += 1) {
      expect(await upgradeStatus(noToken)).toBe(401);
      count('no token');
      expect(await upgradeStatus(url.replace(/token=.*/, `token=wrong-${i}`))).toBe(401);
      count('wrong token');
      expect(await upgradeStatus(url.replace(/token=.*/, `token=${listening.token}x`))).toBe(401);
      count('wrong token');
      expect(await upgradeStatus(url, { Origin: 'https://evil.example' })).toBe(403);
      count('foreign origin');
      expect(await upgradeStatus(url, { Origin: `http://127.0.0.1:${listening.port + 1}` })).toBe(403);
      count('foreign origin');
    }

    // Inside one authenticated connection: every bad frame gets exactly one structured reply.
    const raw = await openRawSocket(url, { Origin: origin });
    const expectError = async (frame: string | Buffer, code: ErrorCode, what: string, binary = false) => {
      raw.send(frame, binary);
      const reply = (await raw.next()) as { kind: string; ok: boolean; error: { code: string; message: string } };
      expect(reply, `${what}: ${String(frame).slice(0, 80)}`).toMatchObject({ kind: 'response', ok: false, error: { code } });
      expect(reply.error.message.length).toBeGreaterThan(0);
      count(what);
    };
    let id = 1;
    for (let round = 0; round < 10; round += 1) {
      await expectError('x'.repeat(300 * 1024), 'FRAME_TOO_LARGE', 'oversized');
      await expectError(JSON.stringify({ kind: 'request', id: id++, method: 'system.ping', params: { echo: 'y'.repeat(270 * 1024) } }), 'FRAME_TOO_LARGE', 'oversized');
      for (const text of ['{', 'not json', '', '\u0000\u0001', '{"kind":"request",', 'NaN', "{'a':1}"]) {
        await expectError(text, 'BAD_FRAME', 'non-JSON');
      }
      await expectError(Buffer.from(JSON.stringify({ kind: 'request', id: id++, method: 'system.ping' })), 'BAD_FRAME', 'binary', true);
      for (const method of ['orders.teleport', 'system.shutdown', '__proto__', 'constructor', 'settings', '']) {
        await expectError(JSON.stringify({ kind: 'request', id: id++, method, params: {} }), method === '' ? 'BAD_FRAME' : 'UNKNOWN_METHOD', 'unknown method');
      }
      await expectError(JSON.stringify({ kind: 'subscribe', id: id++, topic: 'orders.secret' }), 'UNKNOWN_TOPIC', 'unknown topic');
      for (const envelope of brokenEnvelopes) await expectError(JSON.stringify(envelope), 'BAD_FRAME', 'broken envelope');
      for (const { method, params } of wrongParams()) {
        const frame = JSON.stringify({ kind: 'request', id: id++, method, params });
        raw.send(frame);
        const reply = (await raw.next()) as { ok: boolean; error?: { code: string; issues?: unknown[] } };
        expect(reply.ok, `${method} accepted ${JSON.stringify(params)}`).toBe(false);
        expect(reply.error?.code).toBe('INVALID_PARAMS');
        expect(reply.error?.issues?.length).toBeGreaterThan(0);
        count('wrong types');
      }
    }
    // The same connection still works after all of that.
    raw.send(JSON.stringify({ kind: 'request', id: id++, method: 'system.ping', params: { echo: 'still here' } }));
    expect(await raw.next()).toMatchObject({ ok: true, result: { echo: 'still here' } });

    // A frame beyond the hard limit closes only that connection (1009), never the engine.
    const huge = await openRawSocket(url);
    huge.send('z'.repeat(5 * 1024 * 1024));
    expect((await huge.closed).code).toBe(1009);
    count('beyond hard limit');

    await goodClientBusy;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    for (const category of ['no token', 'wrong token', 'foreign origin', 'oversized', 'non-JSON', 'binary', 'unknown method', 'wrong types']) {
      expect(counts.get(category), category).toBeGreaterThan(0);
    }
    expect(goodCalls).toBe(80);
    expect(goodEvents).toHaveLength(40);
    expect((await good.call('system.ping', { echo: 'after' })).echo).toBe('after');

    good.close();
    raw.ws.close();
    await listening.close();
    await engine.close();

    // Every refusal was logged (the file keeps all of them; the UI buffer only the latest).
    const log = readFileSync(join(engine.info.dataDir, 'logs', 'engine.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string; fields?: { code?: string } });
    expect(log.filter((e) => e.message.startsWith('WebSocket refused')).length).toBe(125);
    expect(log.filter((e) => e.message === 'Frame refused').length).toBe(counts.get('oversized')! + counts.get('non-JSON')! + counts.get('binary')!);
    expect(log.filter((e) => e.message === 'Request refused' && e.fields?.code === 'INVALID_PARAMS').length).toBe(counts.get('wrong types'));
  });

  it('echoes the request id on refusals so a client can match them', async () => {
    const { listening } = await listeningEngine();
    const raw = await openRawSocket(rpcUrl(`http://127.0.0.1:${listening.port}`, listening.token));
    raw.send(JSON.stringify({ kind: 'request', id: 'abc', method: 'settings.update', params: { theme: 1 } }));
    expect(await raw.next()).toMatchObject({ id: 'abc', ok: false, error: { code: 'INVALID_PARAMS' } });
    raw.ws.close();
  });

  it('refuses upgrades on any path but /rpc', async () => {
    const { listening } = await listeningEngine();
    expect(await upgradeStatus(`ws://127.0.0.1:${listening.port}/other?token=${listening.token}`)).toBe(404);
  });
});
