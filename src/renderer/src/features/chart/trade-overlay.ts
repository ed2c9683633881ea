import type { FillDto, OrderDto, OrderSide } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import { isWorking } from '../../store/trading/order-book';
import { formatPrice, formatQuantity } from '../account/money-format';
import type { BarBuffer } from './bar-buffer';

/** A fill drawn on the bar it happened in (chart time in seconds, as the bars carry it). */
export interface TradeMarker {
  id: string;
  time: number;
  side: OrderSide;
  position: 'belowBar' | 'aboveBar';
  shape: 'arrowUp' | 'arrowDown';
  /** "B 100 @ 12.34" */
  text: string;
}

/** A working order drawn as a dashed line at its limit or stop price. */
export interface OrderLine {
  id: string;
  /** A float, for drawing only. */
  price: number;
  side: OrderSide;
  /** "BUY LMT 100" (the quantity still open). */
  title: string;
}

/** What a marker needs of a fill: the account's fills, or a backtest's shown on the chart. */
export type MarkerFill = Pick<FillDto, 'id' | 'symbol' | 'side' | 'quantity' | 'price' | 'time'>;

/** What draws the trade overlay; LwcSurface implements it next to ChartSurface. */
export interface TradeOverlaySurface {
  setTradeMarkers(markers: readonly TradeMarker[]): void;
  setOrderLines(lines: readonly OrderLine[]): void;
}

/** Markers beyond this many (the newest are kept) would only clutter the chart. */
export const MAX_TRADE_MARKERS = 500;

/** Index of the last bar that opens at or before `time` (epoch ms), or -1 when it is before the first. */
export function barIndexAt(bars: BarBuffer, time: number): number {
  let low = 0;
  let high = bars.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((bars.time[mid] ?? Number.POSITIVE_INFINITY) <= time) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The fills of `symbol` placed on the bars that contain them, oldest first: buys as an arrow
 * up under the bar, sells as an arrow down over it. Fills older than the loaded bars are left
 * out until older pages load.
 */
export function fillMarkers(fills: readonly MarkerFill[], symbol: string, bars: BarBuffer): TradeMarker[] {
  const markers: TradeMarker[] = [];
  for (const fill of fills) {
    if (fill.symbol !== symbol) continue;
    const index = barIndexAt(bars, fill.time);
    const time = bars.chartTime[index];
    if (time === undefined) continue;
    const buy = fill.side === 'buy';
    markers.push({
      id: fill.id,
      time,
      side: fill.side,
      position: buy ? 'belowBar' : 'aboveBar',
      shape: buy ? 'arrowUp' : 'arrowDown',
      text: `${buy ? 'B' : 'S'} ${formatQuantity(fill.quantity)} @ ${formatPrice(fill.price)}`,
    });
  }
  markers.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return markers.slice(Math.max(0, markers.length - MAX_TRADE_MARKERS));
}

const LINE_LABELS: Record<OrderDto['type'], string> = {
  market: 'MKT',
  limit: 'LMT',
  stop: 'STP',
  stop_limit: 'STP LMT',
  trailing_stop: 'TRAIL',
};

/** Where a working order's line goes: the limit, the stop (the limit once a stop-limit has triggered). */
function linePrice(order: OrderDto): string | null {
  switch (order.type) {
    case 'limit':
      return order.limitPrice;
    case 'stop':
    case 'trailing_stop':
      return order.stopPrice;
    case 'stop_limit':
      return order.triggered ? order.limitPrice : order.stopPrice;
    case 'market':
      return null;
  }
}

/** One dashed line per working order of `symbol` that rests at a price. */
export function orderLines(orders: Iterable<OrderDto>, symbol: string): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const order of orders) {
    if (order.symbol !== symbol || !isWorking(order)) continue;
    const price = linePrice(order);
    if (price === null) continue;
    const type = order.type === 'stop_limit' && order.triggered ? 'LMT' : LINE_LABELS[order.type];
    const open = new Decimal(order.quantity).minus(order.filledQuantity).toFixed();
    lines.push({ id: order.id, price: Number(price), side: order.side, title: `${order.side.toUpperCase()} ${type} ${formatQuantity(open)}` });
  }
  return lines.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
