import type { OrderDto, Rejection } from '@shared/dto/trading';
import { RpcError } from '@shared/client/rpc-error';
import { errorMessage } from '../../store/engine-client';

/** What came of the last send: the engine's answer, or why no answer came. */
export type TicketOutcome =
  | { kind: 'accepted'; order: OrderDto }
  | { kind: 'rejected'; order: OrderDto; rejection: Rejection }
  | { kind: 'error'; message: string };

/** A refusal without a reason still names a rule, so the ticket always says which. */
const UNEXPLAINED: Rejection = { rule: 'broker', message: 'The order was rejected without a reason', limit: null, actual: null };

export function outcomeOf(order: OrderDto): TicketOutcome {
  if (order.status === 'rejected') return { kind: 'rejected', order, rejection: order.rejection ?? UNEXPLAINED };
  return { kind: 'accepted', order };
}

/**
 * Follows the sent order through its `orders.update` events (accepted → filled …); other
 * orders and older updates leave the outcome as it is.
 */
export function followOutcome(outcome: TicketOutcome | null, update: OrderDto): TicketOutcome | null {
  if (!outcome || outcome.kind === 'error' || outcome.order.id !== update.id) return outcome;
  if (update.updatedAt < outcome.order.updatedAt) return outcome;
  return outcomeOf(update);
}

/** A failed call in words, with the engine's field-by-field issues when it sent them. */
export function failureText(error: unknown): string {
  const message = errorMessage(error);
  if (!(error instanceof RpcError) || !error.issues || error.issues.length === 0) return message;
  return `${message}: ${error.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`;
}
