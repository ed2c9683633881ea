import { describe, expect, it } from 'vitest';
import { fill, order } from '../../store/trading/testing/trading-fixtures';
import { BarBuffer } from './bar-buffer';
import { MIN, columns } from './testing/chart-fixtures';
import { barIndexAt, fillMarkers, orderLines } from './trade-overlay';

function bars(minutes: number[], offsetMs = 0): BarBuffer {
  const buffer = new BarBuffer(() => offsetMs);
  buffer.reset(columns(minutes));
  return buffer;
}

describe('barIndexAt', () => {
  it('finds the bar that opens at or before a time', () => {
    const buffer = bars([10, 11, 12]);
    expect(barIndexAt(buffer, 10 * MIN)).toBe(0);
    expect(barIndexAt(buffer, 11 * MIN + 59_999)).toBe(1);
    expect(barIndexAt(buffer, 20 * MIN)).toBe(2);
    expect(barIndexAt(buffer, 10 * MIN - 1)).toBe(-1);
  });
});

describe('fillMarkers', () => {
  it('puts buys under and sells over the bar that holds them, in chart time', () => {
    const buffer = bars([10, 11, 12], -4 * 3_600_000);
    const markers = fillMarkers(
      [
        fill('s1', { side: 'sell', quantity: '50', price: '12.5', time: 12 * MIN + 5_000 }),
        fill('b1', { side: 'buy', quantity: '1000', price: '12.34', time: 11 * MIN + 30_000 }),
        fill('other', { symbol: 'SIM:QQQ', time: 11 * MIN }),
        fill('early', { time: 9 * MIN }),
      ],
      'SIM:SPY',
      buffer,
    );
    expect(markers).toEqual([
      { id: 'b1', time: (11 * MIN - 4 * 3_600_000) / 1000, side: 'buy', position: 'belowBar', shape: 'arrowUp', text: 'B 1,000 @ 12.34' },
      { id: 's1', time: (12 * MIN - 4 * 3_600_000) / 1000, side: 'sell', position: 'aboveBar', shape: 'arrowDown', text: 'S 50 @ 12.50' },
    ]);
  });

  it('has nothing to place before bars load', () => {
    expect(fillMarkers([fill('f1')], 'SIM:SPY', new BarBuffer())).toEqual([]);
  });
});

describe('orderLines', () => {
  it('draws working orders at their resting price with the open quantity', () => {
    const lines = orderLines(
      [
        order('a', { type: 'limit', limitPrice: '450.25', quantity: '100', filledQuantity: '40', status: 'partially_filled' }),
        order('b', { type: 'stop', side: 'sell', limitPrice: null, stopPrice: '440' }),
        order('c', { type: 'stop_limit', limitPrice: '441', stopPrice: '440.5' }),
        order('d', { type: 'stop_limit', limitPrice: '441', stopPrice: '440.5', triggered: true }),
        order('e', { type: 'trailing_stop', side: 'sell', limitPrice: null, stopPrice: '447.5', trailPercent: '1' }),
      ],
      'SIM:SPY',
    );
    expect(lines).toEqual([
      { id: 'a', price: 450.25, side: 'buy', title: 'BUY LMT 60' },
      { id: 'b', price: 440, side: 'sell', title: 'SELL STP 100' },
      { id: 'c', price: 440.5, side: 'buy', title: 'BUY STP LMT 100' },
      { id: 'd', price: 441, side: 'buy', title: 'BUY LMT 100' },
      { id: 'e', price: 447.5, side: 'sell', title: 'SELL TRAIL 100' },
    ]);
  });

  it('leaves out finished orders, market orders and other symbols', () => {
    const lines = orderLines(
      [
        order('done', { status: 'filled' }),
        order('gone', { status: 'canceled' }),
        order('mkt', { type: 'market', limitPrice: null }),
        order('qqq', { symbol: 'SIM:QQQ' }),
      ],
      'SIM:SPY',
    );
    expect(lines).toEqual([]);
  });
});
