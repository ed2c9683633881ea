import type {
  AlpacaAccount,
  AlpacaAsset,
  AlpacaCalendarDay,
  AlpacaClock,
  AlpacaFillActivity,
  AlpacaOrder,
  AlpacaOrderRequest,
  AlpacaPosition,
  AlpacaReplaceRequest,
} from './wire';

/**
 * Alpaca's Trading API v2 as the broker adapter uses it. The REST client implements it with
 * timeouts, the rate limit and a circuit breaker per endpoint group; errors are the classes
 * in errors.ts. Nothing here retries a submit: deciding after a failed submit is the
 * broker's job (look the order up by its client order id, never send the intent twice).
 */
export interface AlpacaTradingApi {
  account(): Promise<AlpacaAccount>;
  clock(): Promise<AlpacaClock>;
  calendar(range: { start: string; end: string }): Promise<AlpacaCalendarDay[]>;
  asset(symbol: string): Promise<AlpacaAsset | null>;
  positions(): Promise<AlpacaPosition[]>;
  /** GET /v2/orders with nested=true (legs inside their parent). */
  listOrders(query: { status: 'open' | 'closed' | 'all'; after?: string; limit?: number }): Promise<AlpacaOrder[]>;
  getOrder(id: string): Promise<AlpacaOrder | null>;
  /** GET /v2/orders:by_client_order_id; null when Alpaca answers 404. */
  orderByClientOrderId(clientOrderId: string): Promise<AlpacaOrder | null>;
  submitOrder(request: AlpacaOrderRequest): Promise<AlpacaOrder>;
  replaceOrder(id: string, request: AlpacaReplaceRequest): Promise<AlpacaOrder>;
  /** DELETE /v2/orders/{id}: 204; the cancellation itself arrives on the stream. */
  cancelOrder(id: string): Promise<void>;
  /** DELETE /v2/orders: 207 with one status per order. */
  cancelAllOrders(): Promise<{ id: string; status: number }[]>;
  /** GET /v2/account/activities/FILL since `after` (ISO time), oldest first, every page. */
  fillActivities(after: string): Promise<AlpacaFillActivity[]>;
  /** DELETE /v2/positions/{symbol}: the closing order. */
  closePosition(symbol: string): Promise<AlpacaOrder>;
}
