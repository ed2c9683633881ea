import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { RpcClient } from '@shared/client/rpc-client';
import { startEngine, type Engine, type EngineOptions } from '../../src/main/node/host';
import { listen, type Listening } from '../../src/main/node/headless/listen';
import { InProcessTransport } from '../../src/main/node/rpc/in-process-transport';
import { tempDir } from './temp-dir';

const running: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop().catch(() => undefined);
});

/** A real engine on a real SQLite file in a temp data directory, stopped after the test. */
export async function testEngine(options: Partial<EngineOptions> = {}): Promise<Engine> {
  const engine = await startEngine({
    dataDir: options.dataDir ?? tempDir(),
    host: 'headless',
    version: '0.0.0-test',
    stderrLevel: 'silent',
    feed: 'none',
    ...options,
  });
  running.push(() => engine.close());
  return engine;
}

export function inProcessClient(engine: Engine): RpcClient {
  const client = new RpcClient(new InProcessTransport(engine, 'test'));
  running.push(() => Promise.resolve(client.close()));
  return client;
}

/** A renderer folder with a stub page, for HTTP tests that do not need the real build. */
export function stubRenderer(): string {
  const dir = join(tempDir('kestrel-renderer-'), 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kestrel</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  return dir;
}

export async function listeningEngine(options: { rendererDir?: string | null; token?: string } = {}): Promise<{ engine: Engine; listening: Listening }> {
  const engine = await testEngine();
  const listening = await listen(engine, {
    port: 0,
    host: '127.0.0.1',
    rendererDir: options.rendererDir === undefined ? stubRenderer() : options.rendererDir,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  running.push(() => listening.close());
  return { engine, listening };
}
