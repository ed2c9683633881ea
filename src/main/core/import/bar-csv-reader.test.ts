import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BarCsvReader, type ReaderOptions } from './bar-csv-reader';

function read(text: string, options: Partial<ReaderOptions> = {}) {
  const reader = new BarCsvReader({ fileName: 'my_export.csv', keepBars: true, requireSymbol: true, maxErrors: 50, sampleRows: 3, ...options });
  parse(text, { relax_column_count: true }).forEach((record: string[], i: number) => reader.accept(record, i + 1));
  return reader.finish();
}

const GENERIC = `symbol,timestamp,open,high,low,close,volume
AAA,2026-01-26T14:30:00Z,10,11,9,10.5,100
BBB,2026-01-26T14:30:00Z,20,21,19,20.5,200
AAA,2026-01-26T14:35:00Z,10.5,11,10,10.75,50.5
BBB,2026-01-26T14:35:00Z,20.5,21,20,20.25,0
`;

describe('BarCsvReader', () => {
  it('reads a generic file into bars per symbol with the detected timeframe', () => {
    const result = read(GENERIC);
    expect(result).toMatchObject({ format: 'generic', symbol: 'AAA', timeframe: '5m', rows: 4, errorCount: 0, errors: [] });
    expect(result.sampleRows).toEqual([
      ['AAA', '2026-01-26T14:30:00Z', '10', '11', '9', '10.5', '100'],
      ['BBB', '2026-01-26T14:30:00Z', '20', '21', '19', '20.5', '200'],
      ['AAA', '2026-01-26T14:35:00Z', '10.5', '11', '10', '10.75', '50.5'],
    ]);
    expect(result.bars.symbols()).toEqual(['AAA', 'BBB']);
    expect(result.bars.slice('AAA', 0, 10)).toEqual([
      { time: Date.UTC(2026, 0, 26, 14, 30), open: 10, high: 11, low: 9, close: 10.5, volume: 100, vwap: null, trades: null },
      { time: Date.UTC(2026, 0, 26, 14, 35), open: 10.5, high: 11, low: 10, close: 10.75, volume: 50.5, vwap: null, trades: null },
    ]);
    expect(result.notes).toContain('Times carry their zone (Z or an offset).');
  });

  it('takes only the named symbol from a file with a symbol column', () => {
    const result = read(GENERIC, { symbol: 'BBB' });
    expect(result).toMatchObject({ symbol: 'BBB', rows: 2 });
    expect(result.bars.symbols()).toEqual(['BBB']);
    expect(read(GENERIC, { symbol: 'CCC' }).errors).toEqual([{ line: 0, message: 'The file has no rows for CCC' }]);
  });

  it('checks prices: high above the rest, low below, finite numbers, volume not negative', () => {
    const result = read(`Date,Open,High,Low,Close,Volume
2024-01-02,10,9.5,9,9.25,1
2024-01-03,10,11,10.5,10.75,1
2024-01-04,10,11,9,12,1
2024-01-05,,11,9,10,1
2024-01-08,10,11,9,0x10,1
2024-01-09,10,11,9,10,1e400
2024-01-10,10,11,9,10
`, { symbol: 'AAA' });
    expect(result.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '2: high 9.5 is below open 10',
      '3: low 10.5 is above open 10',
      '4: high 11 is below close 12',
      '5: open is not a number ("")',
      '6: close is not a number ("0x10")',
      '7: volume is out of range (1e400)',
      '8: volume is missing (the row has 5 fields)',
    ]);
    expect(result.errorCount).toBe(7);
  });

  it('keeps the first errors in full and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},1,0,1,1,1`);
    const result = read(['Date,Open,High,Low,Close,Volume', ...rows].join('\n'), { symbol: 'AAA', maxErrors: 5 });
    expect(result.errors).toHaveLength(5);
    expect(result.errorCount).toBe(30);
  });

  it('leaves the symbol open in a preview and demands it in a commit', () => {
    const text = 'Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,1\n';
    expect(read(text, { requireSymbol: false })).toMatchObject({ symbol: null, errors: [], format: 'per-symbol' });
    expect(read(text).errors[0]?.message).toMatch(/which symbol/);
    expect(read(text, { fileName: 'msft.csv' })).toMatchObject({ symbol: 'MSFT', errors: [] });
    expect(read(text, { fileName: 'msft.csv' }).bars.symbols()).toEqual(['MSFT']);
  });

  it('uses a hand-made mapping and reports an empty file or a broken read', () => {
    const text = 'x,y,z\nfoo,1704205800,5,4,6,5.5\n';
    const mapped = read(text, { symbol: 'AAA', timeframe: '1m', mapping: { symbol: null, time: 1, open: 2, high: 4, low: 3, close: 5, volume: null } });
    expect(mapped).toMatchObject({ errors: [], timeframe: '1m' });
    expect(mapped.bars.slice('AAA', 0, 1)[0]).toMatchObject({ time: 1_704_205_800_000, open: 5, high: 6, low: 4, close: 5.5, volume: 0 });
    expect(read('').errors).toEqual([{ line: 0, message: 'The file is empty' }]);
    const reader = new BarCsvReader({ fileName: 'a.csv', keepBars: false, requireSymbol: false, maxErrors: 5 });
    reader.accept(['Date', 'Open', 'High', 'Low', 'Close'], 1);
    reader.fail(2, 'The gzip data is corrupt');
    expect(reader.finish()).toMatchObject({ errorCount: 2, errors: [{ line: 2, message: 'The gzip data is corrupt' }, { line: 0, message: 'The file has no data rows' }] });
  });
});
