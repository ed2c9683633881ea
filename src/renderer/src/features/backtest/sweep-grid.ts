import type { ParamSpec } from '@shared/dto/backtest';

/** The contract's ceilings: values per parameter and runs per sweep. */
export const MAX_VALUES_PER_PARAM = 200;
export const MAX_GRID_RUNS = 10_000;

type NumberSpec = Extract<ParamSpec, { kind: 'int' | 'float' }>;
export type ValuesParse = { ok: true; values: number[] } | { ok: false; error: string };

/** The parameters a sweep can vary: the numeric ones. */
export function sweepableParams(specs: Readonly<Record<string, ParamSpec>>): string[] {
  return Object.entries(specs)
    .filter(([, spec]) => spec.kind === 'int' || spec.kind === 'float')
    .map(([name]) => name);
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

/** from:to:step, inclusive of `to` when the steps land on it (a float step is rounded to 10 places). */
function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  const count = Math.floor((to - from) / step + 1e-9);
  for (let i = 0; i <= count && values.length <= MAX_VALUES_PER_PARAM; i += 1) values.push(Number((from + i * step).toFixed(10)));
  return values;
}

function parseRange(text: string): number[] | string {
  const parts = text.split(':').map((part) => part.trim());
  if (parts.length !== 3 || !parts.every((part) => NUMBER.test(part))) return 'Write a range as from:to:step, e.g. 5:50:5';
  const [from, to, step] = parts.map(Number) as [number, number, number];
  if (step <= 0) return 'The step must be above zero';
  if (to < from) return 'The range must go up: from ≤ to';
  return range(from, to, step);
}

function parseList(text: string): number[] | string {
  const parts = text.split(/[,\s]+/).filter((part) => part !== '');
  const bad = parts.find((part) => !NUMBER.test(part));
  if (bad !== undefined) return `"${bad}" is not a number`;
  return parts.map(Number);
}

/**
 * The values a sweep tries for one parameter: a list ("5, 10, 20") or a range ("5:50:5"),
 * each checked against the spec; sorted, each once.
 */
export function parseSweepValues(text: string, spec: NumberSpec): ValuesParse {
  if (text.trim() === '') return { ok: false, error: 'Give at least one value' };
  const parsed = text.includes(':') ? parseRange(text) : parseList(text);
  if (typeof parsed === 'string') return { ok: false, error: parsed };
  const values = [...new Set(parsed)].sort((a, b) => a - b);
  if (values.length === 0) return { ok: false, error: 'Give at least one value' };
  if (values.length > MAX_VALUES_PER_PARAM) return { ok: false, error: `At most ${MAX_VALUES_PER_PARAM} values` };
  if (spec.kind === 'int' && values.some((value) => !Number.isInteger(value))) return { ok: false, error: 'Whole numbers only' };
  const outside = values.find((value) => value < spec.min || value > spec.max);
  if (outside !== undefined) return { ok: false, error: `${outside} is outside ${spec.min}–${spec.max}` };
  return { ok: true, values };
}

/** How many runs a grid makes: the product of its value counts (0 for no axes). */
export function gridSize(grid: Readonly<Record<string, readonly unknown[]>>): number {
  const counts = Object.values(grid).map((values) => values.length);
  return counts.length === 0 ? 0 : counts.reduce((product, count) => product * count, 1);
}

/** A suggested value list for a parameter: its default and neighbours within range. */
export function suggestValues(spec: NumberSpec): string {
  const step = spec.step ?? (spec.kind === 'int' ? 1 : (spec.max - spec.min) / 10);
  const around = [-2, -1, 0, 1, 2].map((k) => spec.default + k * step * (spec.kind === 'int' ? Math.max(1, Math.round(spec.default / 4)) : 1));
  const kept = [...new Set(around.map((v) => Number(v.toFixed(6))))].filter((v) => v >= spec.min && v <= spec.max);
  return kept.join(', ');
}
