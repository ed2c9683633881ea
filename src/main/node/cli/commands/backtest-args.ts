import { resolve } from 'node:path';
import type { BacktestRequestInput, ParamValue } from '@shared/dto/backtest';
import { CliError } from '../cli-error';
import type { EngineAccess } from '../engine-access';
import { ENGINE_OPTIONS, EXIT_USAGE } from './trading-args';

/** The flags `kestrel backtest` and `kestrel sweep` share. */
export const BACKTEST_OPTIONS = {
  ...ENGINE_OPTIONS,
  strategy: { type: 'string' },
  symbol: { type: 'string', multiple: true },
  timeframe: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  param: { type: 'string', multiple: true },
  data: { type: 'string' },
  cash: { type: 'string' },
} as const;

export const FILL_CONVENTION_HELP = `  Fills: orders decided on a bar's close fill on the next bar: market orders at its open;
  no commission or slippage unless configured.`;

export const BACKTEST_FLAGS_HELP = `  --strategy ID        a built-in strategy (sma-crossover, rsi-mean-reversion, …) or a user
                       strategy (<data dir>/strategies/ID.ts)
  --symbol S           symbol to test (repeat for several); with --data, the file's symbol
  --timeframe TF       1s, 1m, 5m, 15m, 1h or 1d (default 1d, or the imported file's)
  --from / --to DATE   YYYY-MM-DD, inclusive (UTC); the strategy's warm-up bars come from before --from
  --param NAME=VALUE   a strategy parameter (repeat); defaults for the rest
  --data FILE.csv      import the file first (as "kestrel import" does), then test its symbol
  --cash N             starting cash (default 100000)`;

/** Request fields as a contract schema names them → the flag that sets them. */
export const BACKTEST_FLAG_NAMES: Record<string, string> = {
  strategy: '--strategy',
  symbols: '--symbol',
  timeframe: '--timeframe',
  from: '--from',
  to: '--to',
  params: '--param',
  initialCash: '--cash',
};

export interface BacktestFlagValues {
  strategy?: string;
  symbol?: string[];
  timeframe?: string;
  from?: string;
  to?: string;
  param?: string[];
  data?: string;
  cash?: string;
}

/**
 * The request the flags describe. With --data the file is imported first through the engine's
 * importer, and its symbol and timeframe fill in what the flags leave out.
 */
export async function backtestRequest(values: BacktestFlagValues, access: EngineAccess): Promise<BacktestRequestInput> {
  let symbols = (values.symbol ?? []).map((symbol) => symbol.toUpperCase());
  let timeframe = values.timeframe;
  if (values.data !== undefined) {
    const imported = await importData(access, resolve(values.data), symbols[0], timeframe);
    if (symbols.length === 0) symbols = imported.symbols;
    timeframe ??= imported.timeframe;
  }
  if (values.strategy === undefined) throw new CliError('--strategy is required (see "kestrel backtest --help").', EXIT_USAGE);
  if (symbols.length === 0) throw new CliError('--symbol is required (or --data FILE).', EXIT_USAGE);
  return {
    strategy: values.strategy,
    symbols,
    timeframe: (timeframe ?? '1d') as BacktestRequestInput['timeframe'],
    ...(values.from === undefined ? {} : { from: parseDate(values.from, '--from', 'start') }),
    ...(values.to === undefined ? {} : { to: parseDate(values.to, '--to', 'end') }),
    params: Object.fromEntries((values.param ?? []).map(parseParam)),
    ...(values.cash === undefined ? {} : { initialCash: values.cash }),
  };
}

async function importData(access: EngineAccess, path: string, symbol: string | undefined, timeframe: string | undefined): Promise<{ symbols: string[]; timeframe: string }> {
  const result = await access.client.call('md.import.commit', {
    source: { kind: 'path', path },
    ...(symbol === undefined ? {} : { symbol }),
    ...(timeframe === undefined ? {} : { timeframe: timeframe as BacktestRequestInput['timeframe'] }),
  });
  if (!result.committed) {
    const errors = result.errors.slice(0, 5).map((error) => `  ${error.line > 0 ? `line ${error.line}: ` : ''}${error.message}`);
    throw new CliError([`${path} was not imported (${result.errorCount} errors):`, ...errors].join('\n'));
  }
  return { symbols: result.symbols, timeframe: result.timeframe };
}

/** YYYY-MM-DD as UTC: the day's first millisecond for a start, its last for an end (inclusive). */
export function parseDate(text: string, flag: string, edge: 'start' | 'end'): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) {
    throw new CliError(`${flag} must be a date YYYY-MM-DD (got "${text}").`, EXIT_USAGE);
  }
  return edge === 'start' ? time : time + 86_400_000 - 1;
}

/** NAME=VALUE: a number, true/false, or text. */
export function parseParam(text: string): [string, ParamValue] {
  const [name, raw] = splitAssignment(text, '--param');
  return [name, parseValue(raw)];
}

/** NAME=V1,V2,… or NAME=FROM:TO:STEP (numbers). */
export function parseGrid(text: string): [string, ParamValue[]] {
  const [name, raw] = splitAssignment(text, '--grid');
  const range = /^(-?[\d.]+):(-?[\d.]+):([\d.]+)$/.exec(raw);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!(step > 0) || to < from || (to - from) / step > 10_000) throw new CliError(`--grid ${name}: FROM:TO:STEP needs FROM ≤ TO and a positive STEP (got "${raw}").`, EXIT_USAGE);
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    return [name, Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)))];
  }
  return [name, raw.split(',').map((value) => parseValue(value.trim()))];
}

function splitAssignment(text: string, flag: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new CliError(`${flag} expects NAME=VALUE (got "${text}").`, EXIT_USAGE);
  return [text.slice(0, at), text.slice(at + 1)];
}

function parseValue(raw: string): ParamValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  const number = Number(raw);
  return raw !== '' && Number.isFinite(number) ? number : raw;
}
