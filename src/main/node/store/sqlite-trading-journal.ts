import type BetterSqlite3 from 'better-sqlite3';
import type { EquityPoint, FillDto, OrderDto } from '@shared/dto/trading';
import { parseDecimal, toDecimalString } from '@shared/money/decimal';
import type { JournalEntry, JournalState, TradingJournal } from '../../core/ports/trading-journal';
import { fillFromDto } from '../../core/trading/model/fill';
import { orderFromDto, orderToDto } from '../../core/trading/model/order';
import { JournalQueries, type FillQuery, type OrderQuery } from './trading/journal-queries';
import { cashFromRow, cursorFromValue, fillDtoFromRow, killSwitchFromValue, orderSnapshot } from './trading/journal-rows';
import { CURSOR_PREFIX, KILL_SWITCH_KEY, prepareJournalStatements, type JournalStatements } from './trading/journal-statements';

export { JournalCorruptError } from './trading/journal-rows';
export type { FillQuery, OrderListStatus, OrderQuery } from './trading/journal-queries';

/** A new order's client order id already belongs to another order; the batch was not written. */
export class ClientOrderIdConflictError extends Error {
  override readonly name = 'ClientOrderIdConflictError';
}

/** One row of an order's audit trail. */
export interface OrderEventRecord {
  seq: number;
  event: string;
  time: number;
  order: OrderDto;
}

/**
 * The trading journal on the raw better-sqlite3 handle. `append` is on the order-acknowledgement
 * path, so it runs prepared statements in one IMMEDIATE transaction; the database is opened with
 * WAL and synchronous=FULL (see database.ts), so a batch `append` returned from survives a
 * SIGKILL or a power cut, and a batch it threw from left nothing behind.
 * Construct after migrations have run.
 */
export class SqliteTradingJournal implements TradingJournal {
  private readonly statements: JournalStatements;
  private readonly queries: JournalQueries;
  private readonly appendAll: BetterSqlite3.Transaction<(entries: readonly JournalEntry[]) => number>;

  constructor(db: BetterSqlite3.Database) {
    this.statements = prepareJournalStatements(db);
    this.queries = new JournalQueries(db);
    this.appendAll = db.transaction((entries: readonly JournalEntry[]) => {
      let duplicates = 0;
      for (const entry of entries) duplicates += this.write(entry);
      return duplicates;
    });
  }

  append(entries: readonly JournalEntry[]): { duplicates: number } {
    if (entries.length === 0) return { duplicates: 0 };
    try {
      return { duplicates: this.appendAll.immediate(entries) };
    } catch (error) {
      throw explainConflict(error, entries, (clientOrderId) => this.statements.holderOf.get(clientOrderId));
    }
  }

  load(): JournalState {
    const s = this.statements;
    const orders = s.allOrders.all().map((row) => orderFromDto(orderSnapshot(row.id, row.snapshot)));
    const fills = s.allFills.all().map((row) => fillFromDto(fillDtoFromRow(row)));
    const cash = s.allCash.all().map(cashFromRow);
    let killSwitch: JournalState['killSwitch'] = null;
    const cursors = new Map<string, number>();
    for (const { key, value } of s.allState.all()) {
      if (key === KILL_SWITCH_KEY) killSwitch = killSwitchFromValue(value);
      else if (key.startsWith(CURSOR_PREFIX)) cursors.set(key.slice(CURSOR_PREFIX.length), cursorFromValue(key, value));
    }
    return { orders, fills, cash, killSwitch, cursors };
  }

  hasClientOrderId(clientOrderId: string): boolean {
    return this.statements.hasClientOrderId.get(clientOrderId) !== undefined;
  }

  recordEquity(point: EquityPoint): void {
    // Canonical text, and a malformed amount throws here rather than on a later read.
    this.statements.upsertEquity.run(point.time, toDecimalString(parseDecimal(point.equity)), toDecimalString(parseDecimal(point.cash)));
  }

  /** The latest `limit` points, oldest first. */
  equityHistory(limit: number): EquityPoint[] {
    const rows = Number.isFinite(limit) ? this.statements.latestEquity.all(Math.max(0, Math.floor(limit))) : [];
    return rows.map((row) => ({ time: row.time, equity: row.equity, cash: row.cash }));
  }

  /** For the blotter: newest first, as validated DTOs. */
  listOrders(query: OrderQuery): OrderDto[] {
    return this.queries.listOrders(query);
  }

  /** For the blotter: newest (last booked) first, as validated DTOs. */
  listFills(query: FillQuery): FillDto[] {
    return this.queries.listFills(query);
  }

  /** An order's audit trail, oldest event first. */
  orderEvents(orderId: string): OrderEventRecord[] {
    return this.statements.eventsOf
      .all(orderId)
      .map((row) => ({ seq: row.seq, event: row.event, time: row.time, order: orderSnapshot(orderId, row.snapshot, 'order_events') }));
  }

  /** One entry's writes; returns 1 when it was a duplicate and was skipped. */
  private write(entry: JournalEntry): number {
    const s = this.statements;
    switch (entry.kind) {
      case 'order': {
        const { order } = entry;
        const snapshot = JSON.stringify(orderToDto(order));
        s.upsertOrder.run(order.id, order.clientOrderId, order.symbol, order.status, order.parentId, order.createdAt, order.updatedAt, snapshot);
        s.insertEvent.run(order.id, entry.event, entry.time, snapshot);
        return 0;
      }
      case 'fill': {
        const { fill } = entry;
        const quantity = toDecimalString(fill.quantity);
        const price = toDecimalString(fill.price);
        const commission = toDecimalString(fill.commission);
        const row = [fill.id, fill.orderId, fill.clientOrderId, fill.symbol, fill.side, quantity, price, commission, fill.time] as const;
        return s.insertFill.run(...row).changes === 0 ? 1 : 0;
      }
      case 'cash': {
        const { movement } = entry;
        return s.insertCash.run(movement.id, toDecimalString(movement.amount), movement.time, movement.note).changes === 0 ? 1 : 0;
      }
      case 'kill_switch':
        s.putState.run(KILL_SWITCH_KEY, JSON.stringify(entry.state));
        return 0;
      case 'cursor':
        if (!Number.isFinite(entry.position)) throw new RangeError(`Cursor "${entry.name}" must be a finite position, got ${entry.position}`);
        s.putState.run(CURSOR_PREFIX + entry.name, JSON.stringify(entry.position));
        return 0;
    }
  }
}

/**
 * Names the order and the other holder when the UNIQUE key on client_order_id refused a batch
 * (the holder is an order already journaled, or an earlier order of the same batch).
 */
function explainConflict(error: unknown, entries: readonly JournalEntry[], holderOf: (clientOrderId: string) => string | undefined): unknown {
  if (!(error instanceof Error) || !/UNIQUE constraint failed: orders\.client_order_id/.test(error.message)) return error;
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (entry.kind !== 'order') continue;
    const { id, clientOrderId } = entry.order;
    const holder = seen.get(clientOrderId) ?? holderOf(clientOrderId);
    if (holder !== undefined && holder !== id) {
      return new ClientOrderIdConflictError(
        `Order ${id} has client order id "${clientOrderId}", which belongs to order ${holder}; nothing of the batch was written`,
        { cause: error },
      );
    }
    seen.set(clientOrderId, id);
  }
  return error;
}
