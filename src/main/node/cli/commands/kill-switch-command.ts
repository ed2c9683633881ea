import { parseArgs } from 'node:util';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { formatRiskStatus } from '../format/trading-tables';
import { printResult, type CliIo } from '../io';
import { ENGINE_OPTIONS, EXIT_USAGE, parseUsage, validParams } from './trading-args';

export const KILL_SWITCH_HELP = `kestrel kill-switch [status] [--data-dir DIR] [--json]
kestrel kill-switch trip [--reason TEXT] [--data-dir DIR] [--json]
kestrel kill-switch reset [--data-dir DIR] [--json]
  Show the kill switch with the day's P&L and the main risk limits; trip it by hand (cancels
  every working order and refuses new ones until reset); or reset it.`;

export async function killSwitchCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseUsage(() =>
    parseArgs({ args, options: { ...ENGINE_OPTIONS, reason: { type: 'string' } }, allowPositionals: true, strict: true }),
  );
  const [action = 'status', ...extra] = positionals;
  if (extra.length > 0) throw new CliError(`Unexpected argument "${extra.join(' ')}".`, EXIT_USAGE);
  if (action !== 'status' && action !== 'trip' && action !== 'reset') {
    throw new CliError(`Unknown kill-switch action "${action}" (status, trip or reset).`, EXIT_USAGE);
  }
  if (values.reason !== undefined && action !== 'trip') throw new CliError('--reason goes with "kill-switch trip".', EXIT_USAGE);
  const tripParams = action === 'trip' ? validParams('risk.killSwitch.trip', { reason: values.reason }, { reason: '--reason' }) : null;

  const status = await withEngine(resolveDataDir(values['data-dir'], io.env), version, (access) => {
    if (tripParams) return access.client.call('risk.killSwitch.trip', tripParams);
    if (action === 'reset') return access.client.call('risk.killSwitch.reset', {});
    return access.client.call('risk.status', {});
  });
  printResult(io, values.json ?? false, status, () => formatRiskStatus(status));
  return 0;
}
