import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectNodeClient, rpcUrl } from '../../../src/main/node/rpc/node-socket-client';

const root = resolve(__dirname, '../../..');
const cli = resolve(root, 'bin/kestrel.cjs');

export interface ServeProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** Starts the real `kestrel serve` in its own process and waits for its ready line. */
export async function startServe(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<ServeProcess> {
  if (!existsSync(resolve(root, 'out/main/kestrel.js'))) {
    throw new Error('out/main/kestrel.js is missing: run "npm run build" before the e2e tests (npm test does).');
  }
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: root,
    env: { ...process.env, KESTREL_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not get ready in 20 s\n${stderr}`)), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^Kestrel ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w.~-]+)$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}\n${stderr}`));
    });
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    url,
    origin: new URL(url).origin,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** An RPC client of the test's own on a serve process's WebSocket, for setup the UI test is not about. */
export function engineClient(engine: ServeProcess) {
  const url = new URL(engine.url);
  return connectNodeClient(rpcUrl(url.origin, url.searchParams.get('token') ?? ''));
}
