import { StrategyInfo, type ParamValue, type ParamValues } from '@shared/dto/backtest';
import { DomainError } from '../../core/api/domain-error';
import { BUILTIN_STRATEGIES } from '../../core/strategy/builtin';
import { resolveParams, resolveStrategyParams } from '../../core/strategy/params';
import type { StrategyDefinition } from '../../core/strategy/strategy-api';
import { listUserStrategies, loadUserStrategy } from '../strategies/user-strategies';
import type { StrategyRef } from './worker/worker-protocol';

/** Where user strategies come from; the defaults read `<dataDir>/strategies/*.ts`. */
export interface UserStrategySource {
  list(dataDir: string): Promise<StrategyInfo[]>;
  load(dataDir: string, id: string): Promise<StrategyDefinition>;
}

export const fileStrategies: UserStrategySource = { list: listUserStrategies, load: loadUserStrategy };

export interface ResolvedStrategy {
  ref: StrategyRef;
  definition: StrategyDefinition;
}

export function builtinStrategy(id: string): StrategyDefinition | undefined {
  return BUILTIN_STRATEGIES.get(id);
}

/** The built-in strategies, then the user's; a built-in id wins over a user file of the same name. */
export class StrategyCatalog {
  constructor(
    private readonly dataDir: string,
    private readonly user: UserStrategySource = fileStrategies,
  ) {}

  async list(): Promise<StrategyInfo[]> {
    const builtins = [...BUILTIN_STRATEGIES.values()].map((definition) =>
      StrategyInfo.parse({ id: definition.id, name: definition.name, description: definition.description, params: definition.params, source: 'builtin', error: null }),
    );
    const taken = new Set(builtins.map((info) => info.id));
    const users = (await this.user.list(this.dataDir)).filter((info) => !taken.has(info.id));
    return [...builtins, ...users];
  }

  async resolve(id: string): Promise<ResolvedStrategy> {
    const builtin = builtinStrategy(id);
    if (builtin) return { ref: { source: 'builtin', id }, definition: builtin };
    try {
      return { ref: { source: 'user', id }, definition: await this.user.load(this.dataDir, id) };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        const known = [...BUILTIN_STRATEGIES.keys()].join(', ');
        throw new DomainError('NOT_FOUND', `No strategy "${id}": built-in ones are ${known}; user strategies are .ts files in the data directory's strategies folder.`);
      }
      throw error;
    }
  }
}

/** The strategy's parameters with defaults applied; a bad value is the caller's error. */
export function strategyParams(definition: StrategyDefinition, values: ParamValues): ParamValues {
  const resolved = resolveStrategyParams(definition, values);
  if (!resolved.ok) throw new DomainError('INVALID_PARAMS', `${definition.id}: ${resolved.errors.join('; ')}`);
  return resolved.params;
}

/**
 * The sweep's grid points as full parameter sets. Every value of the grid must be valid on its
 * own (a typo is the caller's error); combinations the strategy's own rules refuse (fast ≥ slow)
 * are left out. Null when the strategy accepts none of them.
 */
export function sweepParams(definition: StrategyDefinition, base: ParamValues, points: readonly ParamValues[], grid: Readonly<Record<string, readonly ParamValue[]>>): ParamValues[] {
  const errors = Object.entries(grid).flatMap(([name, values]) =>
    values.flatMap((value) => {
      const resolved = resolveParams(definition.params, { ...base, [name]: value });
      return resolved.ok ? [] : resolved.errors;
    }),
  );
  if (errors.length > 0) throw new DomainError('INVALID_PARAMS', `${definition.id}: ${[...new Set(errors)].join('; ')}`);
  const accepted = points.flatMap((point) => {
    const resolved = resolveStrategyParams(definition, { ...base, ...point });
    return resolved.ok ? [resolved.params] : [];
  });
  if (accepted.length === 0) {
    const first = points[0] ? resolveStrategyParams(definition, { ...base, ...points[0] }) : null;
    throw new DomainError('INVALID_PARAMS', `${definition.id} accepts none of the grid's points${first && !first.ok ? ` (${first.errors.join('; ')})` : ''}`);
  }
  return accepted;
}
