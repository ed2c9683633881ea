import type { ParamsIn } from '@shared/contract/rpc';
import type { OrderDto } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';

/** The inline editor's text fields. */
export interface OrderDraft {
  quantity: string;
  limitPrice: string;
  stopPrice: string;
}

export type ReplaceRequest = { ok: true; params: ParamsIn<'orders.replace'> } | { ok: false; error: string };

export function draftOf(order: OrderDto): OrderDraft {
  return { quantity: order.quantity, limitPrice: order.limitPrice ?? '', stopPrice: order.stopPrice ?? '' };
}

/** A positive decimal typed by a person ("1,000" and spaces allowed), in canonical form; null when it is not one. */
function positive(text: string): string | null {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = new Decimal(cleaned);
  return value.isZero() ? null : value.toFixed();
}

/** The `orders.replace` request for an edited draft: only the fields that changed, checked first. */
export function replaceRequest(order: OrderDto, draft: OrderDraft): ReplaceRequest {
  const params: ParamsIn<'orders.replace'> = { id: order.id };
  const quantity = positive(draft.quantity);
  if (quantity === null) return { ok: false, error: 'Quantity must be a number above zero' };
  if (!new Decimal(quantity).equals(order.quantity)) {
    if (new Decimal(quantity).lte(order.filledQuantity)) return { ok: false, error: `Quantity must be more than the ${order.filledQuantity} already filled` };
    params.quantity = quantity;
  }
  for (const field of ['limitPrice', 'stopPrice'] as const) {
    const current = order[field];
    if (current === null) continue;
    const next = positive(draft[field]);
    if (next === null) return { ok: false, error: `${field === 'limitPrice' ? 'Limit' : 'Stop'} price must be a number above zero` };
    if (!new Decimal(next).equals(current)) params[field] = next;
  }
  if (Object.keys(params).length === 1) return { ok: false, error: 'Nothing changed' };
  return { ok: true, params };
}
