import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Timeframe } from '@shared/dto/market-data';
import { DEFAULT_SETTINGS, PolygonSettings } from '@shared/dto/settings';
import type { Logger } from '../../../core/ports/logger';
import { backfillToStore } from '../../adapters/polygon/backfill';
import { polygonApiKeyFrom, polygonConfigFrom, PolygonConfigError, type PolygonConfig } from '../../adapters/polygon/config';
import { PolygonApiError } from '../../adapters/polygon/errors';
import { PolygonRestClient } from '../../adapters/polygon/rest-client';
import { acquireEngineLock, readEngineRecord } from '../../data-dir/engine-record';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { createLogger } from '../../logging/engine-logger';
import { stderrSink } from '../../logging/sinks';
import { openSqliteStore } from '../../store/database';
import { migrateToLatest } from '../../store/migrate';
import { SqliteBarStore } from '../../store/sqlite-bar-store';
import { SqliteSettingsRepository } from '../../store/sqlite-settings-repository';
import { systemClock } from '../../system-clock';
import { CliError } from '../cli-error';
import { printResult, type CliIo } from '../io';

export const BACKFILL_HELP = `kestrel backfill SYMBOL --timeframe TF --from DATE --to DATE [options]
  Fetch history from Polygon's REST API into the local store (re-running it changes nothing).
  SYMBOL          as Polygon spells it: AAPL, BRK.B, X:BTCUSD
  --timeframe TF  1s, 1m, 5m, 15m, 1h or 1d (default 1m)
  --from DATE     YYYY-MM-DD (Polygon's trading day) or an ISO time, e.g. 2024-01-02T14:30:00Z
  --to DATE       inclusive, same forms
  --unadjusted    prices as traded, not adjusted for splits
  --data-dir DIR  data directory (default: KESTREL_DATA_DIR, else the OS app-data folder)
  --json          machine-readable result
The key comes from POLYGON_API_KEY; endpoints from Settings, KESTREL_POLYGON_REST_URL overrides.
Needs the data directory to itself: stop a running Kestrel first.`;

/** The store and Polygon settings of a data directory no engine is running on, held until close(). */
export interface LocalMarketStore {
  bars: SqliteBarStore;
  polygon: PolygonSettings;
  close(): Promise<void>;
}

/**
 * Bars go straight into the database, so the directory is locked like an engine locks it;
 * a running engine's database is never written behind its back.
 */
export async function openLocalMarketStore(dataDir: string, version: string): Promise<LocalMarketStore> {
  const owner = await readEngineRecord(dataDir);
  if (owner) throw new CliError(`Kestrel (pid ${owner.pid}) is running on ${dataDir}; stop it first, or use another --data-dir.`);
  const lock = await acquireEngineLock(dataDir, { pid: process.pid, host: 'headless', version, startedAt: systemClock.now() });
  try {
    const store = openSqliteStore(join(dataDir, 'kestrel.db'));
    try {
      await migrateToLatest(store.db);
      const stored = (await new SqliteSettingsRepository(store.db).loadAll()).get('polygon');
      const polygon = PolygonSettings.safeParse(stored);
      return {
        bars: new SqliteBarStore(store.sqlite),
        polygon: polygon.success ? polygon.data : DEFAULT_SETTINGS.polygon,
        async close() {
          await store.close();
          await lock.release();
        },
      };
    } catch (error) {
      await store.close();
      throw error;
    }
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** The Polygon pieces every command needs: endpoints, the key and a stderr logger. */
export function polygonSetup(io: CliIo, settings: PolygonSettings): { config: PolygonConfig; apiKey: string; logger: Logger } {
  const apiKey = polygonApiKeyFrom(io.env);
  if (!apiKey) throw new CliError('No Polygon API key: set POLYGON_API_KEY.');
  let config: PolygonConfig;
  try {
    config = polygonConfigFrom(settings, io.env);
  } catch (error) {
    if (error instanceof PolygonConfigError) throw new CliError(error.message);
    throw error;
  }
  const level = io.env.KESTREL_LOG_LEVEL === 'debug' || io.env.KESTREL_LOG_LEVEL === 'info' ? io.env.KESTREL_LOG_LEVEL : 'warn';
  const logger = createLogger({ clock: systemClock, sinks: [stderrSink(level, (line) => io.err(line.trimEnd()))], scope: 'polygon' });
  return { config, apiKey, logger };
}

/** YYYY-MM-DD passes through (Polygon applies the session's day); other times become epoch ms. */
export function parseDateBound(text: string, flag: string): string | number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new CliError(`${flag} must be YYYY-MM-DD or an ISO time such as 2024-01-02T14:30:00Z (got "${text}").`);
  return ms;
}

function boundMs(bound: string | number): number {
  return typeof bound === 'number' ? bound : Date.parse(`${bound}T00:00:00Z`);
}

export async function backfillCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      timeframe: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      unadjusted: { type: 'boolean' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [symbol, ...extra] = positionals;
  if (!symbol || extra.length > 0) throw new CliError('Name exactly one SYMBOL, e.g. "kestrel backfill AAPL --from 2024-01-02 --to 2024-01-05".');
  const timeframe = Timeframe.safeParse(values.timeframe ?? '1m');
  if (!timeframe.success) throw new CliError(`--timeframe must be one of ${Timeframe.options.join(', ')}.`);
  if (!values.from || !values.to) throw new CliError('Both --from and --to are required.');
  const from = parseDateBound(values.from, '--from');
  const to = parseDateBound(values.to, '--to');
  if (boundMs(from) > boundMs(to)) throw new CliError('--from is after --to.');

  const local = await openLocalMarketStore(resolveDataDir(values['data-dir'], io.env), version);
  try {
    const { config, apiKey, logger } = polygonSetup(io, local.polygon);
    const rest = new PolygonRestClient({ baseUrl: config.restUrl, apiKey, logger });
    const result = await backfillToStore(
      rest,
      local.bars,
      { symbol: symbol.toUpperCase(), timeframe: timeframe.data, from, to, adjusted: !values.unadjusted },
      (progress) => {
        if (!values.json && progress.pages > 1) io.err(`  page ${progress.pages}: ${progress.fetched} bars so far`);
      },
    ).catch((error: unknown) => {
      if (error instanceof PolygonApiError) throw new CliError(error.message);
      throw error;
    });
    const span = result.first === null ? 'no bars in that range' : `${iso(result.first)} → ${iso(result.last ?? result.first)}`;
    printResult(io, values.json ?? false, { symbol: symbol.toUpperCase(), timeframe: timeframe.data, ...result, requests: rest.requests }, () =>
      `${symbol.toUpperCase()} ${timeframe.data}: ${result.fetched} bars fetched, ${result.written} new or changed (${span}), ${result.pages} page(s)`,
    );
    return 0;
  } finally {
    await local.close();
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');
