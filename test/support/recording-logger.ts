import type { LogFields, LogLevel } from '@shared/dto/log';
import type { Logger } from '../../src/main/core/ports/logger';

export interface Recorded {
  level: LogLevel;
  scope: string;
  message: string;
  fields: LogFields | undefined;
}

/** A Logger that keeps what it is told, for assertions. */
export function recordingLogger(entries: Recorded[] = [], scope = ''): Logger & { entries: Recorded[] } {
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    entries.push({ level, scope, message, fields });
  };
  return {
    entries,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (child) => recordingLogger(entries, scope ? `${scope}.${child}` : child),
  };
}
