import type { z } from 'zod';
import { FillDto, KillSwitchState, OrderDto } from '@shared/dto/trading';
import { parseDecimal, type Money } from '@shared/money/decimal';
import type { CashMovement } from '../../../core/ports/trading-journal';
import type { CashMovementsTable, FillsTable } from '../schema';

/**
 * A journal row that does not read back as what was written. Loading refuses it rather than
 * skipping it: books rebuilt without an order or a fill would show wrong positions and cash,
 * and a trader acting on them could double an order.
 */
export class JournalCorruptError extends Error {
  override readonly name = 'JournalCorruptError';
}

/** The columns of `fills` a read needs (everything but `seq`). */
export type FillRow = Omit<FillsTable, 'seq'>;

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JournalCorruptError(`${where} holds unreadable JSON`, { cause: error });
  }
}

function validated<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new JournalCorruptError(`${where} is not valid: ${describe(result.error)}`);
  return result.data;
}

/** An `orders` or `order_events` snapshot, checked against the wire schema and its row's id. */
export function orderSnapshot(id: string, snapshot: string, table = 'orders'): OrderDto {
  const where = `${table} row for order "${id}"`;
  const dto = validated(OrderDto, parseJson(snapshot, where), where);
  if (dto.id !== id) throw new JournalCorruptError(`${where} holds a snapshot of order "${dto.id}"`);
  return dto;
}

export function fillDtoFromRow(row: FillRow): FillDto {
  const dto = {
    id: row.id,
    orderId: row.order_id,
    clientOrderId: row.client_order_id,
    symbol: row.symbol,
    side: row.side,
    quantity: row.quantity,
    price: row.price,
    commission: row.commission,
    time: row.time,
  };
  return validated(FillDto, dto, `fills row "${row.id}"`);
}

export function cashFromRow(row: CashMovementsTable): CashMovement {
  try {
    return { id: row.id, amount: parseDecimal(row.amount) as Money, time: row.time, note: row.note };
  } catch (error) {
    throw new JournalCorruptError(`cash_movements row "${row.id}" has an unreadable amount`, { cause: error });
  }
}

export function killSwitchFromValue(value: string): KillSwitchState {
  const where = "trading_state row 'kill_switch'";
  return validated(KillSwitchState, parseJson(value, where), where);
}

export function cursorFromValue(key: string, value: string): number {
  const position = parseJson(value, `trading_state row '${key}'`);
  if (typeof position !== 'number' || !Number.isFinite(position)) {
    throw new JournalCorruptError(`trading_state row '${key}' is not a finite number`);
  }
  return position;
}
