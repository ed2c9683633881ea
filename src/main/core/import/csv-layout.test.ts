import { describe, expect, it } from 'vitest';
import { detectLayout } from './csv-layout';
import { normaliseSymbol, symbolFromFileName } from './file-symbol';

describe('detectLayout', () => {
  it('recognises Yahoo by Adj Close and uses Close', () => {
    const layout = detectLayout(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'], 'AAPL.csv');
    expect(layout).toMatchObject({ format: 'yahoo', fileSymbol: 'AAPL', recognised: true, clockColumn: null, zone: 'UTC' });
    expect(layout.mapping).toEqual({ symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: 6 });
  });

  it('recognises Stooq daily by OpenInt, and Stooq intraday by its <TICKER>/<DATE>/<TIME> header in Warsaw time', () => {
    expect(detectLayout(['Date', 'Open', 'High', 'Low', 'Close', 'Volume', 'OpenInt'], 'spy.us.txt')).toMatchObject({ format: 'stooq', fileSymbol: 'SPY' });
    const intraday = detectLayout(['<TICKER>', '<PER>', '<DATE>', '<TIME>', '<OPEN>', '<HIGH>', '<LOW>', '<CLOSE>', '<VOL>', '<OPENINT>'], 'aapl.us.txt');
    expect(intraday).toMatchObject({ format: 'stooq', clockColumn: 3, zone: 'Europe/Warsaw', symbolSuffix: '.US' });
    expect(intraday.mapping).toEqual({ symbol: 0, time: 2, open: 4, high: 5, low: 6, close: 7, volume: 8 });
  });

  it('recognises generic files by a symbol column, and per-symbol files otherwise', () => {
    expect(detectLayout(['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'], 'all.csv.gz')).toMatchObject({
      format: 'generic',
      mapping: { symbol: 0, time: 1, open: 2, high: 3, low: 4, close: 5, volume: 6 },
    });
    expect(detectLayout(['', 'Open', 'High', 'Low', 'Close', 'Volume'], 'backtestingpy__GOOG.csv')).toMatchObject({
      format: 'per-symbol',
      fileSymbol: null,
      mapping: { time: 0, open: 1, volume: 5 },
    });
    expect(detectLayout(['\uFEFFDATE', 'OPEN', 'HIGH', 'LOW', 'CLOSE'], 'vix-daily.csv')).toMatchObject({ recognised: true, mapping: { time: 0, volume: null } });
  });

  it('falls back to a positional guess, marked unrecognised, for a header it cannot read', () => {
    const layout = detectLayout(['when', 'a', 'b', 'c2', 'd', 'qty'], 'x.csv');
    expect(layout.recognised).toBe(false);
    expect(layout.mapping).toEqual({ symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 });
  });
});

describe('symbols from file names and cells', () => {
  it('takes a ticker-like file name and drops Stooq market suffixes', () => {
    expect(symbolFromFileName('/data/spy.us.txt')).toBe('SPY');
    expect(symbolFromFileName('C:\\data\\brk-b.us.txt.gz')).toBe('BRK-B');
    expect(symbolFromFileName('AAPL.csv')).toBe('AAPL');
    expect(symbolFromFileName('mplfinance__yahoofinance-SPY-20080101-20180101.csv')).toBeNull();
    expect(symbolFromFileName('daily_stocknet.csv.gz')).toBeNull();
    expect(symbolFromFileName('2024.csv')).toBeNull();
  });

  it('upper-cases cells and drops the format suffix', () => {
    expect(normaliseSymbol(' aapl.us ', '.US')).toBe('AAPL');
    expect(normaliseSymbol('BRK.B', null)).toBe('BRK.B');
  });
});
