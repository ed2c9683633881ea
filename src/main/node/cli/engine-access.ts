import { RpcClient } from '@shared/client/rpc-client';
import { readEngineRecord } from '../data-dir/engine-record';
import { startEngine } from '../host';
import { InProcessTransport } from '../rpc/in-process-transport';
import { connectNodeClient, rpcUrl } from '../rpc/node-socket-client';
import { CliError } from './cli-error';

export interface EngineAccess {
  client: RpcClient;
  /** 'remote' when another process owns the data directory. */
  via: 'remote' | 'in-process';
  close(): Promise<void>;
}

/**
 * Reaches the engine that owns the data directory through the contract: the running one
 * when there is one (never its database behind its back), otherwise a short-lived engine in
 * this process.
 */
export async function accessEngine(dataDir: string, version: string): Promise<EngineAccess> {
  const owner = await readEngineRecord(dataDir);
  if (owner) {
    if (!owner.url || !owner.token) {
      throw new CliError(`Kestrel (pid ${owner.pid}) owns ${dataDir} but accepts no CLI connections yet; try again in a moment.`);
    }
    // Long enough for an import of hundreds of thousands of rows through the running engine.
    const client = connectNodeClient(rpcUrl(owner.url, owner.token), { requestTimeoutMs: 10 * 60_000 });
    return { client, via: 'remote', close: () => Promise.resolve(client.close()) };
  }
  // A short-lived engine for one command: no live feed.
  const engine = await startEngine({ dataDir, host: 'headless', version, stderrLevel: 'warn', feed: 'none' });
  const client = new RpcClient(new InProcessTransport(engine, 'cli'));
  return {
    client,
    via: 'in-process',
    async close() {
      client.close();
      await engine.close();
    },
  };
}

export async function withEngine<T>(dataDir: string, version: string, run: (access: EngineAccess) => Promise<T>): Promise<T> {
  const access = await accessEngine(dataDir, version);
  try {
    return await run(access);
  } finally {
    await access.close();
  }
}
