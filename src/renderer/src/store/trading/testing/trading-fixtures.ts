import type { AccountDto, FillDto, OrderDto, PortfolioSnapshot, PositionDto, RiskStatus } from '@shared/dto/trading';
import { DEFAULT_RISK_LIMITS } from '@shared/dto/trading';
import { orderDto } from '@shared/testing/order-dto';

/** Test data for the trading store and the views over it. */
export const T0 = 1_700_000_000_000;

export function order(id: string, patch: Partial<OrderDto> = {}): OrderDto {
  return orderDto(id, { createdAt: T0, updatedAt: T0, ...patch });
}

export function fill(id: string, patch: Partial<FillDto> = {}): FillDto {
  return {
    id,
    orderId: 'o1',
    clientOrderId: 'c-o1',
    symbol: 'SIM:SPY',
    side: 'buy',
    quantity: '100',
    price: '450.25',
    commission: '1',
    time: T0,
    ...patch,
  };
}

export function account(patch: Partial<AccountDto> = {}): AccountDto {
  return {
    broker: 'paper',
    mode: 'paper',
    currency: 'USD',
    cash: '54975',
    settledCash: '54975',
    buyingPower: '54975',
    equity: '100050',
    longMarketValue: '45075',
    shortMarketValue: '0',
    realizedPnl: '-1',
    unrealizedPnl: '50',
    dayPnl: '49',
    dayStartEquity: '100001',
    marginMultiplier: '1',
    time: T0,
    ...patch,
  };
}

export function position(symbol: string, patch: Partial<PositionDto> = {}): PositionDto {
  return {
    symbol,
    quantity: '100',
    averageCost: '450.25',
    costBasis: '45025',
    lastPrice: '450.75',
    marketValue: '45075',
    unrealizedPnl: '50',
    realizedPnl: '0',
    percentOfEquity: 45.05,
    ...patch,
  };
}

export function snapshot(time = T0, positions: PositionDto[] = [position('SIM:SPY')]): PortfolioSnapshot {
  return { account: account({ time }), positions };
}

export function riskStatus(tripped = false, reason: string | null = null): RiskStatus {
  return {
    limits: DEFAULT_RISK_LIMITS,
    killSwitch: { tripped, reason, trippedAt: tripped ? T0 : null },
    dayPnl: '49',
  };
}
