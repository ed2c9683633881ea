import type { FillDto, OrderSide } from '@shared/dto/trading';
import { parseDecimal, toDecimalString, type Money, type Price, type Quantity } from '@shared/money/decimal';

/** One execution. `id` is unique and stable, so a replayed report never books twice. */
export interface Fill {
  id: string;
  orderId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: Quantity;
  price: Price;
  commission: Money;
  time: number;
}

export function fillToDto(fill: Fill): FillDto {
  return {
    ...fill,
    quantity: toDecimalString(fill.quantity),
    price: toDecimalString(fill.price),
    commission: toDecimalString(fill.commission),
  };
}

export function fillFromDto(dto: FillDto): Fill {
  return {
    ...dto,
    quantity: parseDecimal(dto.quantity) as Quantity,
    price: parseDecimal(dto.price) as Price,
    commission: parseDecimal(dto.commission) as Money,
  };
}
