import { describe, expect, it } from 'vitest';
import { Decimal, price, type Price } from '@shared/money/decimal';
import { match, rangeOf, trailStop, type MatchInput, type PriceRange } from './matching';

const TICK = new Decimal('0.01');

const range = (open: string, high: string, low: string, close: string): PriceRange => ({
  open: price(open),
  high: price(high),
  low: price(low),
  close: price(close),
});
const at = (value: string): PriceRange => range(value, value, value, value);

const input = (overrides: Partial<MatchInput>): MatchInput => ({
  side: 'buy',
  type: 'market',
  limitPrice: null,
  stopPrice: null,
  trailAmount: null,
  trailPercent: null,
  trailReference: null,
  triggered: false,
  ...overrides,
});
const p = (value: string): Price => price(value);
const text = (value: Decimal | null): string | null => (value === null ? null : value.toFixed());

describe('rangeOf', () => {
  it('gives buys the ask and sells the bid of a quote', () => {
    const tape = { source: 'quote', time: 0, bid: p('99.98'), ask: p('100.02'), bidSize: 5, askSize: 7 } as const;
    expect(rangeOf(tape, 'buy')?.open.toFixed()).toBe('100.02');
    expect(rangeOf(tape, 'sell')?.open.toFixed()).toBe('99.98');
  });

  it('offers nothing on a side of a quote with no price', () => {
    const tape = { source: 'quote', time: 0, bid: p('0'), ask: p('100.02'), bidSize: 0, askSize: 7 } as const;
    expect(rangeOf(tape, 'sell')).toBeNull();
  });
});

describe('match on a bar', () => {
  const bar = range('100.00', '101.00', '99.00', '100.50');

  it('fills a market order at the open', () => {
    expect(text(match(input({}), bar, TICK).fillAt)).toBe('100');
  });

  it('fills a buy limit inside the range at the limit, and a gap below it at the open', () => {
    expect(text(match(input({ type: 'limit', limitPrice: p('99.50') }), bar, TICK).fillAt)).toBe('99.5');
    const gapDown = range('98.90', '99.20', '98.50', '99.00');
    expect(text(match(input({ type: 'limit', limitPrice: p('99.50') }), gapDown, TICK).fillAt)).toBe('98.9');
    expect(match(input({ type: 'limit', limitPrice: p('98.99') }), bar, TICK).fillAt).toBeNull();
  });

  it('fills a sell limit at the limit, or at a higher open', () => {
    expect(text(match(input({ side: 'sell', type: 'limit', limitPrice: p('100.80') }), bar, TICK).fillAt)).toBe('100.8');
    expect(text(match(input({ side: 'sell', type: 'limit', limitPrice: p('99.50') }), bar, TICK).fillAt)).toBe('100');
  });

  it('triggers a buy stop at the stop, and at the open when the bar gaps through it', () => {
    const stop = match(input({ type: 'stop', stopPrice: p('100.75') }), bar, TICK);
    expect(stop).toEqual({ trail: null, triggered: true, fillAt: p('100.75') });
    const gap = match(input({ type: 'stop', stopPrice: p('99.50') }), bar, TICK);
    expect(text(gap.fillAt)).toBe('100');
    expect(match(input({ type: 'stop', stopPrice: p('101.01') }), bar, TICK).triggered).toBe(false);
  });

  it('fills a sell stop gapped through at the lower open', () => {
    const gapDown = range('94.00', '94.80', '93.50', '94.20');
    expect(text(match(input({ side: 'sell', type: 'stop', stopPrice: p('95.00') }), gapDown, TICK).fillAt)).toBe('94');
  });

  it('triggers a stop-limit that gapped past its limit without filling it', () => {
    const gapUp = range('101.50', '102.00', '101.40', '101.80');
    const order = input({ type: 'stop_limit', stopPrice: p('101.00'), limitPrice: p('101.20') });
    expect(match(order, gapUp, TICK)).toEqual({ trail: null, triggered: true, fillAt: null });
    const later = range('101.30', '101.35', '101.10', '101.15');
    expect(text(match({ ...order, triggered: true }, later, TICK).fillAt)).toBe('101.2');
  });

  it('fills a stop-limit on its triggering bar when the trigger is within the limit', () => {
    const order = input({ side: 'sell', type: 'stop_limit', stopPrice: p('99.50'), limitPrice: p('99.25') });
    expect(match(order, bar, TICK)).toEqual({ trail: null, triggered: true, fillAt: p('99.50') });
  });
});

describe('trailing stops', () => {
  it('rounds the trail stop to the tick away from the market', () => {
    // 187.33 × (1 − 1.5%) = 184.52005 → 184.52 for a sell; 187.33 × 1.015 = 190.13995 → 190.14 for a buy.
    expect(trailStop({ side: 'sell', trailAmount: null, trailPercent: new Decimal('1.5') }, p('187.33'), TICK).toFixed()).toBe('184.52');
    expect(trailStop({ side: 'buy', trailAmount: null, trailPercent: new Decimal('1.5') }, p('187.33'), TICK).toFixed()).toBe('190.14');
    expect(trailStop({ side: 'sell', trailAmount: p('1.25'), trailPercent: null }, p('100.10'), TICK).toFixed()).toBe('98.85');
  });

  it('sets the reference on the first price and moves it only when the price improves', () => {
    const order = input({ side: 'sell', type: 'trailing_stop', trailAmount: p('1.00') });
    const first = match(order, at('100.00'), TICK);
    expect(first).toEqual({ trail: { reference: p('100.00'), stopPrice: p('99.00') }, triggered: false, fillAt: null });
    const up = match({ ...order, trailReference: p('100.00') }, at('100.50'), TICK);
    expect(up.trail).toEqual({ reference: p('100.50'), stopPrice: p('99.50') });
    expect(match({ ...order, trailReference: p('100.50') }, at('100.20'), TICK)).toEqual({ trail: null, triggered: false, fillAt: null });
    expect(match({ ...order, trailReference: p('100.50') }, at('99.40'), TICK)).toEqual({ trail: null, triggered: true, fillAt: p('99.40') });
  });

  it('checks the standing stop before the bar moves the reference', () => {
    const order = input({ side: 'sell', type: 'trailing_stop', trailAmount: p('2.00'), trailReference: p('105.00') });
    // Stop 103: the bar opens at 104 and trades down to 102.50.
    expect(match(order, range('104.00', '106.00', '102.50', '105.50'), TICK)).toEqual({ trail: null, triggered: true, fillAt: p('103.00') });
  });

  it('triggers on a bar that makes a new high and closes through the moved stop', () => {
    const order = input({ side: 'sell', type: 'trailing_stop', trailAmount: p('2.00'), trailReference: p('101.00') });
    const result = match(order, range('101.00', '105.00', '100.00', '102.50'), TICK);
    // The standing stop 99 is not touched (low 100); the high moves it to 103; the close 102.50 is below.
    expect(result).toEqual({ trail: { reference: p('105.00'), stopPrice: p('103.00') }, triggered: true, fillAt: p('103.00') });
  });

  it('mirrors for buys: the reference is the low and the stop sits above it', () => {
    const order = input({ side: 'buy', type: 'trailing_stop', trailPercent: new Decimal(2), trailReference: p('50.00') });
    expect(match(order, at('49.00'), TICK).trail).toEqual({ reference: p('49.00'), stopPrice: p('49.98') });
    expect(match({ ...order, trailReference: p('49.00') }, at('50.00'), TICK)).toEqual({ trail: null, triggered: true, fillAt: p('50.00') });
  });
});
