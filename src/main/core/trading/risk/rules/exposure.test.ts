import { describe, expect, it } from 'vitest';
import { price, quantity, toDecimalString } from '@shared/money/decimal';
import { makeContext, type ContextInput } from '../test-orders';
import { increaseValue, increasingQuantity, isReducing, projectedPosition, reducibleQuantity } from './exposure';

const sell = (qty: number) => ({ side: 'sell' as const, quantity: quantity(qty) });
const buy = (qty: number) => ({ side: 'buy' as const, quantity: quantity(qty) });

function split(input: ContextInput) {
  const ctx = makeContext(input);
  return {
    reducible: toDecimalString(reducibleQuantity(ctx)),
    increasing: toDecimalString(increasingQuantity(ctx)),
    reducing: isReducing(ctx),
  };
}

describe('reducing and increasing parts of an order', () => {
  it('treats a buy with no position as wholly opening', () => {
    expect(split({ order: buy(100) })).toEqual({ reducible: '0', increasing: '100', reducing: false });
  });

  it('treats a sell within the long as reducing', () => {
    expect(split({ order: sell(100), position: 300 })).toEqual({ reducible: '300', increasing: '0', reducing: true });
  });

  it('splits a sell beyond the long into closing and shorting parts', () => {
    expect(split({ order: sell(500), position: 300 })).toEqual({ reducible: '300', increasing: '200', reducing: false });
  });

  it('counts working sells against the long: two sells cannot close the same shares', () => {
    expect(split({ order: sell(100), position: 300, working: -250 })).toEqual({ reducible: '50', increasing: '50', reducing: false });
  });

  it('ignores working buys when judging a sell: they may never fill', () => {
    expect(split({ order: sell(400), position: 300, working: 200 })).toEqual({ reducible: '300', increasing: '100', reducing: false });
  });

  it('treats a buy within the short as reducing, and counts working buys against it', () => {
    expect(split({ order: buy(100), position: -300 })).toMatchObject({ reducible: '300', reducing: true });
    expect(split({ order: buy(100), position: -300, working: 250 })).toEqual({ reducible: '50', increasing: '50', reducing: false });
  });

  it('measures only what is left of a partly filled order', () => {
    const order = { ...sell(500), filledQuantity: quantity(300) };
    expect(split({ order, position: 200 })).toEqual({ reducible: '200', increasing: '0', reducing: true });
  });
});

describe('projectedPosition', () => {
  it('adds same-side working orders and the order, signed', () => {
    expect(toDecimalString(projectedPosition(makeContext({ order: buy(100), position: 200, working: 50 })))).toBe('350');
    expect(toDecimalString(projectedPosition(makeContext({ order: sell(500), position: 200, working: -100 })))).toBe('-400');
  });

  it('leaves out working orders on the other side', () => {
    expect(toDecimalString(projectedPosition(makeContext({ order: buy(100), position: 200, working: -150 })))).toBe('300');
  });
});

describe('increaseValue', () => {
  it('values the opening part at the reference price', () => {
    const ctx = makeContext({ order: { ...sell(500), type: 'limit', limitPrice: price('101.25') }, position: 300 });
    expect(toDecimalString(increaseValue(ctx)!)).toBe('20250');
  });

  it('is null without a reference price', () => {
    expect(increaseValue(makeContext({ lastPrice: null }))).toBeNull();
  });
});
