import { Decimal } from '@shared/money/decimal';
import type { Executions } from './executions';
import { assetIdOf } from './ids';
import type { Ledger } from './ledger';
import type { MarketHours } from './market-hours';
import { isOpen, type FakeOrder } from './order-model';
import type { FakeAssetSpec, OrderBook } from './order-book';
import { nyParts } from './timestamps';
import { apiError, parseOrderBody, type ApiError } from './validate-order';

export interface RouteContext {
  book: OrderBook;
  executions: Executions;
  ledger: Ledger;
  hours: MarketHours;
  assets: Map<string, FakeAssetSpec>;
  shorting: boolean;
  now(): number;
  accountCreatedAt: string;
}

/** status 204 has no body; `undefined` body with another status means "{}"-less JSON null. */
export interface RouteResult {
  status: number;
  body?: unknown;
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const fail = (e: ApiError): RouteResult => ({ status: e.status, body: e.body });
const notFound = (message: string) => fail(apiError(404, 40410000, message));

export function route(ctx: RouteContext, method: string, path: string, query: URLSearchParams, body: unknown): RouteResult {
  const at = (p: string, m = 'GET') => method === m && path === p;
  if (at('/v2/account')) return ok(ctx.ledger.account(ctx.book.reserved(), ctx.accountCreatedAt, ctx.shorting));
  if (at('/v2/clock')) return ok(ctx.hours.clock(ctx.now()));
  if (at('/v2/calendar')) {
    const today = nyParts(ctx.now()).date;
    const start = query.get('start') ?? today;
    return ok(ctx.hours.days(start.slice(0, 10), (query.get('end') ?? start).slice(0, 10)));
  }
  if (at('/v2/positions')) return ok(ctx.ledger.symbols().map((s) => ctx.ledger.position(s, ctx.book.heldForSells(s))));
  if (at('/v2/orders', 'POST')) {
    const parsed = parseOrderBody(body);
    if (!parsed.ok) return fail(parsed.error);
    const result = ctx.book.submit(parsed.order);
    return 'error' in result ? fail(result.error) : ok(ctx.book.wire(result.order));
  }
  if (at('/v2/orders')) return ok(listOrders(ctx, query));
  if (at('/v2/account/activities/FILL')) return ok(fillActivities(ctx, query));
  if (at('/v2/orders', 'DELETE')) return cancelAll(ctx);
  if (at('/v2/orders:by_client_order_id')) {
    const order = ctx.book.find(query.get('client_order_id') ?? '');
    return order && order.clientOrderId === query.get('client_order_id') ? ok(ctx.book.wire(order)) : notFound('order not found');
  }
  const [, resource, rawId] = /^\/v2\/(orders|positions|assets)\/([^/]+)$/.exec(path) ?? [];
  if (resource === undefined || rawId === undefined) return notFound('endpoint not found');
  const id = decodeURIComponent(rawId);
  if (resource === 'assets' && method === 'GET') return asset(ctx, id.toUpperCase());
  if (resource === 'positions') return position(ctx, method, id.toUpperCase(), query);
  if (resource === 'orders') return order(ctx, method, id, body);
  return notFound('endpoint not found');
}

function asset(ctx: RouteContext, symbol: string): RouteResult {
  const a = ctx.assets.get(symbol);
  if (!a) return notFound(`asset not found for ${symbol}`);
  return ok({
    id: assetIdOf(symbol),
    class: 'us_equity',
    exchange: a.exchange ?? 'NASDAQ',
    symbol,
    name: a.name ?? `${symbol} Inc. Common Stock`,
    status: a.status ?? 'active',
    tradable: a.tradable ?? true,
    marginable: true,
    maintenance_margin_requirement: 30,
    shortable: a.shortable ?? true,
    easy_to_borrow: true,
    fractionable: a.fractionable ?? true,
    attributes: [],
  });
}

function position(ctx: RouteContext, method: string, symbol: string, query: URLSearchParams): RouteResult {
  const qty = ctx.ledger.qty(symbol);
  if (qty.isZero()) return notFound('position does not exist');
  if (method === 'GET') return ok(ctx.ledger.position(symbol, ctx.book.heldForSells(symbol)));
  if (method !== 'DELETE') return notFound('endpoint not found');
  // Closing = a market order for the whole position (or ?qty=) on the other side.
  const closeQty = query.get('qty') ?? qty.abs().toFixed();
  if (!/^\d+(\.\d+)?$/.test(closeQty)) return fail(apiError(422, 40010001, 'invalid qty'));
  const result = ctx.book.submit({
    symbol,
    side: qty.isNegative() ? 'buy' : 'sell',
    type: 'market',
    timeInForce: 'day',
    orderClass: 'simple',
    qty: new Decimal(closeQty),
    notional: null,
    limitPrice: null,
    stopPrice: null,
    trailPrice: null,
    trailPercent: null,
    extendedHours: false,
    clientOrderId: null,
    takeProfit: null,
    stopLoss: null,
  });
  return 'error' in result ? fail(result.error) : ok(ctx.book.wire(result.order));
}

function order(ctx: RouteContext, method: string, id: string, body: unknown): RouteResult {
  const found = ctx.book.orders.get(id);
  if (method === 'GET') return found ? ok(ctx.book.wire(found)) : notFound('order not found');
  if (method === 'DELETE') {
    const error = ctx.executions.requestCancel(id);
    return error ? fail(error) : { status: 204 };
  }
  if (method === 'PATCH') {
    if (typeof body !== 'object' || body === null) return fail(apiError(400, 40010000, 'request body format is invalid'));
    const result = ctx.executions.replace(id, body as Record<string, unknown>);
    return 'error' in result ? fail(result.error) : ok(ctx.book.wire(result.order));
  }
  return notFound('endpoint not found');
}

/** status=open|closed|all (default open), limit (default 50, max 500), after/until on submitted_at, direction, nested, symbols. */
function listOrders(ctx: RouteContext, query: URLSearchParams): unknown[] {
  const status = query.get('status') ?? 'open';
  const nested = query.get('nested') === 'true';
  const after = query.has('after') ? Date.parse(query.get('after')!) : -Infinity;
  const until = query.has('until') ? Date.parse(query.get('until')!) : Infinity;
  const symbols = query.get('symbols')?.split(',').map((s) => s.trim().toUpperCase());
  const limit = Math.min(500, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  const wanted = (o: FakeOrder) =>
    (status === 'all' || (status === 'open') === isOpen(o)) &&
    o.submittedAt.ms > after &&
    o.submittedAt.ms < until &&
    (symbols === undefined || symbols.includes(o.symbol)) &&
    (!nested || o.parentId === null);
  const list = ctx.book.list(wanted);
  if (query.get('direction') === 'asc') list.reverse();
  return list.slice(0, limit).map((o) => ctx.book.wire(o, nested));
}

/** DELETE /v2/orders → 207 with {id, status, body} per open order. */
function cancelAll(ctx: RouteContext): RouteResult {
  const open = ctx.book.list((o) => isOpen(o) && o.parentId === null);
  const results = open.map((o) => {
    const error = ctx.executions.requestCancel(o.id);
    return error ? { id: o.id, status: error.status, body: error.body } : { id: o.id, status: 200, body: ctx.book.wire(o) };
  });
  return { status: 207, body: results };
}

/**
 * GET /v2/account/activities/FILL: `after` (a time), `direction` (desc by default),
 * `page_size` (≤ 100) and `page_token` (the id of the last item of the previous page).
 */
function fillActivities(ctx: RouteContext, query: URLSearchParams): unknown[] {
  const after = query.get('after');
  const from = after === null ? -Infinity : Date.parse(after);
  const asc = query.get('direction') === 'asc';
  const size = Math.min(100, Number(query.get('page_size') ?? 100) || 100);
  let list = ctx.executions.activities.filter((a) => a.at > from);
  if (!asc) list = [...list].reverse();
  const token = query.get('page_token');
  if (token !== null) list = list.slice(list.findIndex((a) => a.id === token) + 1);
  return list.slice(0, size).map(({ at: _at, ...activity }) => activity);
}
