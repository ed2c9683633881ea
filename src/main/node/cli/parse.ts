import { CliError } from './cli-error';

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535 (got "${text}").`);
  return port;
}

/** `key=value`, where value is JSON when it parses as JSON and a plain string otherwise. */
export function parseAssignment(text: string): [string, unknown] {
  const at = text.indexOf('=');
  if (at <= 0) throw new CliError(`Expected key=value, got "${text}".`);
  const key = text.slice(0, at);
  const raw = text.slice(at + 1);
  try {
    return [key, JSON.parse(raw) as unknown];
  } catch {
    return [key, raw];
  }
}
