import { describe, expect, it } from 'vitest';
import { PlaceOrder, type PlaceOrderInput } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import { validatePlaceOrder, type ValidationInstrument } from './order-validation';

const STOCK: ValidationInstrument = { tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' };
const CRYPTO: ValidationInstrument = { tickSize: new Decimal('0.5'), lotSize: new Decimal('0.001'), assetClass: 'crypto' };

/** A request through the real schema (defaults applied), validated against a stock. */
function check(input: Partial<PlaceOrderInput>, instrument: ValidationInstrument | null = STOCK) {
  const request = PlaceOrder.parse({ symbol: 'AAPL', side: 'buy', type: 'market', quantity: '100', ...input });
  return validatePlaceOrder(request, instrument);
}

const message = (input: Partial<PlaceOrderInput>, instrument?: ValidationInstrument | null) => check(input, instrument)?.message;

describe('validatePlaceOrder: instrument', () => {
  it('accepts a plain market order', () => {
    expect(check({})).toBeNull();
  });

  it('refuses an unknown symbol', () => {
    expect(check({ symbol: 'NOPE' }, null)).toEqual({ rule: 'invalid_order', message: 'Unknown symbol NOPE', limit: null, actual: null });
  });

  it('refuses to trade an index', () => {
    expect(message({ symbol: 'I:SPX' }, { ...STOCK, assetClass: 'index' })).toBe('I:SPX is an index and cannot be traded');
  });
});

describe('validatePlaceOrder: quantity or notional', () => {
  it('needs exactly one of them', () => {
    expect(message({ quantity: undefined })).toBe('Give exactly one of quantity and notional');
    expect(message({ notional: '5000' })).toBe('Give exactly one of quantity and notional');
  });

  it('accepts a notional on a simple market day order', () => {
    expect(check({ quantity: undefined, notional: '5000' })).toBeNull();
  });

  it('refuses a notional on anything else', () => {
    const expected = 'notional is only for simple market orders with timeInForce day; give a quantity instead';
    expect(message({ quantity: undefined, notional: '5000', type: 'limit', limitPrice: '100' })).toBe(expected);
    expect(message({ quantity: undefined, notional: '5000', timeInForce: 'gtc' })).toBe(expected);
    const bracket = { orderClass: 'bracket' as const, takeProfit: { limitPrice: '110' }, stopLoss: { stopPrice: '90' } };
    expect(message({ quantity: undefined, notional: '5000', ...bracket })).toBe(expected);
  });
});

describe('validatePlaceOrder: prices by order type', () => {
  it('accepts each type with exactly its prices', () => {
    expect(check({ type: 'limit', limitPrice: '101.25' })).toBeNull();
    expect(check({ type: 'stop', stopPrice: '99.50' })).toBeNull();
    expect(check({ type: 'stop_limit', stopPrice: '99.50', limitPrice: '99.00' })).toBeNull();
    expect(check({ type: 'trailing_stop', trailAmount: '1.50' })).toBeNull();
    expect(check({ type: 'trailing_stop', trailPercent: '2.5' })).toBeNull();
  });

  it('names the missing price', () => {
    expect(message({ type: 'limit' })).toBe('A limit order needs a limitPrice');
    expect(message({ type: 'stop' })).toBe('A stop order needs a stopPrice');
    expect(message({ type: 'stop_limit', stopPrice: '99' })).toBe('A stop_limit order needs a limitPrice');
    expect(message({ type: 'stop_limit', limitPrice: '99' })).toBe('A stop_limit order needs a stopPrice');
  });

  it('refuses a price the type does not use', () => {
    expect(message({ limitPrice: '100' })).toBe('A market order takes no limitPrice');
    expect(message({ stopPrice: '100' })).toBe('A market order takes no stopPrice');
    expect(message({ type: 'limit', limitPrice: '100', stopPrice: '99' })).toBe('A limit order takes no stopPrice');
    expect(message({ type: 'stop', stopPrice: '100', trailPercent: '1' })).toBe('A stop order takes no trailPercent');
    expect(message({ type: 'trailing_stop', trailAmount: '1', limitPrice: '100' })).toBe('A trailing_stop order takes no limitPrice');
  });

  it('needs exactly one trail for a trailing stop, at most 50%', () => {
    const expected = 'A trailing_stop order needs exactly one of trailAmount and trailPercent';
    expect(message({ type: 'trailing_stop' })).toBe(expected);
    expect(message({ type: 'trailing_stop', trailAmount: '1', trailPercent: '1' })).toBe(expected);
    expect(check({ type: 'trailing_stop', trailPercent: '50' })).toBeNull();
    expect(check({ type: 'trailing_stop', trailPercent: '50.1' })).toEqual({
      rule: 'invalid_order',
      message: 'trailPercent 50.1 is over the maximum 50',
      limit: '50',
      actual: '50.1',
    });
  });
});

describe('validatePlaceOrder: time in force and extended hours', () => {
  it('allows ioc, fok, opg and cls on market and limit orders', () => {
    for (const timeInForce of ['ioc', 'fok', 'opg', 'cls'] as const) {
      expect(check({ timeInForce })).toBeNull();
      expect(check({ timeInForce, type: 'limit', limitPrice: '100' })).toBeNull();
    }
  });

  it('refuses them on stops', () => {
    expect(message({ timeInForce: 'ioc', type: 'stop', stopPrice: '99' })).toBe('timeInForce ioc is only for market and limit orders, not stop');
    expect(message({ timeInForce: 'opg', type: 'trailing_stop', trailPercent: '1' })).toBe(
      'timeInForce opg is only for market and limit orders, not trailing_stop',
    );
  });

  it('allows extended hours only on limit orders that are day or gtc', () => {
    expect(check({ extendedHours: true, type: 'limit', limitPrice: '100' })).toBeNull();
    expect(check({ extendedHours: true, type: 'limit', limitPrice: '100', timeInForce: 'gtc' })).toBeNull();
    expect(message({ extendedHours: true })).toBe('extendedHours is only for limit orders, not market');
    expect(message({ extendedHours: true, type: 'limit', limitPrice: '100', timeInForce: 'ioc' })).toBe(
      'extendedHours needs timeInForce day or gtc, not ioc',
    );
  });

  it('refuses extended hours on a multi-leg order', () => {
    const legs = { orderClass: 'oto' as const, takeProfit: { limitPrice: '110' } };
    expect(message({ extendedHours: true, type: 'limit', limitPrice: '100', ...legs })).toBe('extendedHours is only for simple orders, not oto');
  });
});

describe('validatePlaceOrder: tick and lot sizes', () => {
  it('refuses a price off the tick', () => {
    expect(check({ type: 'limit', limitPrice: '100.005' })).toEqual({
      rule: 'invalid_order',
      message: 'limitPrice 100.005 is not a multiple of the tick size 0.01',
      limit: '0.01',
      actual: '100.005',
    });
    expect(message({ type: 'stop', stopPrice: '99.999' })).toBe('stopPrice 99.999 is not a multiple of the tick size 0.01');
    expect(message({ type: 'trailing_stop', trailAmount: '0.125' })).toBe('trailAmount 0.125 is not a multiple of the tick size 0.01');
  });

  it('does not hold a trail percent to the tick', () => {
    expect(check({ type: 'trailing_stop', trailPercent: '1.125' })).toBeNull();
  });

  it('refuses fractional shares when the lot is a whole unit', () => {
    expect(check({ quantity: '1.5' })).toEqual({
      rule: 'invalid_order',
      message: 'quantity 1.5: AAPL does not trade in fractions (lot size 1)',
      limit: '1',
      actual: '1.5',
    });
  });

  it('refuses a quantity off a round lot', () => {
    expect(message({ quantity: '250' }, { ...STOCK, lotSize: new Decimal(100) })).toBe('quantity 250 is not a multiple of the lot size 100');
  });

  it('accepts fractions of a fractional lot, on its own tick', () => {
    expect(check({ symbol: 'X:BTCUSD', quantity: '0.125', type: 'limit', limitPrice: '64250.5' }, CRYPTO)).toBeNull();
    expect(message({ symbol: 'X:BTCUSD', quantity: '0.0005' }, CRYPTO)).toBe('quantity 0.0005 is not a multiple of the lot size 0.001');
    expect(message({ symbol: 'X:BTCUSD', quantity: '1', type: 'limit', limitPrice: '64250.25' }, CRYPTO)).toBe(
      'limitPrice 64250.25 is not a multiple of the tick size 0.5',
    );
  });
});
