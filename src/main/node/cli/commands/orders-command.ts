import { parseArgs } from 'node:util';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { formatOrdersTable } from '../format/trading-tables';
import { printResult, type CliIo } from '../io';
import { ENGINE_OPTIONS, EXIT_USAGE, parseUsage, validParams } from './trading-args';

export const ORDERS_HELP = `kestrel orders [--status open|closed|all] [--symbol S] [--limit N] [--data-dir DIR] [--json]
  List orders (default: every status, at most 500; --limit up to 5000).
  open = still working; closed = filled, canceled, rejected, expired or replaced.`;

export async function ordersCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseUsage(() =>
    parseArgs({
      args,
      options: { ...ENGINE_OPTIONS, status: { type: 'string' }, symbol: { type: 'string' }, limit: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length > 0) throw new CliError('"orders" takes no arguments; filter with --status and --symbol.', EXIT_USAGE);
  const params = validParams(
    'orders.list',
    { status: values.status, symbol: values.symbol?.toUpperCase(), limit: values.limit === undefined ? undefined : parseLimit(values.limit) },
    { status: '--status', symbol: '--symbol', limit: '--limit' },
  );
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const orders = await withEngine(dataDir, version, (access) => access.client.call('orders.list', params));
  printResult(io, values.json ?? false, orders, () => formatOrdersTable(orders));
  return 0;
}

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`--limit must be a whole number (got "${text}").`, EXIT_USAGE);
  return Number(text);
}
