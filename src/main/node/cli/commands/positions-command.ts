import { parseArgs } from 'node:util';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { formatPositionsTable } from '../format/trading-tables';
import { printResult, type CliIo } from '../io';
import { ENGINE_OPTIONS, EXIT_USAGE, parseUsage } from './trading-args';

export const POSITIONS_HELP = `kestrel positions [--data-dir DIR] [--json]
  List open positions: symbol, quantity (negative is short), average cost, last price, market
  value, unrealized and realized P&L, and share of equity.`;

export async function positionsCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseUsage(() => parseArgs({ args, options: ENGINE_OPTIONS, allowPositionals: true, strict: true }));
  if (positionals.length > 0) throw new CliError('"positions" takes no arguments.', EXIT_USAGE);
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const positions = await withEngine(dataDir, version, (access) => access.client.call('positions.list', {}));
  printResult(io, values.json ?? false, positions, () => formatPositionsTable(positions));
  return 0;
}
