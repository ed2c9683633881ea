import { parseArgs } from 'node:util';
import { readEngineRecord } from '../../data-dir/engine-record';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { connectNodeClient, rpcUrl } from '../../rpc/node-socket-client';
import type { CliIo } from '../io';
import { printResult } from '../io';

export const STATUS_HELP = `kestrel status [--data-dir DIR] [--json]
  Show the engine that owns the data directory. Exit code 3 when none is running.`;

export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  const json = values.json ?? false;
  const owner = await readEngineRecord(dataDir);
  if (!owner?.url || !owner.token) {
    printResult(io, json, { running: false, dataDir, pid: owner?.pid ?? null }, () =>
      owner ? `Kestrel (pid ${owner.pid}) owns ${dataDir} but is not listening yet.` : `No Kestrel engine is running on ${dataDir}.`,
    );
    return 3;
  }
  const client = connectNodeClient(rpcUrl(owner.url, owner.token));
  try {
    const [info, feed] = await Promise.all([client.call('system.info', {}), client.call('feed.status', {})]);
    printResult(io, json, { running: true, pid: owner.pid, url: owner.url, info, feed }, () =>
      [
        `Kestrel ${info.version} (${info.host}, ${info.mode.toUpperCase()}) pid ${owner.pid}`,
        `  data dir  ${info.dataDir}`,
        `  listening ${owner.url}`,
        `  feed      ${feed.label} (${feed.state})`,
        `  started   ${new Date(info.startedAt).toISOString()}`,
      ].join('\n'),
    );
    return 0;
  } finally {
    client.close();
  }
}
