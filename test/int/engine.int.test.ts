import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { RpcError } from '@shared/client/rpc-error';
import { startEngine } from '../../src/main/node/host';
import { DataDirInUseError } from '../../src/main/node/data-dir/engine-record';
import { MigrationMismatchError } from '../../src/main/node/store/migrate';
import { inProcessClient, testEngine } from '../support/engine';
import { tempDir } from '../support/temp-dir';

describe('engine start-up', () => {
  it('creates the database with WAL, foreign keys and every shipped migration', async () => {
    const dataDir = tempDir();
    const engine = await testEngine({ dataDir });
    await engine.close();
    const db = new BetterSqlite3(join(dataDir, 'kestrel.db'), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const names = db.prepare('select name from kysely_migration order by name').pluck().all();
      expect(names).toEqual(['0001-settings', '0002-market-data', '0003-trading', '0004-backtests', '0005-reconciliations']);
      const columns = db.prepare("select name, type, pk from pragma_table_info('settings')").all();
      expect(columns).toEqual([
        { name: 'key', type: 'TEXT', pk: 1 },
        { name: 'value', type: 'TEXT', pk: 0 },
        { name: 'updated_at', type: 'INTEGER', pk: 0 },
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps settings across a restart on the same data directory', async () => {
    const dataDir = tempDir();
    const first = await testEngine({ dataDir });
    const client = inProcessClient(first);
    expect(await client.call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    await client.call('settings.update', { theme: 'light', confirmOrders: false });
    client.close();
    await first.close();

    const second = await testEngine({ dataDir });
    expect(await inProcessClient(second).call('settings.get', {})).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', confirmOrders: false });
  });

  it('publishes settings.changed to subscribers', async () => {
    const client = inProcessClient(await testEngine());
    const seen: string[] = [];
    client.subscribe('settings.changed', (settings) => seen.push(settings.theme));
    await client.call('system.ping', {}); // let the subscription land
    await client.call('settings.update', { theme: 'light' });
    expect(seen).toEqual(['light']);
  });

  it('refuses an invalid settings update and keeps what was stored', async () => {
    const client = inProcessClient(await testEngine());
    await expect(client.call('settings.update', { theme: 'neon' as 'dark' })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(client.call('settings.update', { layout: { columns: [10, 80], rows: [50, 50], bottomTab: 'log' } } as never)).rejects.toBeInstanceOf(RpcError);
    expect((await client.call('settings.get', {})).theme).toBe('dark');
  });

  it('falls back to the default for a stored value that no longer fits, without deleting it', async () => {
    const dataDir = tempDir();
    await (await testEngine({ dataDir })).close();
    const db = new BetterSqlite3(join(dataDir, 'kestrel.db'));
    db.prepare("insert into settings (key, value, updated_at) values ('theme', '\"sepia\"', 0)").run();
    db.close();
    const engine = await testEngine({ dataDir });
    expect((await inProcessClient(engine).call('settings.get', {})).theme).toBe('dark');
    await engine.close();
    const check = new BetterSqlite3(join(dataDir, 'kestrel.db'), { readonly: true });
    expect(check.prepare("select value from settings where key = 'theme'").pluck().get()).toBe('"sepia"');
    check.close();
  });

  it('refuses a database whose applied migrations this version does not ship, and changes nothing', async () => {
    const dataDir = tempDir();
    await (await testEngine({ dataDir })).close();
    const file = join(dataDir, 'kestrel.db');
    const db = new BetterSqlite3(file);
    db.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')").run();
    db.close();
    const before = readFileSync(file);

    await expect(startEngine({ dataDir, host: 'headless', version: 't', stderrLevel: 'silent' })).rejects.toThrow(MigrationMismatchError);
    await expect(startEngine({ dataDir, host: 'headless', version: 't', stderrLevel: 'silent' })).rejects.toThrow(/9999-from-the-future/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dataDir, 'engine.json'))).toBe(false);
  });

  it('lets only one engine own a data directory', async () => {
    const dataDir = tempDir();
    await testEngine({ dataDir });
    await expect(startEngine({ dataDir, host: 'headless', version: 't', stderrLevel: 'silent' })).rejects.toThrow(DataDirInUseError);
  });

  it('takes over a data directory whose owner died without cleaning up', async () => {
    const dataDir = tempDir();
    // pid 2^22+1 is above Linux's pid_max default range, so no process has it.
    writeFileSync(join(dataDir, 'engine.json'), JSON.stringify({ pid: 4194305, host: 'headless', version: 'old', startedAt: 0 }));
    const engine = await testEngine({ dataDir });
    expect(engine.info.dataDir).toBe(dataDir);
    const record = JSON.parse(readFileSync(join(dataDir, 'engine.json'), 'utf8')) as { pid: number };
    expect(record.pid).toBe(process.pid);
    expect(statSync(join(dataDir, 'engine.json')).mode & 0o777).toBe(0o600);
  });

  it('writes its log as JSON lines in the data directory', async () => {
    const dataDir = tempDir();
    const engine = await testEngine({ dataDir });
    await inProcessClient(engine).call('settings.update', { theme: 'light' });
    await engine.close();
    const lines = readFileSync(join(dataDir, 'logs', 'engine.log'), 'utf8').trim().split('\n');
    const messages = lines.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toEqual(expect.arrayContaining(['Engine started', 'Settings saved', 'Engine stopped']));
  });
});
