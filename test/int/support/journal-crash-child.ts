// Appends journal batches in a tight loop for test/int/trading-journal.int.test.ts, which
// SIGKILLs it. Each batch n holds a new order o-n (submitted, then filled: two order entries),
// its fill f-n, a cash movement m-n and the cursor 'batch' = n. It prints "committed n" only
// after append returned, and resumes after the journaled cursor when started again.
// Usage: tsx journal-crash-child.ts DB_FILE [MAX_BATCHES]
import { openSqliteStore } from '../../../src/main/node/store/database';
import { migrateToLatest } from '../../../src/main/node/store/migrate';
import { SqliteTradingJournal } from '../../../src/main/node/store/sqlite-trading-journal';
import type { JournalEntry } from '../../../src/main/core/ports/trading-journal';
import { crashBatch } from './journal-fixtures';

async function main(): Promise<void> {
  const [file = '', maxText = '1000000'] = process.argv.slice(2);
  const store = openSqliteStore(file);
  await migrateToLatest(store.db);
  const journal = new SqliteTradingJournal(store.sqlite);
  const start = (journal.load().cursors.get('batch') ?? -1) + 1;
  process.stdout.write(`ready ${start}\n`);
  for (let n = start; n < start + Number(maxText); n += 1) {
    const entries: JournalEntry[] = crashBatch(n);
    journal.append(entries);
    process.stdout.write(`committed ${n}\n`);
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
