import type { LogFields } from '@shared/dto/log';

/** Structured log fields as `key=value` pairs; strings with spaces are quoted. */
export function formatFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(' ');
}

function formatValue(value: LogFields[string]): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return String(value);
}
