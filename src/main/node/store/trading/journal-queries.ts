import type BetterSqlite3 from 'better-sqlite3';
import { ORDER_STATUSES, type FillDto, type OrderDto } from '@shared/dto/trading';
import { OPEN_STATUSES } from '../../../core/trading/model/order';
import { fillDtoFromRow, orderSnapshot, type FillRow } from './journal-rows';

export type OrderListStatus = 'open' | 'closed' | 'all';

export interface OrderQuery {
  status: OrderListStatus;
  symbol?: string;
  /** At most this many (negative reads as 0). */
  limit: number;
}

export interface FillQuery {
  symbol?: string;
  limit: number;
}

// Literals from our own status enum, so no user text reaches the SQL.
const quoted = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
const OPEN = quoted([...OPEN_STATUSES]);
const CLOSED = quoted(ORDER_STATUSES.filter((status) => !OPEN_STATUSES.has(status)));
const STATUS_FILTER: Record<OrderListStatus, string | null> = {
  open: `status in (${OPEN})`,
  closed: `status in (${CLOSED})`,
  all: null,
};
const FILL_COLUMNS = 'id, order_id, client_order_id, symbol, side, quantity, price, commission, time';

const rowLimit = (limit: number): number => (Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0);

/**
 * Blotter reads straight from the journal, newest first, as wire DTOs (each row checked
 * against the DTO schema; a bad row throws a JournalCorruptError naming it). Statements are
 * prepared on first use per filter shape, so each shape keeps its own index plan.
 */
export class JournalQueries {
  private readonly statements = new Map<string, BetterSqlite3.Statement<unknown[], unknown>>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  /** Orders by creation time, newest first (journaling order breaks ties). */
  listOrders(query: OrderQuery): OrderDto[] {
    const where = [STATUS_FILTER[query.status], query.symbol === undefined ? null : 'symbol = ?'].filter((part) => part !== null);
    const sql = `select id, snapshot from orders ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by created_at desc, seq desc limit ?`;
    const params = query.symbol === undefined ? [rowLimit(query.limit)] : [query.symbol, rowLimit(query.limit)];
    const rows = this.statement(sql).all(...params) as { id: string; snapshot: string }[];
    return rows.map((row) => orderSnapshot(row.id, row.snapshot));
  }

  /** Fills in reverse booking order (the order the books applied them), as the blotter shows. */
  listFills(query: FillQuery): FillDto[] {
    const sql = `select ${FILL_COLUMNS} from fills ${query.symbol === undefined ? '' : 'where symbol = ?'} order by seq desc limit ?`;
    const params = query.symbol === undefined ? [rowLimit(query.limit)] : [query.symbol, rowLimit(query.limit)];
    const rows = this.statement(sql).all(...params) as FillRow[];
    return rows.map(fillDtoFromRow);
  }

  private statement(sql: string): BetterSqlite3.Statement<unknown[], unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
