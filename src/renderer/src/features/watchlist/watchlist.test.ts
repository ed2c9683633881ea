import { describe, expect, it } from 'vitest';
import { MAX_WATCHLIST, addSymbol, removeSymbol } from './watchlist-edit';
import { tickerView } from './ticker-view';

describe('watchlist editing', () => {
  it('adds a symbol once, at the end', () => {
    const list = ['SIM:SPY'];
    expect(addSymbol(list, 'AAPL')).toEqual(['SIM:SPY', 'AAPL']);
    expect(addSymbol(list, 'SIM:SPY')).toBe(list);
  });

  it('stops at the limit', () => {
    const full = Array.from({ length: MAX_WATCHLIST }, (_, i) => `S${i}`);
    expect(addSymbol(full, 'X')).toBe(full);
  });

  it('removes a symbol', () => {
    expect(removeSymbol(['A', 'B'], 'A')).toEqual(['B']);
    const list = ['A'];
    expect(removeSymbol(list, 'Z')).toBe(list);
  });
});

describe('tickerView', () => {
  it('shows last, change and change % against the previous close', () => {
    expect(tickerView({ symbol: 'A', last: 101, previousClose: 100, time: 1 })).toEqual({
      last: '101.00',
      change: '+1.00',
      percent: '+1.00%',
      direction: 'up',
    });
    expect(tickerView({ symbol: 'A', last: 99.5, previousClose: 100, time: 1 }).direction).toBe('down');
  });

  it('shows dashes for what is not known', () => {
    expect(tickerView(undefined).last).toBe('—');
    expect(tickerView({ symbol: 'A', last: 5, previousClose: null, time: 1 })).toEqual({ last: '5.00', change: '—', percent: '—', direction: 'flat' });
  });
});
