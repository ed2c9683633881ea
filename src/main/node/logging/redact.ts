import type { LogFields } from '@shared/dto/log';

/** Field names that may carry credentials; their values never reach a log sink. */
const SECRET_FIELD = /secret|token|password|passphrase|api[-_]?key|authorization|credential/i;

export function redactFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
  return out;
}
