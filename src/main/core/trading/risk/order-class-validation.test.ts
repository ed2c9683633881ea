import { describe, expect, it } from 'vitest';
import { PlaceOrder, type PlaceOrderInput } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import { validatePlaceOrder, type ValidationInstrument } from './order-validation';

const STOCK: ValidationInstrument = { tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' };

function check(input: Partial<PlaceOrderInput>, instrument: ValidationInstrument = STOCK) {
  const request = PlaceOrder.parse({ symbol: 'AAPL', side: 'buy', type: 'limit', limitPrice: '100', quantity: '100', ...input });
  return validatePlaceOrder(request, instrument);
}
const message = (input: Partial<PlaceOrderInput>, instrument?: ValidationInstrument) => check(input, instrument)?.message;

const tp = (limitPrice: string) => ({ takeProfit: { limitPrice } });
const sl = (stopPrice: string, limitPrice?: string) => ({ stopLoss: limitPrice ? { stopPrice, limitPrice } : { stopPrice } });
const bracket = (takeProfit: string, stop: string) => ({ orderClass: 'bracket' as const, ...tp(takeProfit), ...sl(stop) });

describe('simple orders', () => {
  it('take no legs', () => {
    const expected = 'A simple order takes no takeProfit or stopLoss; use orderClass bracket, oto or oco';
    expect(message(tp('110'))).toBe(expected);
    expect(message(sl('90'))).toBe(expected);
  });
});

describe('bracket orders', () => {
  it('accept a limit or market entry with both exits', () => {
    expect(check(bracket('110', '95'))).toBeNull();
    expect(check({ type: 'market', limitPrice: undefined, ...bracket('110', '95') })).toBeNull();
    expect(check({ ...bracket('110', '95'), ...sl('95', '94.50') })).toBeNull();
  });

  it('need both exits', () => {
    expect(message({ orderClass: 'bracket', ...tp('110') })).toBe('A bracket order needs both takeProfit and stopLoss');
    expect(message({ orderClass: 'bracket', ...sl('95') })).toBe('A bracket order needs both takeProfit and stopLoss');
  });

  it('refuse a stop entry', () => {
    expect(message({ type: 'stop', limitPrice: undefined, stopPrice: '101', ...bracket('110', '95') })).toBe(
      "A bracket order's entry must be a market or limit order, not stop",
    );
  });

  it('are day or gtc only', () => {
    expect(check({ timeInForce: 'gtc', ...bracket('110', '95') })).toBeNull();
    expect(message({ timeInForce: 'ioc', ...bracket('110', '95') })).toBe('A bracket order needs timeInForce day or gtc, not ioc');
  });

  it('are not available for crypto', () => {
    const crypto = { ...STOCK, assetClass: 'crypto' };
    expect(message(bracket('110', '95'), crypto)).toBe('A bracket order is not available for crypto; crypto orders are simple');
  });

  it('for a buy, put the take-profit above the entry and the stop below it', () => {
    expect(check(bracket('100.01', '99.99'))).toBeNull();
    expect(check(bracket('100', '95'))).toEqual({
      rule: 'invalid_order',
      message: 'For a buy bracket, takeProfit.limitPrice 100 must be above the entry limitPrice 100',
      limit: '100',
      actual: '100',
    });
    expect(message(bracket('110', '100.5'))).toBe('For a buy bracket, the entry limitPrice 100 must be above stopLoss.stopPrice 100.5');
  });

  it('for a buy at market, put the take-profit above the stop', () => {
    const market = { type: 'market' as const, limitPrice: undefined };
    expect(message({ ...market, ...bracket('95', '95') })).toBe('For a buy bracket, takeProfit.limitPrice 95 must be above stopLoss.stopPrice 95');
  });

  it('for a sell, mirror: take-profit below the entry, stop above', () => {
    expect(check({ side: 'sell', ...bracket('90', '105') })).toBeNull();
    expect(message({ side: 'sell', ...bracket('110', '95') })).toBe(
      'For a sell bracket, takeProfit.limitPrice 110 must be below stopLoss.stopPrice 95',
    );
    expect(message({ side: 'sell', ...bracket('101', '105') })).toBe(
      'For a sell bracket, takeProfit.limitPrice 101 must be below the entry limitPrice 100',
    );
    expect(message({ side: 'sell', ...bracket('90', '99') })).toBe('For a sell bracket, the entry limitPrice 100 must be below stopLoss.stopPrice 99');
  });

  it('hold leg prices to the tick', () => {
    expect(message(bracket('110.005', '95'))).toBe('takeProfit.limitPrice 110.005 is not a multiple of the tick size 0.01');
    expect(message(bracket('110', '95.001'))).toBe('stopLoss.stopPrice 95.001 is not a multiple of the tick size 0.01');
    expect(message({ ...bracket('110', '95'), ...sl('95', '94.999') })).toBe('stopLoss.limitPrice 94.999 is not a multiple of the tick size 0.01');
  });
});

describe('oto orders', () => {
  it('take exactly one exit', () => {
    expect(check({ orderClass: 'oto', ...tp('110') })).toBeNull();
    expect(check({ orderClass: 'oto', ...sl('95') })).toBeNull();
    expect(message({ orderClass: 'oto' })).toBe('An oto order needs exactly one of takeProfit and stopLoss');
    expect(message({ orderClass: 'oto', ...tp('110'), ...sl('95') })).toBe('An oto order needs exactly one of takeProfit and stopLoss');
  });

  it('keep the one exit on the right side of the entry', () => {
    expect(message({ orderClass: 'oto', ...tp('99') })).toBe('For a buy oto, takeProfit.limitPrice 99 must be above the entry limitPrice 100');
    expect(message({ orderClass: 'oto', ...sl('101') })).toBe('For a buy oto, the entry limitPrice 100 must be above stopLoss.stopPrice 101');
  });

  it('refuse a trailing stop entry', () => {
    const entry = { type: 'trailing_stop' as const, limitPrice: undefined, trailPercent: '1' };
    expect(message({ orderClass: 'oto', ...entry, ...tp('110') })).toBe("An oto order's entry must be a market or limit order, not trailing_stop");
  });
});

describe('oco orders', () => {
  // Two exits of a long: sell at 110 (the order's own limit) or stop out at 95.
  const oco = { orderClass: 'oco' as const, side: 'sell' as const, limitPrice: '110', ...sl('95') };

  it('are a limit take-profit plus a stop-loss', () => {
    expect(check(oco)).toBeNull();
    expect(check({ ...oco, ...tp('110.00') })).toBeNull();
  });

  it('need the take-profit leg to match the order limit when given', () => {
    expect(message({ ...oco, ...tp('111') })).toBe("An oco order's takeProfit.limitPrice 111 must equal its limitPrice 110");
  });

  it('need a stop-loss and a limit type', () => {
    expect(message({ ...oco, stopLoss: undefined })).toBe('An oco order needs a stopLoss');
    expect(message({ ...oco, type: 'market', limitPrice: undefined })).toBe('An oco order is a limit order (its limitPrice is the take-profit), not market');
  });

  it('protect a long when selling: take-profit above the stop', () => {
    expect(message({ ...oco, limitPrice: '94' })).toBe('For a sell oco, limitPrice 94 must be above stopLoss.stopPrice 95');
  });

  it('protect a short when buying: take-profit below the stop', () => {
    expect(check({ ...oco, side: 'buy', limitPrice: '90', ...sl('105') })).toBeNull();
    expect(message({ ...oco, side: 'buy' })).toBe('For a buy oco, limitPrice 110 must be below stopLoss.stopPrice 95');
  });
});
