import { describe, expect, it } from 'vitest';
import { BarBuffer } from './bar-buffer';
import { candleData, lineData, volumeData } from './chart-data';
import { PALETTES } from './chart-theme';
import { MIN, columns } from './testing/chart-fixtures';

describe('chart data', () => {
  const bars = new BarBuffer();
  bars.reset(columns([1, 2, 3]));

  it('turns the buffer into candles and coloured volume', () => {
    expect(candleData(bars)[0]).toEqual({ time: 60, open: 1, high: 2, low: 0, close: 1.5 });
    expect(volumeData(bars, PALETTES.dark)[0]).toEqual({ time: 60, value: 10, color: PALETTES.dark.volumeUp });
  });

  it('places indicator values on the bars they belong to, with gaps for warm-up', () => {
    const times = [0, 1, 2, 3, 4].map((m) => m * MIN);
    expect(lineData(times, [9, null, 5, 6, 7], bars)).toEqual([{ time: 60 }, { time: 120, value: 5 }, { time: 180, value: 6 }]);
  });
});
