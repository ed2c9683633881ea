import type {
  LegRole,
  OrderClass,
  OrderDto,
  OrderSide,
  OrderSource,
  OrderStatus,
  OrderType,
  Rejection,
  TimeInForce,
} from '@shared/dto/trading';
import { type Decimal, parseDecimal, toDecimalString, type Money, type Price, type Quantity } from '@shared/money/decimal';

/** An order inside the engine: decimals, not strings. The OMS owns it; brokers report on it. */
export interface Order {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  timeInForce: TimeInForce;
  orderClass: OrderClass;
  quantity: Quantity;
  notional: Money | null;
  limitPrice: Price | null;
  stopPrice: Price | null;
  trailAmount: Price | null;
  trailPercent: Decimal | null;
  trailReference: Price | null;
  extendedHours: boolean;
  status: OrderStatus;
  triggered: boolean;
  filledQuantity: Quantity;
  averageFillPrice: Price | null;
  commission: Money;
  parentId: string | null;
  legRole: LegRole | null;
  replaces: string | null;
  replacedBy: string | null;
  rejection: Rejection | null;
  source: OrderSource;
  createdAt: number;
  updatedAt: number;
}

export const OPEN_STATUSES: ReadonlySet<OrderStatus> = new Set(['pending_new', 'accepted', 'partially_filled']);

export function isOpen(order: Pick<Order, 'status'>): boolean {
  return OPEN_STATUSES.has(order.status);
}

export function remainingQuantity(order: Pick<Order, 'quantity' | 'filledQuantity'>): Quantity {
  return order.quantity.minus(order.filledQuantity) as Quantity;
}

/** +1 for buys, −1 for sells: the sign a fill gives a position. */
export function sideSign(side: OrderSide): 1 | -1 {
  return side === 'buy' ? 1 : -1;
}

const text = (value: Decimal | null): string | null => (value === null ? null : toDecimalString(value));
const dec = <T extends Decimal>(value: string | null): T | null => (value === null ? null : (parseDecimal(value) as T));

export function orderToDto(order: Order): OrderDto {
  return {
    ...order,
    quantity: toDecimalString(order.quantity),
    notional: text(order.notional),
    limitPrice: text(order.limitPrice),
    stopPrice: text(order.stopPrice),
    trailAmount: text(order.trailAmount),
    trailPercent: text(order.trailPercent),
    trailReference: text(order.trailReference),
    filledQuantity: toDecimalString(order.filledQuantity),
    averageFillPrice: text(order.averageFillPrice),
    commission: toDecimalString(order.commission),
  };
}

export function orderFromDto(dto: OrderDto): Order {
  return {
    ...dto,
    quantity: parseDecimal(dto.quantity) as Quantity,
    notional: dec<Money>(dto.notional),
    limitPrice: dec<Price>(dto.limitPrice),
    stopPrice: dec<Price>(dto.stopPrice),
    trailAmount: dec<Price>(dto.trailAmount),
    trailPercent: dec<Decimal>(dto.trailPercent),
    trailReference: dec<Price>(dto.trailReference),
    filledQuantity: parseDecimal(dto.filledQuantity) as Quantity,
    averageFillPrice: dec<Price>(dto.averageFillPrice),
    commission: parseDecimal(dto.commission) as Money,
  };
}
