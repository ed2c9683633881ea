import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { BarSeries, Timeframe } from '@shared/dto/market-data';
import { SymbolCode } from '@shared/dto/market-data';
import { detectTimeKind, isDateOnly, timeParser, TRADING_DAY_ZONE } from '../../../core/import/timestamps';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { printResult, type CliIo } from '../io';
import { parseTimeframe } from './import-command';

export const BARS_HELP = `kestrel bars SYMBOL --timeframe TF [--from DATE] [--to DATE] [--csv|--json] [--data-dir DIR]
  Export stored bars, oldest first. DATE is YYYY-MM-DD (a New York trading day; --to includes
  that whole day), an ISO 8601 time (UTC unless it names a zone) or epoch milliseconds.
  --csv prints symbol,timestamp,open,high,low,close,volume, which "kestrel import" reads back:
  daily bars as their trading date, others as UTC times.`;

/** Bars per md.bars call while paging backwards. */
const PAGE = 50_000;
/** Lines per write, so 500k bars do not become one giant string. */
const BLOCK = 10_000;

interface Columns {
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

export async function barsCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      timeframe: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      csv: { type: 'boolean' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [rawSymbol, ...extra] = positionals;
  if (rawSymbol === undefined || extra.length > 0) throw new CliError('Name exactly one symbol, e.g. "kestrel bars SPY --timeframe 1d".');
  const symbol = SymbolCode.safeParse(rawSymbol.toUpperCase());
  if (!symbol.success) throw new CliError(`"${rawSymbol}" is not a symbol (1–32 of A–Z, 0–9 and . : / ^ _ -).`);
  if (values.timeframe === undefined) throw new CliError('--timeframe is required (1s, 1m, 5m, 15m, 1h or 1d).');
  if (values.csv && values.json) throw new CliError('Choose one of --csv and --json.');
  const timeframe = parseTimeframe(values.timeframe);
  const from = values.from === undefined ? undefined : parseBound(values.from, '--from', false);
  const to = values.to === undefined ? undefined : parseBound(values.to, '--to', true);
  if (from !== undefined && to !== undefined && from > to) throw new CliError('--from is after --to.');

  const bars = await withEngine(resolveDataDir(values['data-dir'], io.env), version, async (access) => {
    const pages: BarSeries[] = [];
    let before = to === undefined ? undefined : to + 1;
    for (;;) {
      const page = await access.client.call('md.bars', { symbol: symbol.data, timeframe, limit: PAGE, ...(before === undefined ? {} : { before }) });
      pages.unshift(page);
      const oldest = page.time[0];
      if (oldest === undefined || !page.hasMore || (from !== undefined && oldest <= from)) break;
      before = oldest;
    }
    return joinPages(pages, from);
  });

  const stamp = (time: number) => formatTime(time, timeframe);
  if (values.json) {
    const list = bars.time.map((time, i) => ({ time, open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i], volume: bars.volume[i] }));
    printResult(io, true, { symbol: symbol.data, timeframe, count: list.length, bars: list }, () => '');
  } else if (values.csv) {
    io.out('symbol,timestamp,open,high,low,close,volume');
    writeLines(io, bars, (i) => `${symbol.data},${stamp(bars.time[i]!)},${bars.open[i]},${bars.high[i]},${bars.low[i]},${bars.close[i]},${bars.volume[i]}`);
  } else if (bars.time.length === 0) {
    io.out(`No ${timeframe} bars of ${symbol.data} in the store${from !== undefined || to !== undefined ? ' in that range' : ''}.`);
  } else {
    io.out(['time'.padEnd(20), 'open'.padStart(12), 'high'.padStart(12), 'low'.padStart(12), 'close'.padStart(12), 'volume'.padStart(16)].join(' '));
    writeLines(io, bars, (i) =>
      [stamp(bars.time[i]!).padEnd(20), ...[bars.open, bars.high, bars.low, bars.close].map((c) => String(c[i]).padStart(12)), String(bars.volume[i]).padStart(16)].join(' '),
    );
    io.out(`${bars.time.length} bars`);
  }
  return 0;
}

function joinPages(pages: readonly BarSeries[], from: number | undefined): Columns {
  const out: Columns = { time: [], open: [], high: [], low: [], close: [], volume: [] };
  for (const page of pages) {
    for (let i = 0; i < page.time.length; i += 1) {
      const time = page.time[i]!;
      if (from !== undefined && time < from) continue;
      out.time.push(time);
      out.open.push(page.open[i]!);
      out.high.push(page.high[i]!);
      out.low.push(page.low[i]!);
      out.close.push(page.close[i]!);
      out.volume.push(page.volume[i]!);
    }
  }
  return out;
}

function writeLines(io: CliIo, bars: Columns, line: (i: number) => string): void {
  for (let start = 0; start < bars.time.length; start += BLOCK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + BLOCK, bars.time.length); i += 1) lines.push(line(i));
    io.out(lines.join('\n'));
  }
}

/** Daily bars print as their New York trading date; others as UTC ISO times. */
function formatTime(time: number, timeframe: Timeframe): string {
  if (timeframe === '1d') return DateTime.fromMillis(time, { zone: TRADING_DAY_ZONE }).toISODate() ?? String(time);
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

/** A date bound: dates are New York trading days (an end bound takes the whole day). */
function parseBound(text: string, flag: string, end: boolean): number {
  const kind = detectTimeKind(text);
  const time = kind === null ? null : timeParser(kind, 'UTC')(text, undefined);
  if (kind === null || time === null) throw new CliError(`${flag} must be YYYY-MM-DD, an ISO 8601 time or epoch milliseconds (got "${text}").`);
  if (!end || !isDateOnly(kind)) return time;
  return DateTime.fromMillis(time, { zone: TRADING_DAY_ZONE }).plus({ days: 1 }).toMillis() - 1;
}
