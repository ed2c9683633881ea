import type { DomainHandlers } from '../api/handlers';
import type { LogBuffer } from './log-buffer';

export function logHandlers(buffer: LogBuffer): DomainHandlers<'log.recent'> {
  return {
    'log.recent': ({ limit }) => buffer.recent(limit ?? 200),
  };
}
