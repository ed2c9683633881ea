import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money/decimal';
import { MarketState, tapeOf } from './market-state';
import { bar, et, quote, trade } from './test-harness';

const TICK = new Decimal('0.01');

describe('MarketState', () => {
  it('matches a symbol on its best kind of data: bars until trades come, trades until quotes come', () => {
    const state = new MarketState();
    expect(state.record(bar(et('10:00'), [1, 1, 1, 1]))).toEqual({ symbol: 'AAPL', drives: true });
    expect(state.record(trade(et('10:01'), 100))).toEqual({ symbol: 'AAPL', drives: true });
    expect(state.record(bar(et('10:01'), [1, 1, 1, 1]))).toEqual({ symbol: 'AAPL', drives: false });
    expect(state.record(quote(et('10:02'), 99.98, 100.02))).toEqual({ symbol: 'AAPL', drives: true });
    expect(state.record(trade(et('10:02'), 100))).toEqual({ symbol: 'AAPL', drives: false });
    expect(state.record({ type: 'status', state: 'connected', label: 'x' } as never)).toBeNull();
  });

  it('gives the current market from the last quote, else the last trade, else the last bar close', () => {
    const state = new MarketState();
    expect(state.current('AAPL', TICK)).toBeNull();
    state.record(bar(et('10:00'), [100, 101, 99, 100.5]));
    expect(state.current('AAPL', TICK)).toMatchObject({ source: 'bar', open: new Decimal('100.5'), low: new Decimal('100.5') });
    state.record(trade(et('10:01'), 100.25));
    expect(state.current('AAPL', TICK)).toMatchObject({ source: 'trade', price: new Decimal('100.25') });
    state.record(quote(et('10:02'), 100.2, 100.3));
    expect(state.current('AAPL', TICK)).toMatchObject({ source: 'quote', bid: new Decimal('100.2'), ask: new Decimal('100.3') });
  });

  it('knows the first regular-session event of each day', () => {
    const state = new MarketState();
    const close = Date.UTC(2024, 2, 15, 20, 0);
    expect(state.markRegular('AAPL', close)).toBe(true);
    expect(state.markRegular('AAPL', close)).toBe(false);
    expect(state.markRegular('AAPL', Date.UTC(2024, 2, 18, 20, 0))).toBe(true);
  });
});

describe('tapeOf', () => {
  it('rounds feed floats to the tick', () => {
    expect(tapeOf(trade(et('10:00'), 100.004999), TICK)).toMatchObject({ price: new Decimal('100') });
  });

  it('dates an intraday bar at its last instant and a daily bar at its start', () => {
    expect(tapeOf(bar(et('09:29'), [1, 1, 1, 1]), TICK)?.time).toBe(et('09:30') - 1);
    const daily = { type: 'bar', symbol: 'AAPL', timeframe: '1d', bar: { time: et('00:00'), open: 1, high: 1, low: 1, close: 1, volume: 1, vwap: null, trades: null } } as const;
    expect(tapeOf(daily, TICK)).toMatchObject({ time: et('00:00'), daily: true });
  });
});
