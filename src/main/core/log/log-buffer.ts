import type { LogEntry } from '@shared/dto/log';

/** The most recent log entries, for the UI's log tab. Fixed capacity; oldest drop first. */
export class LogBuffer {
  private readonly entries: LogEntry[] = [];

  constructor(private readonly capacity = 1000) {}

  push(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  recent(limit: number): LogEntry[] {
    return this.entries.slice(-limit);
  }
}
