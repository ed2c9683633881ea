import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { money, price, quantity } from '@shared/money/decimal';
import type { JournalEntry } from '../../src/main/core/ports/trading-journal';
import { fillToDto } from '../../src/main/core/trading/model/fill';
import { orderToDto } from '../../src/main/core/trading/model/order';
import { openSqliteStore, type SqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { MIGRATIONS } from '../../src/main/node/store/migrations';
import { ClientOrderIdConflictError, JournalCorruptError, SqliteTradingJournal } from '../../src/main/node/store/sqlite-trading-journal';
import { runAppender } from './support/journal-crash-runner';
import { journalFill, journalOrder, T0 } from './support/journal-fixtures';
import { tempDir } from '../support/temp-dir';

const open: SqliteStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

/** A migrated database in a real file, as the engine opens it. */
async function openJournal(file = join(tempDir(), 'kestrel.db')) {
  const store = openSqliteStore(file);
  open.push(store);
  const report = await migrateToLatest(store.db);
  return { journal: new SqliteTradingJournal(store.sqlite), sqlite: store.sqlite, store, file, report };
}

const count = (sqlite: SqliteStore['sqlite'], table: string): unknown => sqlite.prepare(`select count(*) from ${table}`).pluck().get();

describe('trading schema (migration 0003)', () => {
  it('creates six STRICT tables with decimal TEXT, epoch-ms INTEGER and the blotter indexes', async () => {
    const { sqlite, report } = await openJournal();
    expect(MIGRATIONS.map(([name]) => name)).toContain('0003-trading');
    expect(report.newlyApplied).toContain('0003-trading');
    const tables = sqlite
      .prepare("select name, strict from pragma_table_list where schema = 'main' and name in ('orders', 'order_events', 'fills', 'cash_movements', 'trading_state', 'equity_snapshots') order by name")
      .all();
    expect(tables).toEqual(['cash_movements', 'equity_snapshots', 'fills', 'order_events', 'orders', 'trading_state'].map((name) => ({ name, strict: 1 })));
    const columns = (table: string) => sqlite.prepare(`select group_concat(name || ' ' || type, ', ') from pragma_table_info('${table}')`).pluck().get();
    expect(columns('orders')).toBe('seq INTEGER, id TEXT, client_order_id TEXT, symbol TEXT, status TEXT, parent_id TEXT, created_at INTEGER, updated_at INTEGER, snapshot TEXT');
    expect(columns('order_events')).toBe('seq INTEGER, order_id TEXT, event TEXT, time INTEGER, snapshot TEXT');
    expect(columns('fills')).toBe('seq INTEGER, id TEXT, order_id TEXT, client_order_id TEXT, symbol TEXT, side TEXT, quantity TEXT, price TEXT, commission TEXT, time INTEGER');
    expect(columns('cash_movements')).toBe('id TEXT, amount TEXT, time INTEGER, note TEXT');
    expect(columns('trading_state')).toBe('key TEXT, value TEXT');
    expect(columns('equity_snapshots')).toBe('time INTEGER, equity TEXT, cash TEXT');
    const indexSql = (name: string) => sqlite.prepare('select sql from sqlite_master where name = ?').pluck().get(name);
    expect(indexSql('orders_status')).toMatch(/\("status", "created_at"\)/);
    expect(indexSql('orders_symbol_created')).toMatch(/\("symbol", "created_at"\)/);
    expect(indexSql('fills_symbol_time')).toMatch(/\("symbol", "time"\)/);
    expect(sqlite.prepare("select sql from sqlite_master where name = 'order_events'").pluck().get()).toMatch(/autoincrement/i);
    const plan = (query: string) => (sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[]).map((step) => step.detail).join();
    expect(plan("select 1 from orders where client_order_id = 'k-1'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_orders_2/);
    expect(plan("select id from orders where symbol = 'AAPL' order by created_at desc, seq desc limit 5")).toMatch(/USING INDEX orders_symbol_created/);
  });
});

describe('SqliteTradingJournal append and load', () => {
  const tiny = '0.0000000001';
  const big = '123456789012.123456789';
  const bracket = journalOrder({
    id: 'o-2',
    clientOrderId: 'k-2',
    symbol: 'MSFT',
    side: 'sell',
    type: 'trailing_stop',
    timeInForce: 'gtc',
    orderClass: 'bracket',
    quantity: quantity(big),
    notional: money('5000.5'),
    limitPrice: null,
    stopPrice: price(tiny),
    trailAmount: price('0.05'),
    trailPercent: quantity('1.5'),
    trailReference: price('412.37'),
    extendedHours: true,
    status: 'partially_filled',
    triggered: true,
    filledQuantity: quantity(tiny),
    averageFillPrice: price(big),
    commission: money(tiny),
    parentId: 'o-1',
    legRole: 'stop_loss',
    replaces: 'o-0',
    replacedBy: null,
    rejection: { rule: 'max_position', message: 'too big', limit: '500000', actual: '500000.01' },
    source: 'strategy',
    createdAt: T0 + 5,
    updatedAt: T0 + 9,
  });
  const batch: JournalEntry[] = [
    { kind: 'order', order: journalOrder(), event: 'submitted', time: T0 },
    { kind: 'order', order: bracket, event: 'partial_fill', time: T0 + 9 },
    { kind: 'fill', fill: journalFill({ quantity: quantity(tiny), price: price(big), commission: money('0') }) },
    { kind: 'fill', fill: journalFill({ id: 'f-0', time: T0 - 5, price: price('190.2') }) },
    { kind: 'cash', movement: { id: 'opening', amount: money(big), time: T0 - 10, note: 'Opening cash' } },
    { kind: 'cash', movement: { id: 'w-1', amount: money(`-${tiny}`), time: T0 + 1, note: 'Withdrawal' } },
    { kind: 'kill_switch', state: { tripped: true, reason: 'Daily loss 5000.01 ≥ 5000', trippedAt: T0 + 7 }, time: T0 + 7 },
    { kind: 'cursor', name: 'replay', position: 41 },
    { kind: 'cursor', name: 'crash-script', position: 0 },
  ];

  it('round-trips orders, fills, cash, the kill switch and cursors exactly, decimal text unchanged', async () => {
    const { journal, sqlite } = await openJournal();
    expect(journal.load()).toEqual({ orders: [], fills: [], cash: [], killSwitch: null, cursors: new Map() });
    expect(journal.append(batch)).toEqual({ duplicates: 0 });

    const state = journal.load();
    expect(state.orders.map(orderToDto)).toEqual([orderToDto(journalOrder()), orderToDto(bracket)]);
    expect(orderToDto(state.orders[1] ?? journalOrder())).toMatchObject({ quantity: big, stopPrice: tiny, averageFillPrice: big, commission: tiny });
    // Booking order, not fill time: f-1 was booked before f-0.
    expect(state.fills.map(fillToDto)).toEqual([fillToDto(journalFill({ quantity: quantity(tiny), price: price(big), commission: money('0') })), fillToDto(journalFill({ id: 'f-0', time: T0 - 5, price: price('190.2') }))]);
    expect(state.cash.map((movement) => [movement.id, movement.amount.toFixed(), movement.time, movement.note])).toEqual([
      ['opening', big, T0 - 10, 'Opening cash'],
      ['w-1', `-${tiny}`, T0 + 1, 'Withdrawal'],
    ]);
    expect(state.killSwitch).toEqual({ tripped: true, reason: 'Daily loss 5000.01 ≥ 5000', trippedAt: T0 + 7 });
    expect(state.cursors).toEqual(new Map([['crash-script', 0], ['replay', 41]]));
    // The stored text is the canonical decimal, not a float.
    expect(sqlite.prepare("select quantity, price, commission from fills where id = 'f-1'").get()).toEqual({ quantity: tiny, price: big, commission: '0' });
    expect(sqlite.prepare("select amount from cash_movements where id = 'w-1'").pluck().get()).toBe(`-${tiny}`);
    expect(journal.hasClientOrderId('k-2')).toBe(true);
    expect(journal.hasClientOrderId('k-3')).toBe(false);
  });

  it('keeps the latest state of an order and every state it passed through in order_events', async () => {
    const { journal, sqlite } = await openJournal();
    const submitted = journalOrder({ status: 'pending_new' });
    const accepted = journalOrder({ status: 'accepted', updatedAt: T0 + 1 });
    const filled = journalOrder({ status: 'filled', filledQuantity: quantity('10'), averageFillPrice: price('190.24'), updatedAt: T0 + 2 });
    journal.append([{ kind: 'order', order: submitted, event: 'submitted', time: T0 }]);
    journal.append([{ kind: 'order', order: accepted, event: 'accepted', time: T0 + 1 }]);
    journal.append([{ kind: 'order', order: filled, event: 'fill', time: T0 + 2 }, { kind: 'fill', fill: journalFill({ price: price('190.24') }) }]);

    expect(journal.load().orders.map(orderToDto)).toEqual([orderToDto(filled)]);
    expect(sqlite.prepare("select status, updated_at from orders where id = 'o-1'").get()).toEqual({ status: 'filled', updated_at: T0 + 2 });
    expect(journal.orderEvents('o-1').map((row) => [row.event, row.time, row.order.status, row.order.averageFillPrice])).toEqual([
      ['submitted', T0, 'pending_new', null],
      ['accepted', T0 + 1, 'accepted', null],
      ['fill', T0 + 2, 'filled', '190.24'],
    ]);
  });

  it('books a fill or cash movement id once and counts the repeats as duplicates', async () => {
    const { journal, sqlite } = await openJournal();
    const fill = { kind: 'fill', fill: journalFill() } as const;
    const cash = { kind: 'cash', movement: { id: 'opening', amount: money('100000'), time: T0, note: 'Opening cash' } } as const;
    expect(journal.append([fill, cash])).toEqual({ duplicates: 0 });
    // A replayed report (even with other numbers) and a repeat inside one batch.
    const replayed = { kind: 'fill', fill: journalFill({ price: price('999') }) } as const;
    const next = { kind: 'fill', fill: journalFill({ id: 'f-2' }) } as const;
    expect(journal.append([replayed, next, next, cash])).toEqual({ duplicates: 3 });
    expect(count(sqlite, 'fills')).toBe(2);
    expect(count(sqlite, 'cash_movements')).toBe(1);
    expect(journal.load().fills.map((f) => [f.id, f.price.toFixed()])).toEqual([['f-1', '190.25'], ['f-2', '190.25']]);
  });

  it('refuses a new order whose client order id belongs to another order, and writes nothing of that batch', async () => {
    const { journal, sqlite } = await openJournal();
    journal.append([{ kind: 'order', order: journalOrder(), event: 'submitted', time: T0 }, { kind: 'cursor', name: 'replay', position: 1 }]);
    const before = journal.load();
    const thief = journalOrder({ id: 'o-9', clientOrderId: 'k-1', status: 'pending_new' });
    const failed: JournalEntry[] = [
      { kind: 'cash', movement: { id: 'dep-1', amount: money('5'), time: T0, note: 'Deposit' } },
      { kind: 'order', order: journalOrder({ id: 'o-8', clientOrderId: 'k-8' }), event: 'submitted', time: T0 },
      { kind: 'fill', fill: journalFill({ id: 'f-8', orderId: 'o-8', clientOrderId: 'k-8' }) },
      { kind: 'order', order: thief, event: 'submitted', time: T0 },
      { kind: 'kill_switch', state: { tripped: true, reason: 'x', trippedAt: T0 }, time: T0 },
      { kind: 'cursor', name: 'replay', position: 2 },
    ];
    expect(() => journal.append(failed)).toThrow(ClientOrderIdConflictError);
    expect(() => journal.append(failed)).toThrow(/Order o-9 has client order id "k-1", which belongs to order o-1/);
    expect(journal.load()).toEqual(before);
    expect([count(sqlite, 'orders'), count(sqlite, 'order_events'), count(sqlite, 'fills'), count(sqlite, 'cash_movements')]).toEqual([1, 1, 0, 0]);
    expect(journal.hasClientOrderId('k-8')).toBe(false);

    // Two new orders of one batch sharing an id are refused the same way.
    const twins: JournalEntry[] = [
      { kind: 'order', order: journalOrder({ id: 'o-3', clientOrderId: 'k-3' }), event: 'submitted', time: T0 },
      { kind: 'order', order: journalOrder({ id: 'o-4', clientOrderId: 'k-3' }), event: 'risk_rejected', time: T0 },
    ];
    expect(() => journal.append(twins)).toThrow(/Order o-4 has client order id "k-3", which belongs to order o-3/);
    expect(count(sqlite, 'orders')).toBe(1);
  });

  it('rolls back the whole batch when any write fails, whatever the cause', async () => {
    const { journal, sqlite } = await openJournal();
    const batchWithBadFill: JournalEntry[] = [
      { kind: 'order', order: journalOrder(), event: 'submitted', time: T0 },
      { kind: 'cursor', name: 'replay', position: 7 },
      // A fractional time is refused by the STRICT INTEGER column.
      { kind: 'fill', fill: journalFill({ time: T0 + 0.5 }) },
    ];
    expect(() => journal.append(batchWithBadFill)).toThrow(/INTEGER/);
    expect([count(sqlite, 'orders'), count(sqlite, 'order_events'), count(sqlite, 'trading_state')]).toEqual([0, 0, 0]);
    expect(() => journal.append([{ kind: 'cursor', name: 'replay', position: Number.NaN }])).toThrow(/finite/);
    // The handle is still usable: the failed transaction did not stay open.
    expect(journal.append([{ kind: 'cursor', name: 'replay', position: 8 }])).toEqual({ duplicates: 0 });
    expect(journal.load().cursors.get('replay')).toBe(8);
  });

  it('shows the same state from a new connection after close', async () => {
    const first = await openJournal();
    first.journal.append(batch);
    first.journal.recordEquity({ time: T0, equity: big, cash: tiny });
    const expected = first.journal.load();
    await first.store.close();

    const second = await openJournal(first.file);
    expect(second.report.newlyApplied).toEqual([]);
    const state = second.journal.load();
    expect(state.orders.map(orderToDto)).toEqual(expected.orders.map(orderToDto));
    expect(state.fills.map(fillToDto)).toEqual(expected.fills.map(fillToDto));
    expect(state.cash.map((movement) => movement.amount.toFixed())).toEqual([big, `-${tiny}`]);
    expect([state.killSwitch, state.cursors]).toEqual([expected.killSwitch, expected.cursors]);
    expect(second.journal.equityHistory(10)).toEqual([{ time: T0, equity: big, cash: tiny }]);
  });
});

describe('SqliteTradingJournal reads for the blotter and equity', () => {
  it('lists orders newest first by status and symbol, and fills in reverse booking order', async () => {
    const { journal } = await openJournal();
    const orders = [
      journalOrder({ id: 'a', clientOrderId: 'ka', status: 'filled', createdAt: T0 }),
      journalOrder({ id: 'b', clientOrderId: 'kb', status: 'accepted', createdAt: T0 + 1 }),
      journalOrder({ id: 'c', clientOrderId: 'kc', symbol: 'MSFT', status: 'partially_filled', createdAt: T0 + 2 }),
      journalOrder({ id: 'd', clientOrderId: 'kd', status: 'rejected', createdAt: T0 + 3 }),
      journalOrder({ id: 'e', clientOrderId: 'ke', status: 'pending_new', createdAt: T0 + 3 }),
    ];
    journal.append(orders.map((order) => ({ kind: 'order', order, event: 'submitted', time: order.createdAt })));
    journal.append(['x', 'y', 'z'].map((id, i) => ({ kind: 'fill', fill: journalFill({ id, symbol: i === 1 ? 'MSFT' : 'AAPL', time: T0 + 10 - i }) })));

    const ids = (list: { id: string }[]) => list.map((item) => item.id);
    expect(ids(journal.listOrders({ status: 'all', limit: 10 }))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids(journal.listOrders({ status: 'open', limit: 10 }))).toEqual(['e', 'c', 'b']);
    expect(ids(journal.listOrders({ status: 'closed', limit: 10 }))).toEqual(['d', 'a']);
    expect(ids(journal.listOrders({ status: 'open', symbol: 'AAPL', limit: 10 }))).toEqual(['e', 'b']);
    expect(ids(journal.listOrders({ status: 'all', symbol: 'AAPL', limit: 2 }))).toEqual(['e', 'd']);
    expect(journal.listOrders({ status: 'all', limit: 1 })[0]).toEqual(orderToDto(orders[4] ?? journalOrder()));
    expect(ids(journal.listFills({ limit: 10 }))).toEqual(['z', 'y', 'x']);
    expect(ids(journal.listFills({ symbol: 'AAPL', limit: 1 }))).toEqual(['z']);
    expect(journal.listFills({ symbol: 'MSFT', limit: 5 })).toEqual([fillToDto(journalFill({ id: 'y', symbol: 'MSFT', time: T0 + 9 }))]);
  });

  it('refuses to read an order row whose snapshot is not a valid order, naming the row', async () => {
    const { journal, sqlite } = await openJournal();
    journal.append([{ kind: 'order', order: journalOrder(), event: 'submitted', time: T0 }]);
    sqlite.prepare("update orders set snapshot = json_set(snapshot, '$.quantity', 'ten') where id = 'o-1'").run();
    expect(() => journal.load()).toThrow(JournalCorruptError);
    expect(() => journal.listOrders({ status: 'all', limit: 5 })).toThrow(/orders row for order "o-1" is not valid: quantity:/);
    sqlite.prepare("update orders set snapshot = '{' where id = 'o-1'").run();
    expect(() => journal.load()).toThrow(/orders row for order "o-1" holds unreadable JSON/);
  });

  it('keeps one equity point per time and returns the latest ones oldest first', async () => {
    const { journal } = await openJournal();
    for (let i = 0; i < 5; i += 1) journal.recordEquity({ time: T0 + i * 60_000, equity: `${100000 + i}.5`, cash: '100000' });
    journal.recordEquity({ time: T0 + 4 * 60_000, equity: '99999.99', cash: '99000.01' });
    expect(journal.equityHistory(2)).toEqual([
      { time: T0 + 3 * 60_000, equity: '100003.5', cash: '100000' },
      { time: T0 + 4 * 60_000, equity: '99999.99', cash: '99000.01' },
    ]);
    expect(journal.equityHistory(100)).toHaveLength(5);
    expect(journal.equityHistory(0)).toEqual([]);
    expect(() => journal.recordEquity({ time: T0, equity: '1e5', cash: '0' })).toThrow(/Not a decimal/);
  });
});

describe('SqliteTradingJournal under SIGKILL', () => {
  it(
    'keeps every batch the writer saw committed, and no batch half-written',
    async () => {
      const file = join(tempDir('kestrel-journal-crash-'), 'kestrel.db');
      const reported = new Set<number>();
      // Kill points land at different moments of the append loop: mid-statement, mid-commit, between.
      for (const [killAfter, delayMs] of [[20, 0], [50, 3], [5, 7], [120, 1], [1, 11]] as const) {
        const run = await runAppender(file, killAfter, delayMs);
        expect(run.committed.length).toBeGreaterThanOrEqual(killAfter);
        for (const n of run.committed) reported.add(n);
      }

      const { journal, sqlite } = await openJournal(file);
      const state = journal.load();
      const last = state.cursors.get('batch') ?? -1;
      const upTo = Array.from({ length: last + 1 }, (_, n) => n);
      expect(Math.max(...reported)).toBeLessThanOrEqual(last);
      // Batches 0..last complete, each with all five writes; nothing of batch last + 1.
      expect(state.orders.map((order) => [order.id, order.status])).toEqual(upTo.map((n) => [`o-${n}`, 'filled']));
      expect(state.fills.map((fill) => fill.id)).toEqual(upTo.map((n) => `f-${n}`));
      expect(state.cash.map((movement) => [movement.id, movement.amount.toFixed()])).toEqual(upTo.map((n) => [`m-${n}`, String(n + 1)]));
      expect(count(sqlite, 'order_events')).toBe(2 * (last + 1));
      for (const n of reported) expect(journal.hasClientOrderId(`k-${n}`)).toBe(true);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    120_000,
  );
});
