import { describe, expect, it } from 'vitest';
import { PlaceOrder } from '@shared/dto/trading';
import type { StrategyOrder } from '../strategy/strategy-api';
import { fastPlaceOrder } from './fast-place-order';

const viaSchema = (input: StrategyOrder, clientOrderId: string) => PlaceOrder.safeParse({ ...input, clientOrderId, source: 'strategy' });

const COMMON: StrategyOrder[] = [
  { symbol: 'SIM', side: 'buy', type: 'market', quantity: '990' },
  { symbol: 'BRK.B', side: 'sell', type: 'market', quantity: '0.5', timeInForce: 'gtc' },
  { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '10', limitPrice: '187.33' },
  { symbol: 'BTC/USD', side: 'sell', type: 'limit', quantity: '0.000001', limitPrice: '64000', timeInForce: 'ioc', clientOrderId: 'mine-1' },
];

// Each either fails the schema or is left to it (a shape the fast path does not take).
const OTHERS: unknown[] = [
  { symbol: 'aapl', side: 'buy', type: 'market', quantity: '1' },
  { symbol: 'AAPL', side: 'hold', type: 'market', quantity: '1' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '0' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '0.000' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '-1' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1e5' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: 5 },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '123456789012345678901' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1.1234567890123456789' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', timeInForce: 'week' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', limitPrice: '10' },
  { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '1' },
  { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '1', limitPrice: '0' },
  { symbol: 'AAPL', side: 'buy', type: 'stop', quantity: '1', stopPrice: '10' },
  { symbol: 'AAPL', side: 'buy', type: 'market', notional: '1000' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', extendedHours: false },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', orderClass: 'simple' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', note: 'x' },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', limitPrice: undefined },
  { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', clientOrderId: 'has space' },
];

describe('fastPlaceOrder', () => {
  it('gives exactly what the schema gives for plain market and limit orders', () => {
    for (const input of COMMON) {
      const fast = fastPlaceOrder(input, input.clientOrderId ?? 'bt-1');
      const schema = viaSchema(input, input.clientOrderId ?? 'bt-1');
      expect(schema.success).toBe(true);
      expect(fast).toEqual(schema.data);
    }
  });

  it('never accepts what the schema refuses, and leaves other shapes to the schema', () => {
    for (const input of OTHERS) {
      const order = input as StrategyOrder;
      const fast = fastPlaceOrder(order, 'bt-2');
      const schema = viaSchema(order, 'bt-2');
      if (fast !== null) expect(fast).toEqual(schema.data);
      if (!schema.success) expect(fast).toBeNull();
    }
    expect(fastPlaceOrder({ symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1' }, 'bad id!')).toBeNull();
    expect(fastPlaceOrder(Object.assign(Object.create({ inherited: 1 }) as object, { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1' }) as StrategyOrder, 'bt-3')).toBeNull();
  });
});
