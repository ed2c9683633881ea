import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/main/node/cli/io';
import { backfillCommand } from '../../src/main/node/cli/commands/backfill-command';
import { recordCommand } from '../../src/main/node/cli/commands/record-command';
import { CliError } from '../../src/main/node/cli/cli-error';
import { FakePolygonServer } from '../fakes/polygon/fake-polygon-server';
import { asRows, storedBars } from '../fakes/polygon/harness';
import { openBarStore } from '../support/bar-store';
import { waitFor } from '../support/wait-for';
import { MINUTE_MS } from '../fakes/polygon/market-data';
import { testEngine } from '../support/engine';
import { tempDir } from '../support/temp-dir';

const DAY = Date.UTC(2026, 0, 5);
const fakes: FakePolygonServer[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function fakePolygon(start: number, symbols = ['AAPL', 'MSFT']): Promise<FakePolygonServer> {
  const fake = await FakePolygonServer.start({ symbols, apiKeys: ['cli-key'], start });
  fakes.push(fake);
  return fake;
}

function captureIo(env: Record<string, string>, untilStopped: () => Promise<string> = () => new Promise(() => {})) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), env, untilStopped };
  return { io, stdout, stderr };
}

describe('kestrel backfill (Polygon REST)', () => {
  it('stores the range, once, however often it runs', async () => {
    const fake = await fakePolygon(DAY + 2 * 86_400_000);
    const dataDir = tempDir();
    const env = { POLYGON_API_KEY: 'cli-key', KESTREL_POLYGON_REST_URL: fake.restUrl };
    const args = ['AAPL', '--timeframe', '1m', '--from', '2026-01-05', '--to', '2026-01-05', '--data-dir', dataDir, '--json'];
    const first = captureIo(env);
    expect(await backfillCommand(args, first.io, '0.0.0-test')).toBe(0);
    const result = JSON.parse(first.stdout[0]!) as { fetched: number; written: number; first: number; last: number };
    const expected = fake.market.minuteBars('AAPL', DAY, DAY + 86_400_000 - 1);
    expect(result.fetched).toBe(expected.length);
    expect(result.written).toBe(expected.length);
    expect(result.first).toBe(expected[0]!.t);

    const again = captureIo(env);
    expect(await backfillCommand(args, again.io, '0.0.0-test')).toBe(0);
    expect(JSON.parse(again.stdout[0]!)).toMatchObject({ fetched: expected.length, written: 0 });

    const db = await openBarStore(dataDir);
    expect(storedBars(db.store, 'AAPL')).toEqual(asRows(expected));
    await db.close();
    expect(fake.rest.requests.every((r) => r.key === 'cli-key' && !r.query.includes('cli-key'))).toBe(true);
  });

  it('explains a missing key, a rejected key, a bad timeframe and a running engine', async () => {
    const fake = await fakePolygon(DAY + 86_400_000);
    const dataDir = tempDir();
    const base = ['AAPL', '--from', '2026-01-05', '--to', '2026-01-05', '--data-dir', dataDir];
    const env = { KESTREL_POLYGON_REST_URL: fake.restUrl };
    await expect(backfillCommand(base, captureIo(env).io, 'x')).rejects.toThrow(/POLYGON_API_KEY/);
    await expect(backfillCommand(base, captureIo({ ...env, POLYGON_API_KEY: 'wrong' }).io, 'x')).rejects.toThrow(/rejected the API key \(401\)/);
    await expect(backfillCommand([...base, '--timeframe', '2m'], captureIo(env).io, 'x')).rejects.toThrow(CliError);
    await expect(backfillCommand(['AAPL', '--from', '2026-01-06', '--to', '2026-01-05'], captureIo(env).io, 'x')).rejects.toThrow(/after/);
    await testEngine({ dataDir });
    await expect(backfillCommand(base, captureIo({ ...env, POLYGON_API_KEY: 'cli-key' }).io, 'x')).rejects.toThrow(/is running on/);
  });
});

describe('kestrel record (Polygon stream)', () => {
  it('streams minute bars into the store through a dropped connection', async () => {
    const start = Date.UTC(2026, 0, 5, 15, 0);
    const fake = await fakePolygon(start);
    const dataDir = tempDir();
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const { io, stdout, stderr } = captureIo({ POLYGON_API_KEY: 'cli-key', KESTREL_POLYGON_REST_URL: fake.restUrl, KESTREL_POLYGON_WS_URL: fake.wsUrl }, () => stopped);
    const running = recordCommand(['--symbols', 'aapl,MSFT', '--data-dir', dataDir], io, '0.0.0-test', { clock: fake.clock });
    const lives = () => stderr.filter((line) => / live: /.test(line)).length;
    await waitFor(() => lives() >= 1, 'the recording to go live');
    await fake.advanceMinute();
    fake.refuseConnections(true);
    fake.drop();
    await waitFor(() => stderr.some((line) => /connecting: /.test(line)), 'the drop to be noticed');
    await fake.advanceMinute();
    await fake.advanceMinute();
    fake.refuseConnections(false);
    await waitFor(() => lives() >= 2, 'the recording to come back');
    await fake.advanceMinute();
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop('SIGINT');
    expect(await running).toBe(0);
    expect(stdout.join('\n')).toMatch(/Recorded AAPL \d+, MSFT \d+ minute bar\(s\)[\s\S]*reconnects 1, gap bars from REST [1-9]/);

    const db = await openBarStore(dataDir);
    for (const symbol of ['AAPL', 'MSFT']) {
      expect(storedBars(db.store, symbol)).toEqual(asRows(fake.market.minuteBars(symbol, start, start + 3 * MINUTE_MS)));
    }
    await db.close();
  });

  it('refuses a bad duration and an empty symbol list', async () => {
    const { io } = captureIo({ POLYGON_API_KEY: 'k' });
    await expect(recordCommand(['--symbols', ''], io, 'x')).rejects.toThrow(/at least one symbol/);
    await expect(recordCommand(['--symbols', 'AAPL', '--duration', 'soon'], io, 'x')).rejects.toThrow(/--duration/);
  });
});
