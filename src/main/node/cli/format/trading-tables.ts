import { Decimal, parseDecimal } from '@shared/money/decimal';
import type { AccountDto, OrderDto, PositionDto, Rejection, RiskStatus } from '@shared/dto/trading';

/**
 * Human output of the trading commands. Amounts arrive as decimal strings and are rounded
 * with decimal.js for display only; `--json` prints the DTOs untouched.
 */

const NONE = '-';

/** Money rounded half-even to cents, always two places: "1234.5" → "1234.50"; never "-0.00". */
export function formatMoney(text: string | null): string {
  if (text === null) return NONE;
  const cents = parseDecimal(text).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  return (cents.isZero() ? cents.abs() : cents).toFixed(2);
}

/** A per-unit price such as an average cost: at least cents, at most four places, no padding beyond. */
export function formatUnitPrice(text: string | null): string {
  if (text === null) return NONE;
  const value = parseDecimal(text).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
  return value.decimalPlaces() < 2 ? value.toFixed(2) : value.toFixed();
}

/** percentOfEquity is already a percent (a float statistic), e.g. 12.5 → "12.50%". */
export function formatPercent(value: number | null): string {
  return value === null ? NONE : `${value.toFixed(2)}%`;
}

type Align = 'left' | 'right';

/** Columns padded to their widest cell; numbers right-aligned so the decimals line up. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const ORDER_HEADERS = ['ID', 'CLIENT ID', 'TIME', 'SYMBOL', 'SIDE', 'TYPE', 'QTY', 'FILLED', 'LIMIT', 'STOP', 'TIF', 'STATUS'];
const ORDER_ALIGN: Align[] = ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'left'];

export function formatOrdersTable(orders: readonly OrderDto[]): string {
  if (orders.length === 0) return 'No orders.';
  const rows = orders.map((order) => [
    order.id,
    order.clientOrderId,
    new Date(order.createdAt).toISOString(),
    order.symbol,
    order.side,
    order.type,
    order.quantity,
    order.filledQuantity,
    order.limitPrice ?? NONE,
    order.stopPrice ?? NONE,
    order.timeInForce,
    order.status,
  ]);
  return formatTable(ORDER_HEADERS, rows, ORDER_ALIGN);
}

const POSITION_HEADERS = ['SYMBOL', 'QTY', 'AVG COST', 'LAST', 'MARKET VALUE', 'UNREALIZED', 'REALIZED', '% EQUITY'];
const POSITION_ALIGN: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'];

export function formatPositionsTable(positions: readonly PositionDto[]): string {
  if (positions.length === 0) return 'No positions.';
  const rows = positions.map((position) => [
    position.symbol,
    position.quantity,
    formatUnitPrice(position.averageCost),
    position.lastPrice ?? NONE,
    formatMoney(position.marketValue),
    formatMoney(position.unrealizedPnl),
    formatMoney(position.realizedPnl),
    formatPercent(position.percentOfEquity),
  ]);
  return formatTable(POSITION_HEADERS, rows, POSITION_ALIGN);
}

/** Key/value lines; the amounts right-aligned in one column so the cents line up. */
export function formatAccount(account: AccountDto): string {
  const amounts: [string, string][] = [
    ['equity', formatMoney(account.equity)],
    ['cash', formatMoney(account.cash)],
    ['settled cash', formatMoney(account.settledCash)],
    ['buying power', formatMoney(account.buyingPower)],
    ['day P&L', formatMoney(account.dayPnl)],
    ['realized P&L', formatMoney(account.realizedPnl)],
    ['unrealized P&L', formatMoney(account.unrealizedPnl)],
  ];
  const width = Math.max(...amounts.map(([, value]) => value.length));
  return [
    ...amounts.map(([key, value]) => `${key.padEnd(15)} ${value.padStart(width)}`),
    `${'margin'.padEnd(15)} ${account.marginMultiplier}x`,
    `${'mode'.padEnd(15)} ${account.mode} (${account.broker}, ${account.currency})`,
  ].join('\n');
}

/** How the order is priced: "market", "limit 101.5", "stop 99 limit 101.5", "trailing_stop 1.5%". */
function describePricing(order: OrderDto): string {
  const parts: string[] = [order.type];
  if (order.type === 'trailing_stop') {
    if (order.trailPercent !== null) parts.push(`${order.trailPercent}%`);
    else if (order.trailAmount !== null) parts.push(order.trailAmount);
  } else if (order.type === 'stop_limit') {
    if (order.stopPrice !== null) parts.push(`stop ${order.stopPrice}`);
    if (order.limitPrice !== null) parts.push(`limit ${order.limitPrice}`);
  } else if (order.type === 'limit' && order.limitPrice !== null) {
    parts.push(order.limitPrice);
  } else if (order.type === 'stop' && order.stopPrice !== null) {
    parts.push(order.stopPrice);
  }
  return parts.join(' ');
}

/** One line per order: "Accepted O12 buy 10 SIM:SPY limit 101.5 day — accepted". */
export function formatOrderLine(verb: string, order: OrderDto): string {
  const size = order.notional !== null && parseDecimal(order.quantity).isZero() ? `$${order.notional}` : order.quantity;
  const legs = order.orderClass === 'simple' ? '' : ` ${order.orderClass}`;
  const filled = parseDecimal(order.filledQuantity).isZero()
    ? ''
    : ` ${order.filledQuantity}${order.averageFillPrice === null ? '' : ` @ ${order.averageFillPrice}`}`;
  return `${verb} ${order.id} ${order.side} ${size} ${order.symbol} ${describePricing(order)} ${order.timeInForce}${legs} — ${order.status}${filled}`;
}

/** "Rejected by max_order_quantity: … (limit 100000, actual 200000)"; the numbers only when known. */
export function formatRejection(rejection: Rejection | null): string {
  if (rejection === null) return 'Rejected.';
  const numbers = [
    rejection.limit === null ? null : `limit ${rejection.limit}`,
    rejection.actual === null ? null : `actual ${rejection.actual}`,
  ].filter((part) => part !== null);
  const tail = numbers.length === 0 ? '' : ` (${numbers.join(', ')})`;
  return `Rejected by ${rejection.rule}: ${rejection.message}${tail}`;
}

export function formatRiskStatus(status: RiskStatus): string {
  const { killSwitch, limits } = status;
  const state = killSwitch.tripped
    ? `TRIPPED${killSwitch.trippedAt === null ? '' : ` at ${new Date(killSwitch.trippedAt).toISOString()}`}${killSwitch.reason === null ? '' : ` — ${killSwitch.reason}`}`
    : 'off (orders allowed)';
  const limit = (value: string | number | null) => (value === null ? 'none' : String(value));
  return [
    `kill switch        ${state}`,
    `day P&L            ${formatMoney(status.dayPnl)}`,
    `max daily loss     ${limit(limits.maxDailyLoss)}`,
    `max order qty      ${limit(limits.maxOrderQuantity)}`,
    `max order notional ${limit(limits.maxOrderNotional)}`,
  ].join('\n');
}
