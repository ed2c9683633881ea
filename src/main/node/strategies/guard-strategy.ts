import type { ParamValues } from '@shared/dto/backtest';
import type { Strategy, StrategyDefinition } from '../../core/strategy/strategy-api';
import type { SourceLocation, StrategyLocator } from './strategy-locator';

/** An error thrown inside a user strategy, located in the user's file. */
export class UserStrategyError extends Error {
  override readonly name = 'UserStrategyError';

  constructor(
    message: string,
    readonly location: SourceLocation | null,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

type Hook = 'onStart' | 'onBar' | 'onTick' | 'onOrderUpdate' | 'onStop';
const HOOKS: readonly Hook[] = ['onStart', 'onBar', 'onTick', 'onOrderUpdate', 'onStop'];

/**
 * Wraps every entry point of a user strategy so whatever it throws comes out as a
 * UserStrategyError naming the file and line (through the source map), whichever host runs
 * it: the backtester, the strategy runner, a worker.
 */
export function guardDefinition(definition: StrategyDefinition, locator: StrategyLocator): StrategyDefinition {
  const located = <T>(where: string, call: () => T): T => {
    try {
      return call();
    } catch (error) {
      throw locate(error, where, locator);
    }
  };
  return {
    ...definition,
    ...(definition.validate ? { validate: (params: ParamValues) => located('validate', () => definition.validate?.(params) ?? []) } : {}),
    warmup: (params: ParamValues) => located('warmup', () => definition.warmup(params)),
    create: (params: ParamValues) => guardStrategy(located('create', () => definition.create(params)), located),
  };
}

function guardStrategy(strategy: Strategy, located: <T>(where: string, call: () => T) => T): Strategy {
  const guarded: Strategy = {};
  for (const hook of HOOKS) {
    const original: unknown = Reflect.get(strategy, hook);
    if (typeof original !== 'function') continue;
    // Called on the strategy object itself: class-based strategies keep their `this`.
    Reflect.set(guarded, hook, (...args: unknown[]) => located(hook, () => Reflect.apply(original, strategy, args) as unknown));
  }
  return guarded;
}

/** Already located (a nested guard) errors pass through unchanged. */
export function locate(error: unknown, where: string, locator: StrategyLocator): UserStrategyError {
  if (error instanceof UserStrategyError) return error;
  const location = locator.locate(error);
  const what = error instanceof Error ? `${error.name}: ${error.message}` : `thrown value ${String(error)}`;
  const at = location ? `${location.file}:${location.line}:${location.column}` : `${locator.scriptName} (no source position)`;
  const wrapped = new UserStrategyError(`${what} (in ${where}, at ${at})`, location, { cause: error });
  if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${locator.mapStack(error.stack)}`;
  return wrapped;
}
