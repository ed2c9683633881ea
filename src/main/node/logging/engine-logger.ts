import type { LogEntry, LogFields, LogLevel } from '@shared/dto/log';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import { redactFields } from './redact';

export type LogSink = (entry: LogEntry) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in RANK;
}

export function atLeast(level: LogLevel, threshold: LogLevel): boolean {
  return RANK[level] >= RANK[threshold];
}

interface Root {
  clock: Clock;
  sinks: LogSink[];
  minLevel: LogLevel;
  seq: number;
}

/** Fans each entry out to the sinks (UI buffer, file, stderr); a failing sink is skipped. */
class EngineLogger implements Logger {
  constructor(
    private readonly root: Root,
    private readonly scope: string,
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  child(scope: string): Logger {
    return new EngineLogger(this.root, this.scope ? `${this.scope}.${scope}` : scope);
  }

  private write(level: LogLevel, message: string, fields?: LogFields): void {
    if (!atLeast(level, this.root.minLevel)) return;
    this.root.seq += 1;
    const entry: LogEntry = { seq: this.root.seq, time: this.root.clock.now(), level, scope: this.scope, message };
    if (fields) entry.fields = redactFields(fields);
    for (const sink of this.root.sinks) {
      try {
        sink(entry);
      } catch {
        // Logging must never take the engine down.
      }
    }
  }
}

export function createLogger(options: { clock: Clock; sinks: LogSink[]; minLevel?: LogLevel; scope?: string }): Logger {
  return new EngineLogger({ clock: options.clock, sinks: options.sinks, minLevel: options.minLevel ?? 'info', seq: 0 }, options.scope ?? '');
}
