import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StrategyInfo } from '@shared/dto/backtest';
import { DomainError } from '../../core/api/domain-error';
import type { StrategyDefinition } from '../../core/strategy/strategy-api';
import { compileUserStrategy } from './compile-user-strategy';
import { evaluateStrategy } from './evaluate-strategy';
import { guardDefinition } from './guard-strategy';
import { StrategyLocator } from './strategy-locator';

/** A user strategy's id is its file name without `.ts`; files starting with `_` are helpers. */
const STRATEGY_FILE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,79})\.ts$/;
const ERROR_LIMIT = 4000;

export function userStrategiesDir(dataDir: string): string {
  return join(dataDir, 'strategies');
}

/** Every `<dataDir>/strategies/<id>.ts`, compiled and checked; a broken one carries its error. */
export async function listUserStrategies(dataDir: string): Promise<StrategyInfo[]> {
  const dir = userStrategiesDir(dataDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const ids = names.flatMap((name) => (name.endsWith('.d.ts') ? [] : (STRATEGY_FILE.exec(name)?.slice(1, 2) ?? []))).sort();
  return Promise.all(ids.map((id) => describe(dataDir, id)));
}

/**
 * Compiles and evaluates `<dataDir>/strategies/<id>.ts`. Works in a worker thread (esbuild's
 * async API, then `vm.compileFunction`): the backtest host calls it inside its worker. The
 * definition's entry points throw UserStrategyError, located in the user's file.
 */
export async function loadUserStrategy(dataDir: string, id: string): Promise<StrategyDefinition> {
  if (!STRATEGY_FILE.test(`${id}.ts`)) throw new DomainError('NOT_FOUND', `No user strategy ${id}`);
  const file = join(userStrategiesDir(dataDir), `${id}.ts`);
  if (!(await isFile(file))) throw new DomainError('NOT_FOUND', `No user strategy ${id} (${file})`);
  const compiled = await compileUserStrategy(file);
  if (!compiled.ok) throw new DomainError('CONFLICT', `Strategy ${id} does not compile: ${compiled.error}`);
  const locator = new StrategyLocator(compiled.code, `kestrel-strategy:${id}.js`, userStrategiesDir(dataDir));
  return guardDefinition(evaluateStrategy(compiled.code, locator, id), locator);
}

async function describe(dataDir: string, id: string): Promise<StrategyInfo> {
  try {
    const definition = await loadUserStrategy(dataDir, id);
    const { name, description, params } = definition;
    return StrategyInfo.parse({ id, name, description, params, source: 'user', error: null });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id, name: id, description: '', params: {}, source: 'user', error: message.slice(0, ERROR_LIMIT) };
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
