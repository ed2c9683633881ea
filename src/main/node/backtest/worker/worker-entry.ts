import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/** How to start a backtest worker: a file (or code, when `eval`) and its options. */
export interface WorkerEntry {
  script: string;
  options: WorkerOptions;
}

/** The worker's file in the build: electron-vite emits it next to the entries (see electron.vite.config.ts). */
const BUILT_NAME = 'backtest-worker.js';

/**
 * Finds the worker entry. From the build (out/main, this code possibly in out/main/chunks) it
 * is the emitted backtest-worker.js; from the sources (vitest, tsx) it is backtest-worker.ts,
 * loaded through tsx's require hook with the repository's path aliases. ESM loader hooks
 * do not reach worker threads on Node 20, hence the CommonJS hook.
 */
export function backtestWorkerEntry(): WorkerEntry {
  for (const dir of [__dirname, join(__dirname, '..')]) {
    const built = join(dir, BUILT_NAME);
    if (existsSync(built)) return { script: built, options: {} };
  }
  const source = join(__dirname, 'backtest-worker.ts');
  if (!existsSync(source)) throw new Error(`The backtest worker is missing: neither ${BUILT_NAME} beside ${__dirname} nor ${source}`);
  const root = resolve(__dirname, '../../../../..');
  const tsx = createRequire(join(root, 'package.json')).resolve('tsx/cjs/api');
  const script = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  return { script, options: { eval: true, env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') } } };
}
