import type { LogFields } from '@shared/dto/log';

/** Structured logging. Implementations redact secrets; callers never pass keys anyway. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose entries carry `scope` (e.g. `ws-bridge`, `store`). */
  child(scope: string): Logger;
}
