import { parseArgs } from 'node:util';
import { SettingsPatch } from '@shared/dto/settings';
import { toErrorIssues } from '@shared/contract/errors';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { printResult, type CliIo } from '../io';
import { parseAssignment } from '../parse';

export const SETTINGS_HELP = `kestrel settings [get] [--data-dir DIR] [--json]
kestrel settings set KEY=VALUE... [--data-dir DIR] [--json]
  Read or change settings through the engine that owns the data directory (the running
  one when there is one). VALUE is JSON when it parses as JSON, e.g. theme=light,
  confirmOrders=false.`;

export async function settingsCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [action = 'get', ...assignments] = positionals;
  const json = values.json ?? false;
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  if (action !== 'get' && action !== 'set') throw new CliError(`Unknown settings action "${action}" (get or set).`);
  if (action === 'get' && assignments.length > 0) throw new CliError('"settings get" takes no KEY=VALUE arguments.');
  if (action === 'set' && assignments.length === 0) throw new CliError('"settings set" needs at least one KEY=VALUE.');

  const patch = SettingsPatch.safeParse(Object.fromEntries(assignments.map(parseAssignment)));
  if (!patch.success) {
    const details = toErrorIssues(patch.error).map((issue) => `  ${issue.path}: ${issue.message}`);
    throw new CliError(['Invalid settings:', ...details].join('\n'));
  }
  const settings = await withEngine(dataDir, version, (access) =>
    action === 'set' ? access.client.call('settings.update', patch.data) : access.client.call('settings.get', {}),
  );
  printResult(io, json, settings, () =>
    Object.entries(settings)
      .map(([key, value]) => `${key.padEnd(14)} ${JSON.stringify(value)}`)
      .join('\n'),
  );
  return 0;
}
