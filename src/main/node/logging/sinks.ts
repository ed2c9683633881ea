import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEntry, LogLevel } from '@shared/dto/log';
import { atLeast, type LogSink } from './engine-logger';

/** Appends JSON lines to a file; returns the sink and a function that flushes and closes it. */
export function fileSink(file: string): { sink: LogSink; close: () => Promise<void> } {
  mkdirSync(dirname(file), { recursive: true });
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  stream.on('error', () => {
    // A full disk or a removed folder must not crash the engine; entries still reach the UI.
  });
  return {
    sink: (entry) => {
      stream.write(`${JSON.stringify(entry)}\n`);
    },
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

/** One human-readable line per entry on stderr (stdout is kept for command output). */
export function stderrSink(
  minLevel: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): LogSink {
  return (entry: LogEntry) => {
    if (!atLeast(entry.level, minLevel)) return;
    const time = new Date(entry.time).toISOString();
    const fields = entry.fields ? ` ${JSON.stringify(entry.fields)}` : '';
    write(`${time} ${entry.level.toUpperCase().padEnd(5)} [${entry.scope || 'engine'}] ${entry.message}${fields}\n`);
  };
}
