import type { ParamSpec, ParamValue, ParamValues } from '@shared/dto/backtest';

export type ResolvedParams = { ok: true; params: ParamValues } | { ok: false; errors: string[] };

/**
 * A strategy's parameters from what a user or a sweep gave: defaults for the missing ones,
 * every value checked against its spec (ints whole, numbers within [min, max], enums among
 * their options), unknown names refused. All problems are reported, not just the first.
 * `check` adds rules across parameters (e.g. fast < slow), run only when each value is valid.
 */
export function resolveParams(
  specs: Readonly<Record<string, ParamSpec>>,
  values: Readonly<Record<string, ParamValue>> = {},
  check?: (params: ParamValues) => readonly string[],
): ResolvedParams {
  const errors: string[] = [];
  const params: ParamValues = {};
  for (const name of Object.keys(values)) {
    if (!Object.hasOwn(specs, name)) errors.push(`Unknown parameter "${name}"`);
  }
  for (const [name, spec] of Object.entries(specs)) {
    const given = Object.hasOwn(values, name) ? values[name] : undefined;
    const value = given === undefined ? spec.default : given;
    const problem = problemWith(name, spec, value);
    if (problem === null) params[name] = value;
    else errors.push(problem);
  }
  if (errors.length === 0 && check) errors.push(...check(params));
  return errors.length === 0 ? { ok: true, params } : { ok: false, errors };
}

function problemWith(name: string, spec: ParamSpec, value: ParamValue): string | null {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} must be a number, got ${JSON.stringify(value)}`;
      if (spec.kind === 'int' && !Number.isInteger(value)) return `${name} must be a whole number, got ${value}`;
      if (value < spec.min || value > spec.max) return `${name} must be between ${spec.min} and ${spec.max}, got ${value}`;
      return null;
    }
    case 'bool':
      return typeof value === 'boolean' ? null : `${name} must be true or false, got ${JSON.stringify(value)}`;
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value) ? null : `${name} must be one of ${spec.options.join(', ')}, got ${JSON.stringify(value)}`;
  }
}

/** A definition's parameters: its specs, then its own cross-parameter rules. */
export function resolveStrategyParams(
  definition: { params: Readonly<Record<string, ParamSpec>>; validate?(params: ParamValues): readonly string[] },
  values: Readonly<Record<string, ParamValue>> = {},
): ResolvedParams {
  return resolveParams(definition.params, values, definition.validate ? (params) => definition.validate?.(params) ?? [] : undefined);
}
