import { describe, expect, it } from 'vitest';
import type { StrategyOrder } from '../strategy/strategy-api';
import { fastPlaceOrder } from './fast-place-order';
import { positiveUnits, QuickOrder, quickOrder } from './quick-order';
import { parseUnits } from './scaled';

/** What the lane did before: the schema's checks (fastPlaceOrder), then parseUnits, positive. */
function viaRegex(text: string, k: number): number | null {
  const order = fastPlaceOrder({ symbol: 'SIM', side: 'buy', type: 'market', quantity: text }, 'bt-1');
  if (order === null) return null;
  const units = parseUnits(text, k);
  return units !== null && units > 0 ? units : null;
}

/** Strings near the edges of the pattern: digits, dots, signs, zeros, lengths 0–41. */
function samples(): string[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = ['0', '0', '0', '1', '5', '9', '.', '-', 'e', ' '];
  const out = ['', '0', '1', '-1', '01', '1.', '.5', '0.0', '0.5', '5.50', '1.005', '1e5', ' 1', '4503599627370496', '4503599627370497', '4503599627370495.9', '99999999999999999999', '999999999999999999999', '1.000000000000000000', '1.0000000000000000000', '0.000000000000000001', '12.3400'];
  for (let i = 0; i < 20_000; i += 1) {
    const length = next(i % 10 === 0 ? 42 : 12);
    let text = '';
    for (let j = 0; j < length; j += 1) text += alphabet[next(alphabet.length)];
    out.push(text);
  }
  return out;
}

describe('positiveUnits', () => {
  it('gives what the schema pattern and parseUnits give, for every string tried', () => {
    for (const text of samples()) for (const k of [0, 1, 2, 4, 9]) expect([text, k, positiveUnits(text, k)]).toEqual([text, k, viaRegex(text, k)]);
  });

  it('reads whole units and ticks', () => {
    expect(positiveUnits('990', 0)).toBe(990);
    expect(positiveUnits('187.33', 2)).toBe(18733);
    expect(positiveUnits('5.50', 1)).toBe(55);
    expect(positiveUnits('0.5', 0)).toBeNull();
    expect(positiveUnits('0.00', 2)).toBeNull();
    expect(positiveUnits('-3', 0)).toBeNull();
  });
});

describe('quickOrder', () => {
  const cases: unknown[] = [
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '990' },
    { symbol: 'SIM', side: 'sell', type: 'limit', quantity: '10', limitPrice: '101.25', timeInForce: 'gtc' },
    { symbol: 'SIM', side: 'sell', type: 'limit', quantity: '10', limitPrice: '101.255' },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '1', timeInForce: 'ioc' },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '1', timeInForce: 'week' },
    { symbol: 'sim', side: 'buy', type: 'market', quantity: '1' },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '1', limitPrice: '3' },
    { symbol: 'SIM', side: 'buy', type: 'limit', quantity: '1' },
    { symbol: 'SIM', side: 'buy', type: 'stop', quantity: '1', stopPrice: '3' },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '1', note: 'x' },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: 1 },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '1', clientOrderId: 'has space' },
    { symbol: 'SIM', side: 'buy', type: 'market', quantity: '1', clientOrderId: 'mine-1' },
  ];

  it('takes exactly the orders the lane took through fastPlaceOrder and parseUnits', () => {
    for (const input of cases) {
      const order = input as StrategyOrder;
      const id = order.clientOrderId ?? 'bt-9';
      const request = fastPlaceOrder(order, id);
      const units = request?.quantity === undefined ? null : parseUnits(request.quantity, 0);
      const limit = request?.limitPrice === undefined ? Number.NaN : parseUnits(request.limitPrice, 2);
      const before = request !== null && (request.timeInForce === 'day' || request.timeInForce === 'gtc') && units !== null && units > 0 && limit !== null && !(limit <= 0);
      const out = new QuickOrder();
      expect([input, quickOrder(order, id, order.clientOrderId === undefined, 2, out)]).toEqual([input, before]);
      if (before) expect(out).toEqual({ symbol: order.symbol, side: order.side, limit, timeInForce: request.timeInForce, units });
    }
  });
});
