import { toErrorIssues } from '@shared/contract/errors';
import { methods, type MethodName, type Params } from '@shared/contract/rpc';
import { CliError } from '../cli-error';

/** Exit codes of the trading commands (documented in their help). */
export const EXIT_USAGE = 2;
export const EXIT_REJECTED = 3;

export const EXIT_CODES_HELP = `  Exit codes: 0 ok, 1 error, 2 usage, 3 order rejected.`;

/** The options every trading command takes. */
export const ENGINE_OPTIONS = { 'data-dir': { type: 'string' }, json: { type: 'boolean' } } as const;

/** Runs node's parseArgs and turns its complaints (unknown option, missing value) into usage errors. */
export function parseUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new CliError(error.message, EXIT_USAGE);
    }
    throw error;
  }
}

/**
 * Checks a request against the contract before it is sent, so a bad flag is a usage error
 * that names the flag rather than an INVALID_PARAMS from the engine.
 */
export function validParams<M extends MethodName>(method: M, input: unknown, flags: Readonly<Record<string, string>> = {}): Params<M> {
  const parsed = methods[method].params.safeParse(input);
  if (parsed.success) return parsed.data as Params<M>;
  const details = toErrorIssues(parsed.error).map((issue) => `  ${flags[issue.path] ?? issue.path}: ${issue.message}`);
  throw new CliError(['Invalid arguments:', ...details].join('\n'), EXIT_USAGE);
}

/** The one positional a command expects, or a usage error. */
export function onePositional(positionals: readonly string[], what: string): string {
  const [value, ...extra] = positionals;
  if (value === undefined || extra.length > 0) throw new CliError(`Expected exactly one ${what}.`, EXIT_USAGE);
  return value;
}
