import type { JournalEntry, TradingJournal } from '../../ports/trading-journal';

/**
 * Groups everything one stimulus (a client command, a market event, a timer) changes into
 * one journal transaction. Effects that acknowledge (events to clients, return values) run
 * only after the commit; units opened inside a unit join it.
 */
export class JournalUnit {
  private open: { entries: JournalEntry[]; after: (() => void)[] } | null = null;

  constructor(
    private readonly journal: TradingJournal,
    /** Called when a commit fails: memory ran ahead of the journal and must be rebuilt. */
    private readonly onCommitFailure: (error: unknown) => void,
  ) {}

  get active(): boolean {
    return this.open !== null;
  }

  run<T>(work: () => T, trailer?: () => readonly JournalEntry[]): T {
    if (this.open) return work();
    const unit: { entries: JournalEntry[]; after: (() => void)[] } = { entries: [], after: [] };
    this.open = unit;
    let result: T;
    try {
      result = work();
      if (unit.entries.length > 0) {
        if (trailer) unit.entries.push(...trailer());
        this.journal.append(unit.entries);
      }
    } catch (error) {
      this.open = null;
      if (unit.entries.length > 0) this.onCommitFailure(error);
      throw error;
    }
    this.open = null;
    for (const effect of unit.after) effect();
    return result;
  }

  record(entry: JournalEntry): void {
    if (!this.open) throw new Error('A journal entry outside a unit of work');
    this.open.entries.push(entry);
  }

  /** Runs after the commit (or at once when no unit is open). */
  afterCommit(effect: () => void): void {
    if (this.open) this.open.after.push(effect);
    else effect();
  }
}
