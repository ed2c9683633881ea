import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParamsIn, Result } from '@shared/contract/rpc';
import type { ImportProgress } from '@shared/dto/data-import';
import type { Handlers } from '../../src/main/core/api/handlers';
import { Router } from '../../src/main/core/api/router';
import { importHandlers, type ImportMethods } from '../../src/main/node/import/import-handlers';
import { openSqliteStore, type SqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { recordingLogger } from '../support/recording-logger';
import { sharedDataFile } from '../support/shared-data';
import { tempDir } from '../support/temp-dir';

const opened: SqliteStore[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/** The import handlers on a real, migrated SQLite file, called the way the router calls them. */
async function importer(dataDir = tempDir()) {
  const db = openSqliteStore(join(dataDir, 'kestrel.db'));
  opened.push(db);
  await migrateToLatest(db.db);
  const store = new SqliteBarStore(db.sqlite);
  const progress: ImportProgress[] = [];
  const clock = { time: Date.UTC(2026, 0, 1), now: () => clock.time };
  const handlers = importHandlers({ store, dataDir, clock, logger: recordingLogger(), publishProgress: (p) => progress.push(p) });
  // The real router: params validated, results checked against the contract, errors as codes.
  const router = new Router(handlers as unknown as Handlers, recordingLogger());
  const call = async <M extends ImportMethods>(method: M, params: ParamsIn<M>): Promise<Result<M>> => {
    const response = await router.dispatch(1, method, params);
    if (!response.ok) throw Object.assign(new Error(response.error.message), response.error);
    return response.result as Result<M>;
  };
  const count = (symbol?: string): number =>
    (symbol === undefined
      ? db.sqlite.prepare('select count(*) from bars').pluck().get()
      : db.sqlite.prepare('select count(*) from bars where symbol = ?').pluck().get(symbol)) as number;
  return { store, sqlite: db.sqlite, call, count, progress, clock, dataDir };
}

const path = (relative: string) => ({ kind: 'path' as const, path: sharedDataFile(relative) });

/** A small CSV in a temp folder (gzipped when the name ends in .gz). */
function writeCsv(name: string, lines: string[]): { kind: 'path'; path: string } {
  const file = join(tempDir(), name);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
  return { kind: 'path', path: file };
}

describe('CSV import of the real formats', () => {
  it('reads a Stooq daily file named after its symbol (spy.us.txt.gz → SPY) at 00:00 New York', async () => {
    const { call, store } = await importer();
    const preview = await call('md.import.preview', { source: path('daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz') });
    expect(preview).toMatchObject({
      fileName: 'spy.us.txt.gz',
      format: 'stooq',
      header: ['Date', 'Open', 'High', 'Low', 'Close', 'Volume', 'OpenInt'],
      mapping: { symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 },
      symbol: 'SPY',
      timeframe: '1d',
      errors: [],
    });
    expect(preview.sampleRows).toHaveLength(20);
    expect(preview.sampleRows[0]).toEqual(['2005-02-25', '104.77', '106', '104.68', '105.79', '70221808', '0']);
    const result = await call('md.import.commit', { source: path('daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz') });
    expect(result).toMatchObject({ symbols: ['SPY'], timeframe: '1d', rows: 3201, written: 3201, committed: true, errorCount: 0 });
    const bars = store.readBars({ symbol: 'SPY', timeframe: '1d' });
    expect(bars.length).toBe(3201);
    expect([bars.time[0], bars.open[0], bars.high[0], bars.low[0], bars.close[0], bars.volume[0]]).toEqual([Date.UTC(2005, 1, 25, 5), 104.77, 106, 104.68, 105.79, 70221808]);
    // Summer dates are 00:00 EDT, i.e. 04:00Z.
    expect(bars.time[3200]).toBe(Date.UTC(2017, 10, 10, 5));
    expect(store.readBars({ symbol: 'SPY', timeframe: '1d', from: Date.UTC(2017, 6, 3), limit: 1 }).time[0]).toBe(Date.UTC(2017, 6, 3, 4));
    const minimal = { name: 'SPY', assetClass: 'stock', exchange: '', currency: 'USD', tickSize: '0.01', lotSize: '1', active: true };
    expect(store.getInstrument('SPY')).toEqual({ symbol: 'SPY', ...minimal });
  });

  it('reads a Yahoo file (Close, not Adj Close) and a Yahoo file whose name holds no symbol once told the symbol', async () => {
    const { call, store } = await importer();
    const stocknet = await call('md.import.preview', { source: path('daily/stocknet-price-raw/AAPL.csv.gz') });
    expect(stocknet).toMatchObject({ format: 'yahoo', symbol: 'AAPL', timeframe: '1d', mapping: { symbol: null, time: 0, close: 4, volume: 6 } });
    expect(await call('md.import.commit', { source: path('daily/stocknet-price-raw/AAPL.csv.gz') })).toMatchObject({ rows: 1258, written: 1258, committed: true });
    expect(store.readBars({ symbol: 'AAPL', timeframe: '1d', limit: 1 }).close[0]).toBe(96.424286);

    const nvda = path('daily/yahoo-samples/backtrader__nvda-1999-2014.txt');
    expect(await call('md.import.preview', { source: nvda })).toMatchObject({ format: 'yahoo', symbol: null, errors: [] });
    const unnamed = await call('md.import.commit', { source: nvda });
    expect(unnamed).toMatchObject({ committed: false, written: 0, symbols: [], errorCount: 1 });
    expect(unnamed.errors[0]?.message).toMatch(/which symbol/);
    expect(await call('md.import.commit', { source: nvda, symbol: 'NVDA' })).toMatchObject({ symbols: ['NVDA'], rows: 4012, written: 4012, committed: true });
    const last = store.readBars({ symbol: 'NVDA', timeframe: '1d', limit: 1, latest: true });
    expect([last.time[0], last.close[0], last.volume[0]]).toEqual([Date.UTC(2014, 11, 31, 5), 20.049999, 4157500]);
  });

  it('reads Stooq intraday in Warsaw time (CET/CEST), which the generic UTC file confirms bar for bar', async () => {
    const { call, store, count } = await importer();
    const stooq = path('intraday/stooq-5min-2026/aapl.us.txt.gz');
    const preview = await call('md.import.preview', { source: stooq });
    const mapping = { symbol: 0, time: 2, open: 4, high: 5, low: 6, close: 7, volume: 8 };
    expect(preview).toMatchObject({ format: 'stooq', mapping, symbol: 'AAPL', timeframe: '5m', errors: [] });
    expect(preview.notes.join(' ')).toMatch(/read as Europe\/Warsaw wall time/); // told, not guessed
    expect(await call('md.import.commit', { source: stooq })).toMatchObject({ symbols: ['AAPL'], rows: 7943, written: 7943, committed: true });
    const day = (y: number, m: number, d: number) => store.readBars({ symbol: 'AAPL', timeframe: '5m', from: Date.UTC(y, m - 1, d), limit: 1 }).time[0];
    expect(day(2026, 1, 26)).toBe(Date.UTC(2026, 0, 26, 14, 30)); // 15:30 CET
    expect(day(2026, 3, 9)).toBe(Date.UTC(2026, 2, 9, 13, 30)); // 14:30 CET while New York is already on EDT
    expect(day(2026, 4, 1)).toBe(Date.UTC(2026, 3, 1, 13, 30)); // 15:30 CEST

    const generic = path('clean/intraday_5min_stooq_2026.csv.gz');
    expect(await call('md.import.preview', { source: generic })).toMatchObject({
      format: 'generic',
      header: ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'],
      mapping: { symbol: 0, time: 1, open: 2, high: 3, low: 4, close: 5, volume: 6 },
      symbol: 'AAPL',
      timeframe: '5m',
    });
    const result = await call('md.import.commit', { source: generic });
    expect(result.symbols).toHaveLength(24);
    // AAPL's 7,943 bars are already there, identical to the last digit: only the other 23 are written.
    expect(result).toMatchObject({ rows: 190_618, written: 190_618 - 7943, committed: true });
    expect(count()).toBe(190_618);
    expect(count('AAPL')).toBe(7943);
  }, 120_000);

  it('reads a per-symbol file with US dates once told its symbol', async () => {
    const { call, store } = await importer();
    const source = path('daily/indices/mplfinance__SP500_NOV2019_Hist.csv');
    expect(await call('md.import.preview', { source })).toMatchObject({ format: 'per-symbol', symbol: null, timeframe: '1d', errors: [] });
    expect(await call('md.import.commit', { source, symbol: 'I:SPX' })).toMatchObject({ symbols: ['I:SPX'], rows: 20, written: 20, committed: true });
    const bars = store.readBars({ symbol: 'I:SPX', timeframe: '1d' });
    // 11/1/2019 is still EDT (04:00Z); 11/4/2019 is EST (05:00Z).
    expect([bars.time[0], bars.time[1], bars.close[0]]).toEqual([Date.UTC(2019, 10, 1, 4), Date.UTC(2019, 10, 4, 5), 3066.91]);
  });
});

describe('CSV import is idempotent and all or nothing', () => {
  it('writes nothing the second time the same file is imported', async () => {
    const { call, count } = await importer();
    const source = path('daily/huge-stock-market-dataset/Stocks/aapl.us.txt.gz');
    const first = await call('md.import.commit', { source });
    expect(first).toMatchObject({ committed: true, symbols: ['AAPL'] });
    expect(first.written).toBe(first.rows);
    const rows = count();
    expect(await call('md.import.commit', { source })).toMatchObject({ committed: true, rows: first.rows, written: 0 });
    expect(count()).toBe(rows);
  });

  it('refuses the real DE file, whose 1994 decimal-shift rows have high below low, and writes nothing of it', async () => {
    const { call, count, store } = await importer();
    const result = await call('md.import.commit', { source: path('daily/huge-stock-market-dataset/Stocks/de.us.txt.gz') });
    expect(result).toMatchObject({ committed: false, written: 0, rows: 9042, errorCount: 4, symbols: ['DE'] });
    expect(result.errors.map((e) => e.line)).toEqual([3054, 3062, 3066, 3068]);
    expect(result.errors[0]?.message).toMatch(/high 0\.9112 is below low 8\.9864/);
    expect(count()).toBe(0);
    expect(store.getInstrument('DE')).toBeNull();
  });

  it('writes no symbol of a multi-symbol file when one row of one symbol is bad, and names every bad line', async () => {
    const { call, count } = await importer();
    const source = writeCsv('mixed.csv.gz', [
      'symbol,timestamp,open,high,low,close,volume',
      'AAA,2024-01-02,10,11,9,10.5,100',
      'AAA,2024-01-03,10.5,11,10,10.75,100',
      'BBB,2024-01-02,20,21,19,20.5,100',
      'BBB,2024-01-03,20,21,19,x,100',
      'BBB,2024-01-03,20,21,19,20,100',
      'BBB,2024-01-02,20,21,19,20,100',
      'BBB,2024-01-04,20,21,19,20,-5',
      'CCC,2024-02-30,1,1,1,1,1',
      'bad symbol!,2024-01-02,1,1,1,1,1',
    ]);
    const result = await call('md.import.commit', { source });
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      { line: 5, message: 'close is not a number ("x")' },
      { line: 7, message: expect.stringMatching(/BBB is before line 6's/) },
      { line: 8, message: 'volume -5 is negative' },
      { line: 9, message: expect.stringMatching(/not a valid date/) },
      { line: 10, message: expect.stringMatching(/not a valid symbol/) },
    ]);
    expect(count()).toBe(0);
    const duplicate = await call('md.import.commit', { source: writeCsv('dup.csv', ['symbol,timestamp,open,high,low,close,volume', 'AAA,2024-01-02,10,11,9,10.5,100', 'AAA,2024-01-02,10,11,9,10.5,100']) });
    expect(duplicate.errors).toEqual([{ line: 3, message: 'duplicate time 2024-01-02T05:00:00.000Z for AAA (also on line 2)' }]);
  });

  it('imports only the named symbol from a multi-symbol file, and takes a hand-made mapping for a header it does not know', async () => {
    const { call, count } = await importer();
    const msft = await call('md.import.commit', { source: path('clean/intraday_5min_stooq_2026.csv.gz'), symbol: 'MSFT' });
    expect(msft).toMatchObject({ symbols: ['MSFT'], rows: 7943, written: 7943, committed: true, timeframe: '5m' });
    expect(count()).toBe(7943);

    const odd = writeCsv('prices.csv', ['when,a,b,c2,d,qty', '1704205800,10,11,9,10.5,7', '1704206100,10.5,11,10,10.75,8']);
    const preview = await call('md.import.preview', { source: odd });
    expect(preview.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/Could not find/) });
    expect(await call('md.import.commit', { source: odd, symbol: 'ODD' })).toMatchObject({ committed: false });
    const mapping = { symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };
    expect(await call('md.import.commit', { source: odd, symbol: 'ODD', mapping })).toMatchObject({ committed: true, written: 2, timeframe: '5m' });
  }, 60_000);

  it('reports progress with bytes of the file while it reads', async () => {
    const { call, progress } = await importer();
    const result = await call('md.import.commit', { source: path('clean/intraday_5min_stooq_2026.csv.gz') });
    expect(progress.map((p) => p.rows)).toEqual([49_999, 99_999, 149_999, 190_618]);
    expect(new Set(progress.map((p) => p.importId))).toEqual(new Set([result.importId]));
    expect(progress.every((p) => p.totalBytes === 3_022_909 && p.bytes <= p.totalBytes)).toBe(true);
    expect(progress.at(-1)?.bytes).toBe(3_022_909);
  }, 60_000);

  it('refuses a cut-short gzip file or broken quoting as a whole, writing nothing', async () => {
    const { call, count } = await importer();
    const whole = readFileSync(sharedDataFile('daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz'));
    const cut = join(tempDir(), 'spy.us.txt.gz');
    writeFileSync(cut, whole.subarray(0, whole.length - 2000));
    const truncated = await call('md.import.commit', { source: { kind: 'path', path: cut } });
    expect(truncated).toMatchObject({ committed: false, written: 0, errors: [{ message: expect.stringMatching(/gzip data is corrupt or cut short/) }] });
    const quoted = await call('md.import.commit', { source: writeCsv('q.csv', ['symbol,timestamp,open,high,low,close,volume', 'AAA,2024-01-02,10,11,9,10.5,100', 'AAA,"2024-01-03,10,11,9,10.5,100']) });
    expect(quoted).toMatchObject({ committed: false, errors: [{ line: 3, message: expect.stringMatching(/cannot be read past here/) }] });
    expect(count()).toBe(0);
  });

  it('refuses relative paths, missing files and other file types', async () => {
    const { call } = await importer();
    await expect(call('md.import.preview', { source: { kind: 'path', path: 'spy.csv' } })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(call('md.import.preview', { source: { kind: 'path', path: join(tempDir(), 'none.csv') } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('md.import.preview', { source: { kind: 'path', path: '/etc/passwd' } })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });
});

describe('browser uploads', () => {
  const b64 = (bytes: Buffer) => bytes.toString('base64');

  it('takes a gzip file in ordered chunks, then previews and imports it and deletes the upload', async () => {
    const { call, count, dataDir } = await importer();
    const bytes = readFileSync(sharedDataFile('daily/huge-stock-market-dataset/ETFs/qqq.us.txt.gz'));
    const { uploadId } = await call('md.import.begin', { fileName: 'C:\\Users\\me\\qqq.us.txt.gz', size: bytes.length });
    const chunk = 30_000;
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      const result = await call('md.import.chunk', { uploadId, offset, base64: b64(bytes.subarray(offset, offset + chunk)) });
      expect(result.received).toBe(Math.min(offset + chunk, bytes.length));
    }
    const source = { kind: 'upload' as const, uploadId };
    expect(await call('md.import.preview', { source })).toMatchObject({ fileName: 'qqq.us.txt.gz', format: 'stooq', symbol: 'QQQ', timeframe: '1d' });
    expect(await call('md.import.commit', { source })).toMatchObject({ symbols: ['QQQ'], rows: 4701, written: 4701, committed: true });
    expect(count('QQQ')).toBe(4701);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    await expect(call('md.import.chunk', { uploadId, offset: 0, base64: 'AAAA' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects gaps, overlaps, oversize and broken chunks without changing what was received', async () => {
    const { call } = await importer();
    const data = Buffer.from('symbol,timestamp,open,high,low,close,volume\nAAA,2024-01-02,10,11,9,10.5,100\n');
    const { uploadId } = await call('md.import.begin', { fileName: 'a.csv', size: data.length });
    expect(await call('md.import.chunk', { uploadId, offset: 0, base64: b64(data.subarray(0, 40)) })).toEqual({ received: 40 });
    await expect(call('md.import.chunk', { uploadId, offset: 41, base64: b64(data.subarray(41)) })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/gap.*send from 40/) });
    await expect(call('md.import.chunk', { uploadId, offset: 39, base64: b64(data.subarray(39)) })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/overlaps/) });
    await expect(call('md.import.chunk', { uploadId, offset: 40, base64: b64(Buffer.concat([data.subarray(40), Buffer.from('x')])) })).rejects.toMatchObject({ code: 'INVALID_PARAMS', message: expect.stringMatching(/past the declared size/) });
    await expect(call('md.import.chunk', { uploadId, offset: 40, base64: 'not base64!' })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(call('md.import.chunk', { uploadId, offset: 40, base64: '' })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(call('md.import.chunk', { uploadId: 'nope', offset: 0, base64: 'AAAA' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('md.import.preview', { source: { kind: 'upload', uploadId } })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Chunks sent together still land in order.
    const [a, b] = await Promise.all([
      call('md.import.chunk', { uploadId, offset: 40, base64: b64(data.subarray(40, 60)) }),
      call('md.import.chunk', { uploadId, offset: 60, base64: b64(data.subarray(60)) }),
    ]);
    expect([a.received, b.received]).toEqual([60, data.length]);
    expect(await call('md.import.commit', { source: { kind: 'upload', uploadId } })).toMatchObject({ symbols: ['AAA'], written: 1, committed: true });
  });

  it('refuses uploads of other file types, and of more than the declared size', async () => {
    const { call } = await importer();
    await expect(call('md.import.begin', { fileName: 'setup.exe', size: 10 })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(call('md.import.begin', { fileName: 'big.csv', size: 512 * 1024 * 1024 })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });

  it('keeps a failed import to retry, drops idle uploads, and clears stale ones when the engine starts', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'uploads'));
    writeFileSync(join(dataDir, 'uploads', 'left-over.upload'), 'stale');
    const { call, clock } = await importer(dataDir);
    const data = Buffer.from('Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n');
    const { uploadId } = await call('md.import.begin', { fileName: 'yahoo_export.csv', size: data.length });
    expect(existsSync(join(dataDir, 'uploads', 'left-over.upload'))).toBe(false);
    await call('md.import.chunk', { uploadId, offset: 0, base64: b64(data) });
    const source = { kind: 'upload' as const, uploadId };
    expect(await call('md.import.commit', { source })).toMatchObject({ committed: false });
    expect(await call('md.import.commit', { source, symbol: 'PRC' })).toMatchObject({ committed: true, written: 1 });

    const idle = await call('md.import.begin', { fileName: 'later.csv', size: 10 });
    clock.time += 31 * 60_000;
    await call('md.import.begin', { fileName: 'other.csv', size: 10 });
    await expect(call('md.import.chunk', { uploadId: idle.uploadId, offset: 0, base64: 'AAAA' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(readdirSync(join(dataDir, 'uploads'))).toHaveLength(1);
  });
});
