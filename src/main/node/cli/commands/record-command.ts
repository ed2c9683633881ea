import { parseArgs } from 'node:util';
import { SymbolCode } from '@shared/dto/market-data';
import type { Clock } from '../../../core/ports/clock';
import type { Scheduler } from '../../../core/ports/scheduler';
import { PolygonFeed } from '../../adapters/polygon/ws-client';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { systemClock } from '../../system-clock';
import { CliError } from '../cli-error';
import { printResult, type CliIo } from '../io';
import { openLocalMarketStore, polygonSetup } from './backfill-command';

export const RECORD_HELP = `kestrel record --symbols A,B [--duration 10m] [options]
  Stream Polygon minute bars into the local store. Drops are survived: the feed reconnects
  with backoff and fills the missed minutes from REST, so no minute is missing or doubled.
  --symbols LIST   comma-separated, as Polygon spells them: AAPL,MSFT,X:BTCUSD
  --duration D     how long to record: 90s, 10m, 2h (default: until Ctrl+C)
  --data-dir DIR   data directory (default: KESTREL_DATA_DIR, else the OS app-data folder)
  --json           machine-readable summary
The key comes from POLYGON_API_KEY; endpoints from Settings, KESTREL_POLYGON_REST_URL and
KESTREL_POLYGON_WS_URL override. Needs the data directory to itself: stop a running Kestrel first.`;

/** Seams for tests: the clock the bars are judged by and the timers the feed runs on. */
export interface RecordDeps {
  clock?: Clock;
  scheduler?: Scheduler;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN;
  if (!(ms > 0)) throw new CliError(`--duration must look like 90s, 10m or 2h (got "${text}").`);
  return ms;
}

export async function recordCommand(args: string[], io: CliIo, version: string, deps: RecordDeps = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { symbols: { type: 'string' }, duration: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const symbols = [...new Set((values.symbols ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))];
  if (symbols.length === 0) throw new CliError('Name at least one symbol: --symbols AAPL,MSFT');
  for (const symbol of symbols) if (!SymbolCode.safeParse(symbol).success) throw new CliError(`"${symbol}" is not a symbol.`);
  const durationMs = values.duration === undefined ? null : parseDuration(values.duration);
  const json = values.json ?? false;

  const local = await openLocalMarketStore(resolveDataDir(values['data-dir'], io.env), version);
  try {
    const { config, apiKey, logger } = polygonSetup(io, local.polygon);
    const clock = deps.clock ?? systemClock;
    const timers = deps.scheduler ?? refScheduler;
    const feed = new PolygonFeed({ config, apiKey, clock, scheduler: timers, logger, channels: ['trade', 'minute'] });
    const stored = new Map<string, number>(symbols.map((s) => [s, 0]));
    let trades = 0;
    let down: string | null = null;
    let stopDown: () => void = () => undefined;
    const fatal = new Promise<void>((resolve) => (stopDown = resolve));
    feed.onEvent((event) => {
      if (event.type === 'bar' && event.timeframe === '1m') {
        local.bars.upsertBars(event.symbol, '1m', [event.bar]);
        stored.set(event.symbol, (stored.get(event.symbol) ?? 0) + 1);
      } else if (event.type === 'trade') trades += 1;
      else if (event.type === 'status') {
        if (!json) io.err(`[${new Date(clock.now()).toISOString()}] ${event.state}: ${event.label}`);
        // A rejected key does not get better by waiting.
        if (event.state === 'down') {
          down = event.label;
          stopDown();
        }
      }
    });
    await feed.start();
    feed.subscribe(symbols);
    let cancelTimer: () => void = () => undefined;
    const elapsed = durationMs === null ? new Promise<void>(() => undefined) : new Promise<void>((resolve) => (cancelTimer = timers.after(durationMs, resolve)));
    await Promise.race([elapsed, io.untilStopped(), fatal]);
    cancelTimer();
    await feed.stop();
    const stats = feed.stats();
    const summary = { symbols: Object.fromEntries(stored), trades, ...stats, error: down };
    printResult(io, json, summary, () =>
      [
        `Recorded ${[...stored].map(([s, n]) => `${s} ${n}`).join(', ')} minute bar(s); ${trades} trades seen`,
        `  reconnects ${stats.reconnects}, gap bars from REST ${stats.gapBarsFetched}, malformed skipped ${stats.malformed}`,
        ...(down ? [`  stopped: ${down}`] : []),
      ].join('\n'),
    );
    return down ? 1 : 0;
  } finally {
    await local.close();
  }
}

/** Referenced timers: a recording must keep the process alive while it waits to reconnect. */
const refScheduler: Scheduler = {
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
  every(ms, task) {
    const timer = setInterval(task, ms);
    return () => clearInterval(timer);
  },
};
