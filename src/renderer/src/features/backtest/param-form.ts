import type { ParamSpec, ParamValue, ParamValues } from '@shared/dto/backtest';

/** What the parameter inputs hold: numbers and enums as typed text, flags as booleans. */
export type ParamDraft = Record<string, string | boolean>;

export type ParamsParse = { ok: true; params: ParamValues } | { ok: false; errors: Record<string, string> };

/** The inputs filled with each parameter's default. */
export function defaultParamDraft(specs: Readonly<Record<string, ParamSpec>>): ParamDraft {
  const draft: ParamDraft = {};
  for (const [name, spec] of Object.entries(specs)) draft[name] = spec.kind === 'bool' ? spec.default : String(spec.default);
  return draft;
}

/** The draft for saved values (a reopened run): its values where given, defaults elsewhere. */
export function paramDraftFrom(specs: Readonly<Record<string, ParamSpec>>, values: ParamValues): ParamDraft {
  const draft = defaultParamDraft(specs);
  for (const name of Object.keys(specs)) {
    const value = values[name];
    if (value !== undefined) draft[name] = typeof value === 'boolean' ? value : String(value);
  }
  return draft;
}

/** "Fast period" from a spec's label, else the name as it is. */
export function paramLabel(name: string, spec: ParamSpec): string {
  return spec.label ?? name;
}

/** A number typed into an int or float box, checked against its spec; a message when it is not valid. */
export function parseNumberParam(text: string, spec: Extract<ParamSpec, { kind: 'int' | 'float' }>): number | string {
  const trimmed = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(trimmed)) return 'Enter a number';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return 'Enter a number';
  if (spec.kind === 'int' && !Number.isInteger(value)) return 'Enter a whole number';
  if (value < spec.min || value > spec.max) return `Between ${spec.min} and ${spec.max}`;
  return value;
}

function parseOne(spec: ParamSpec, raw: string | boolean | undefined): ParamValue | { error: string } {
  switch (spec.kind) {
    case 'bool':
      return typeof raw === 'boolean' ? raw : spec.default;
    case 'enum': {
      const value = typeof raw === 'string' ? raw : spec.default;
      return spec.options.includes(value) ? value : { error: `One of ${spec.options.join(', ')}` };
    }
    default: {
      const parsed = parseNumberParam(typeof raw === 'string' ? raw : String(spec.default), spec);
      return typeof parsed === 'number' ? parsed : { error: parsed };
    }
  }
}

/** The draft as ParamValues, or a message per parameter that is not valid. */
export function draftToParams(specs: Readonly<Record<string, ParamSpec>>, draft: ParamDraft): ParamsParse {
  const params: ParamValues = {};
  const errors: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = parseOne(spec, draft[name]);
    if (typeof value === 'object') errors[name] = value.error;
    else params[name] = value;
  }
  return Object.keys(errors).length === 0 ? { ok: true, params } : { ok: false, errors };
}
