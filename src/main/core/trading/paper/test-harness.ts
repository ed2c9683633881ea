import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { FeedEvent } from '../../ports/market-feed';
import { marketPhase, sessionFor, tradingDayOf, wallClockToMs } from '../../market-data/calendar';
import type { ExecutionReport } from '../model/execution-report';
import type { Order } from '../model/order';
import { makeOrder } from '../model/test-order';
import type { PaperInstrument } from './order-checks';
import { PaperBroker } from './paper-broker';

/** For the paper broker's tests: a broker on the real US calendar, orders and market events. */

/** New York wall-clock time on 2024-03-15 (a Friday; EDT, so 09:30 ET is 13:30Z). */
export const et = (time: string, date = '2024-03-15'): number => wallClockToMs(date, time);

const INSTRUMENTS: Record<string, PaperInstrument> = {
  AAPL: { tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' },
  'X:BTCUSD': { tickSize: new Decimal('0.01'), lotSize: new Decimal('0.0001'), assetClass: 'crypto' },
};

export interface Harness {
  broker: PaperBroker;
  reports: ExecutionReport[];
  clock: { time: number };
  /** Reports since the last call, then forgets them. */
  take(): ExecutionReport[];
}

export function harness(
  options: { slippage?: SlippageModel; commission?: CommissionModel; now?: number; idPrefix?: string } = {},
): Harness {
  const clock = { time: options.now ?? et('10:00') };
  const broker = new PaperBroker({
    slippage: options.slippage ?? { model: 'none' },
    commission: options.commission ?? { model: 'none' },
    instrument: (symbol) => INSTRUMENTS[symbol] ?? null,
    marketPhase: (_symbol, time) => marketPhase(time),
    sessionCloseOf: (_symbol, time) => sessionFor(tradingDayOf(time))?.close ?? null,
    clock: { now: () => clock.time },
    ...(options.idPrefix === undefined ? {} : { idPrefix: options.idPrefix }),
  });
  const reports: ExecutionReport[] = [];
  let seen = 0;
  broker.onReport((report) => reports.push(report));
  return {
    broker,
    reports,
    clock,
    take() {
      const fresh = reports.slice(seen);
      seen = reports.length;
      return fresh;
    },
  };
}

const d = <T extends Decimal>(value: string | null | undefined): T | null => (value == null ? null : (new Decimal(value) as T));

export interface OrderSpec extends Partial<Omit<Order, 'quantity' | 'limitPrice' | 'stopPrice' | 'trailAmount' | 'trailPercent' | 'trailReference' | 'filledQuantity' | 'averageFillPrice' | 'commission'>> {
  quantity?: string;
  limitPrice?: string;
  stopPrice?: string;
  trailAmount?: string;
  trailPercent?: string;
  trailReference?: string;
  filledQuantity?: string;
  averageFillPrice?: string;
  commission?: string;
}

export function order(spec: OrderSpec = {}): Order {
  const { quantity, limitPrice, stopPrice, trailAmount, trailPercent, trailReference, filledQuantity, averageFillPrice, commission, ...rest } = spec;
  const id = rest.id ?? 'o1';
  return makeOrder({
    clientOrderId: `k-${id}`,
    createdAt: et('10:00'),
    updatedAt: et('10:00'),
    ...rest,
    id,
    quantity: new Decimal(quantity ?? '100') as Quantity,
    limitPrice: d<Price>(limitPrice),
    stopPrice: d<Price>(stopPrice),
    trailAmount: d<Price>(trailAmount),
    trailPercent: d<Decimal>(trailPercent),
    trailReference: d<Price>(trailReference),
    filledQuantity: new Decimal(filledQuantity ?? '0') as Quantity,
    averageFillPrice: d<Price>(averageFillPrice),
    commission: new Decimal(commission ?? '0') as Money,
  });
}

export function quote(time: number, bid: number, ask: number, bidSize = 1000, askSize = 1000, symbol = 'AAPL'): FeedEvent {
  return { type: 'quote', quote: { symbol, time, timeNs: null, bidPrice: bid, bidSize, askPrice: ask, askSize } };
}

export function trade(time: number, price: number, size = 1000, symbol = 'AAPL'): FeedEvent {
  return { type: 'trade', trade: { symbol, time, timeNs: null, price, size, exchange: null, conditions: [], id: null } };
}

/** A one-minute bar starting at `time`: [open, high, low, close]. */
export function bar(time: number, ohlc: [number, number, number, number], volume = 10_000, symbol = 'AAPL'): FeedEvent {
  const [open, high, low, close] = ohlc;
  return { type: 'bar', symbol, timeframe: '1m', bar: { time, open, high, low, close, volume, vwap: null, trades: null } };
}

/** Reports as compact text, e.g. 'fill o1 100@100.02 c0 o1-F1', for exact assertions. */
export function brief(report: ExecutionReport): string {
  switch (report.kind) {
    case 'fill':
      return `fill ${report.orderId} ${report.quantity.toFixed()}@${report.price.toFixed()} c${report.commission.toFixed()} ${report.fillId}`;
    case 'canceled':
      return `canceled ${report.orderId} ${report.reason}`;
    case 'rejected':
      return `rejected ${report.orderId}`;
    case 'replaced':
      return `replaced ${report.orderId} by ${report.newOrderId}`;
    case 'trail_moved':
      return `trail ${report.orderId} ${report.reference.toFixed()}/${report.stopPrice.toFixed()}`;
    default:
      return `${report.kind} ${report.orderId}`;
  }
}

export const briefs = (reports: readonly ExecutionReport[]): string[] => reports.map(brief);
