import { parseArgs } from 'node:util';
import type { BacktestResult } from '@shared/dto/backtest';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { withEngine } from '../engine-access';
import { formatBacktest } from '../format/backtest-tables';
import type { CliIo } from '../io';
import { BACKTEST_FLAG_NAMES, BACKTEST_FLAGS_HELP, BACKTEST_OPTIONS, backtestRequest, FILL_CONVENTION_HELP } from './backtest-args';
import { parseUsage, validParams } from './trading-args';

export const BACKTEST_HELP = `kestrel backtest --strategy ID --symbol S [--timeframe TF] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--param NAME=VALUE]... [--data FILE.csv] [--cash N] [--data-dir DIR] [--json]
  Backtest a strategy on the stored bars (CSV imports, Polygon history, the simulator) in a
  worker thread, save the result and print its metrics and trades. Goes through the engine
  that owns the data directory (the running one when there is one).
${BACKTEST_FLAGS_HELP}
  --json               one object: id, request, bars, metrics (with finalEquity) and trades
                       (one entry per round trip)
${FILL_CONVENTION_HELP}
  Example: kestrel backtest --strategy sma-crossover --symbol SPY --timeframe 1d --param fast=10 --param slow=30
  Exit codes: 0 ok, 1 error (no bars, a failing strategy), 2 usage.`;

export async function backtestCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values } = parseUsage(() => parseArgs({ args, options: BACKTEST_OPTIONS, strict: true }));
  const result = await withEngine(resolveDataDir(values['data-dir'], io.env), version, async (access) => {
    const request = validParams('backtest.run', await backtestRequest(values, access), BACKTEST_FLAG_NAMES);
    return access.client.call('backtest.run', request);
  });
  io.out(values.json ? JSON.stringify(jsonView(result), null, 2) : formatBacktest(result));
  return 0;
}

/** The saved run without its per-bar equity curve and fills (`backtest.export` has those). */
function jsonView(result: BacktestResult): object {
  const { id, request, createdAt, bars, firstBarTime, lastBarTime, metrics, trades, durationMs } = result;
  return { id, request, createdAt, bars, firstBarTime, lastBarTime, metrics, trades, durationMs };
}
