import type BetterSqlite3 from 'better-sqlite3';
import { ReconciliationReport } from '@shared/dto/broker';

/** Every reconciliation's findings, newest last; written before the UI hears of them. */
export class SqliteReconciliationLog {
  private readonly insert: BetterSqlite3.Statement;
  private readonly recent: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.insert = sqlite.prepare('INSERT INTO reconciliations (time, broker, reason, differences) VALUES (?, ?, ?, ?)');
    this.recent = sqlite.prepare('SELECT time, broker, reason, differences FROM reconciliations ORDER BY id DESC LIMIT ?');
  }

  append(report: ReconciliationReport): void {
    this.insert.run(report.time, report.broker, report.reason, JSON.stringify(report.differences));
  }

  /** Newest first; a row that no longer parses is skipped rather than failing the list. */
  latest(limit: number): ReconciliationReport[] {
    const rows = this.recent.all(limit) as { time: number; broker: string; reason: string; differences: string }[];
    return rows.flatMap((row) => {
      let differences: unknown;
      try {
        differences = JSON.parse(row.differences);
      } catch {
        return [];
      }
      const parsed = ReconciliationReport.safeParse({ time: row.time, broker: row.broker, reason: row.reason, differences });
      return parsed.success ? [parsed.data] : [];
    });
  }
}
