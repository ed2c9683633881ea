import { compileFunction } from 'node:vm';
import { z } from 'zod';
import { ParamSpec, type ParamValues } from '@shared/dto/backtest';
import { defineStrategy, type StrategyDefinition } from '../../core/strategy/strategy-api';
import { KESTREL_MODULE } from './compile-user-strategy';
import { locate } from './guard-strategy';
import type { StrategyLocator } from './strategy-locator';

/** What `import ... from 'kestrel'` gives a user strategy at run time (its types are erased). */
const kestrel = Object.freeze({ defineStrategy });

type ModuleFunction = (exports: object, require: (id: string) => unknown, module: { exports: object }) => void;

/**
 * Runs a compiled strategy module and returns its default export, checked.
 *
 * Not a sandbox: the code runs in this thread's realm with its globals (`process`,
 * `globalThis`, timers), so a determined file can reach anything Node can. It is the user's own
 * code on their own machine, run with their rights, like a script they start themselves.
 * What the loader does restrict is against mistakes, not malice: `require` answers only
 * 'kestrel' (bare imports are already refused when bundling), and the module is evaluated
 * once per load, never shared between runs.
 */
export function evaluateStrategy(code: string, locator: StrategyLocator, id: string): StrategyDefinition {
  const module: { exports: object } = { exports: {} };
  const require = (name: string): unknown => {
    if (name === KESTREL_MODULE) return kestrel;
    throw new Error(`A strategy can import only '${KESTREL_MODULE}', not '${name}'`);
  };
  try {
    const run = compileFunction(code, ['exports', 'require', 'module'], { filename: locator.scriptName }) as ModuleFunction;
    run(module.exports, require, module);
  } catch (error) {
    throw locate(error, 'loading the file', locator);
  }
  return checkDefinition(defaultExport(module.exports), id);
}

function defaultExport(exports: unknown): unknown {
  if (typeof exports === 'object' && exports !== null && 'default' in exports) return exports.default;
  return exports;
}

const DefinitionShape = z.object({
  name: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  params: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/), ParamSpec).default({}),
  warmup: z.custom<(params: ParamValues) => number>((value) => typeof value === 'function', 'warmup must be a function (params) => number'),
  create: z.custom<StrategyDefinition['create']>((value) => typeof value === 'function', 'create must be a function (params) => strategy'),
  validate: z
    .custom<NonNullable<StrategyDefinition['validate']>>((value) => typeof value === 'function', 'validate must be a function (params) => string[]')
    .optional(),
});

/** The file's default export as a definition whose id is the file's name. */
function checkDefinition(value: unknown, id: string): StrategyDefinition {
  const parsed = DefinitionShape.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'default export'}: ${issue.message}`);
    throw new Error(`The default export is not a strategy (export default defineStrategy({...})): ${issues.join('; ')}`);
  }
  const { name, description, params, warmup, create, validate } = parsed.data;
  return { id, name, description, params, warmup, create, ...(validate ? { validate } : {}) };
}
