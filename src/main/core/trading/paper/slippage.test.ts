import { describe, expect, it } from 'vitest';
import { Decimal, price, quantity } from '@shared/money/decimal';
import type { Tape } from './market-state';
import { eventVolume, Liquidity, slippedPrice, type SlipInput } from './slippage';

const TICK = new Decimal('0.01');
const slip = (overrides: Partial<SlipInput>): SlipInput => ({
  side: 'buy',
  price: price('100.00'),
  tick: TICK,
  source: 'trade',
  quantity: quantity(100),
  volume: new Decimal(1000),
  ...overrides,
});
const quoteTape: Tape = { source: 'quote', time: 0, bid: price('99.98'), ask: price('100.02'), bidSize: 300, askSize: 40 };
const tradeTape: Tape = { source: 'trade', time: 0, price: price('80.00'), size: 400 };

describe('slippedPrice', () => {
  it('leaves the price alone with no model', () => {
    expect(slippedPrice({ model: 'none' }, slip({ price: price('187.33') })).toFixed()).toBe('187.33');
  });

  it('moves fixed basis points against the trader and rounds against the trader', () => {
    const model = { model: 'fixed_bps', bps: '3' } as const;
    // 187.33 × 1.0003 = 187.386199 → up to 187.39; 187.33 × 0.9997 = 187.273801 → down to 187.27.
    expect(slippedPrice(model, slip({ price: price('187.33') })).toFixed()).toBe('187.39');
    expect(slippedPrice(model, slip({ side: 'sell', price: price('187.33') })).toFixed()).toBe('187.27');
  });

  it('rounds to ticks that are not a power of ten, and to whole-unit ticks, against the trader', () => {
    const model = { model: 'fixed_bps', bps: '3' } as const;
    // 187.386199 → up to 187.40 on a 0.05 tick; 187.273801 → down to 187.25; on a tick of 1: 188 and 187.
    expect(slippedPrice(model, slip({ price: price('187.33'), tick: new Decimal('0.05') })).toFixed()).toBe('187.4');
    expect(slippedPrice(model, slip({ side: 'sell', price: price('187.33'), tick: new Decimal('0.05') })).toFixed()).toBe('187.25');
    expect(slippedPrice(model, slip({ price: price('187.33'), tick: new Decimal(1) })).toFixed()).toBe('188');
    expect(slippedPrice(model, slip({ side: 'sell', price: price('187.33'), tick: new Decimal(10) })).toFixed()).toBe('180');
    // 0.0001 tick (four places): 187.386199 → 187.3862.
    expect(slippedPrice(model, slip({ price: price('187.33'), tick: new Decimal('0.0001') })).toFixed()).toBe('187.3862');
  });

  it('adds nothing to quotes under the spread model and half the fallback spread to trades and bars', () => {
    const model = { model: 'spread', fallbackSpreadBps: '2' } as const;
    expect(slippedPrice(model, slip({ source: 'quote', price: price('100.02') })).toFixed()).toBe('100.02');
    // 250 × 1.0001 = 250.025 → 250.03; 250 × 0.9999 = 249.975 → 249.97.
    expect(slippedPrice(model, slip({ price: price('250.00') })).toFixed()).toBe('250.03');
    expect(slippedPrice(model, slip({ source: 'bar', side: 'sell', price: price('250.00') })).toFixed()).toBe('249.97');
  });

  it('charges market impact by the square root of the share of volume taken', () => {
    const model = { model: 'volume', participation: '1', impactBps: '10' } as const;
    // 25 of 400 → sqrt(1/16) = 0.25 → 2.5 bps: 80 × 1.00025 = 80.02; 80 × 0.99975 = 79.98.
    expect(slippedPrice(model, slip({ price: price('80.00'), quantity: quantity(25), volume: new Decimal(400) })).toFixed()).toBe('80.02');
    expect(slippedPrice(model, slip({ side: 'sell', price: price('80.00'), quantity: quantity(25), volume: new Decimal(400) })).toFixed()).toBe('79.98');
    // 100 of 400 → 0.5 → 5 bps on 187.33: 187.423665 → 187.43.
    expect(slippedPrice(model, slip({ price: price('187.33'), quantity: quantity(100), volume: new Decimal(400) })).toFixed()).toBe('187.43');
  });
});

describe('eventVolume', () => {
  it('is the touch size for quotes, the size for trades and null when the feed gives none', () => {
    expect(eventVolume(quoteTape, 'buy')?.toFixed()).toBe('40');
    expect(eventVolume(quoteTape, 'sell')?.toFixed()).toBe('300');
    expect(eventVolume(tradeTape, 'sell')?.toFixed()).toBe('400');
    expect(eventVolume({ ...tradeTape, size: 0 }, 'buy')).toBeNull();
  });
});

describe('Liquidity', () => {
  it('shares the touch size among orders of one side and keeps sides apart', () => {
    const pool = new Liquidity({ model: 'none' }, quoteTape);
    expect(pool.available('buy', Decimal(1))?.toFixed()).toBe('40');
    pool.take('buy', new Decimal(30));
    expect(pool.available('buy', Decimal(1))?.toFixed()).toBe('10');
    expect(pool.available('sell', Decimal(1))?.toFixed()).toBe('300');
  });

  it('takes only the participation share under the volume model, rounded down to the lot', () => {
    const pool = new Liquidity({ model: 'volume', participation: '0.1', impactBps: '0' }, { ...tradeTape, size: 555 });
    expect(pool.available('buy', Decimal(1))?.toFixed()).toBe('55');
    expect(pool.available('buy', Decimal(10))?.toFixed()).toBe('50');
  });

  it('is unlimited without a size, except under the volume model, which then takes nothing', () => {
    const sizeless: Tape = { ...tradeTape, size: 0 };
    expect(new Liquidity({ model: 'fixed_bps', bps: '1' }, sizeless).available('buy', Decimal(1))).toBeNull();
    expect(new Liquidity({ model: 'volume', participation: '0.5', impactBps: '5' }, sizeless).available('buy', Decimal(1))?.toFixed()).toBe('0');
  });
});
