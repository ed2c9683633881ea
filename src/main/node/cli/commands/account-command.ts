import { parseArgs } from 'node:util';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { formatAccount } from '../format/trading-tables';
import { printResult, type CliIo } from '../io';
import { ENGINE_OPTIONS, EXIT_USAGE, parseUsage } from './trading-args';

export const ACCOUNT_HELP = `kestrel account [--data-dir DIR] [--json]
  Show the trading account: equity, cash, settled cash, buying power, day P&L, realized and
  unrealized P&L, margin multiplier and mode. Amounts are rounded to cents; --json prints the
  exact decimal strings.`;

export async function accountCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseUsage(() => parseArgs({ args, options: ENGINE_OPTIONS, allowPositionals: true, strict: true }));
  if (positionals.length > 0) throw new CliError('"account" takes no arguments.', EXIT_USAGE);
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const account = await withEngine(dataDir, version, (access) => access.client.call('account.get', {}));
  printResult(io, values.json ?? false, account, () => formatAccount(account));
  return 0;
}
