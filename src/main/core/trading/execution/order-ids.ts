/**
 * Engine order ids: `O` and a sequence number, continued from the journal after a restart.
 * Deterministic, so a replayed run gives the same ids; unique within one data directory.
 */
export class OrderIdSequence {
  private next = 1;

  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.observe(id);
  }

  observe(id: string): void {
    const match = /^O(\d+)$/.exec(id);
    if (match?.[1]) this.next = Math.max(this.next, Number(match[1]) + 1);
  }

  take(): string {
    const id = `O${this.next}`;
    this.next += 1;
    return id;
  }
}
