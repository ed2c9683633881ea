import { emaFactor, emaInto, EmaStream } from './ema';
import { assertPeriod, nanSeries } from './series';

export interface MacdLines {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

/**
 * MACD, TA-Lib TA_MACD (ta_MACD.c, INT_MACD), default compatibility:
 *   - slow < fast is swapped, as TA-Lib does.
 *   - Both EMAs produce their first value at index slow-1: the slow one seeded with the mean of
 *     x[0..slow-1], the fast one with the mean of x[slow-fast..slow-1] (TA-Lib starts the fast
 *     EMA late so the two line up; an EMA seeded at fast-1 gives different early values).
 *   - macd = emaFast - emaSlow; signal = EMA(signal) of macd seeded with the mean of its first
 *     `signal` values; histogram = macd - signal.
 *   - All three lines start at index (slow-1) + (signal-1), TA-Lib's lookback (33 for 12/26/9):
 *     TA-Lib does not return the MACD line's earlier values either.
 */
export function macd(values: Float64Array, fast: number, slow: number, signal: number): MacdLines {
  assertPeriod('macd fast', fast);
  assertPeriod('macd slow', slow);
  assertPeriod('macd signal', signal);
  if (slow < fast) [fast, slow] = [slow, fast];
  const length = values.length;
  const lines: MacdLines = { macd: nanSeries(length), signal: nanSeries(length), histogram: nanSeries(length) };
  const start = slow - 1 + (signal - 1);
  if (length <= start) return lines;

  const slowEma = nanSeries(length);
  const line = nanSeries(length);
  emaInto(values, slow, emaFactor(slow), 0, slowEma);
  emaInto(values, fast, emaFactor(fast), slow - fast, line);
  for (let i = slow - 1; i < length; i += 1) line[i] = line[i]! - slowEma[i]!;

  emaInto(line, signal, emaFactor(signal), slow - 1, lines.signal);
  for (let i = start; i < length; i += 1) {
    const value = line[i]!;
    lines.macd[i] = value;
    lines.histogram[i] = value - lines.signal[i]!;
  }
  return lines;
}

/** One bar at a time; `update` returns the MACD line, `signal` and `histogram` follow it. */
export class MacdStream {
  private readonly fastEma: EmaStream;
  private readonly slowEma: EmaStream;
  private readonly signalEma: EmaStream;
  private count = 0;
  private readonly start: number;
  signal = Number.NaN;
  histogram = Number.NaN;

  constructor(fast: number, slow: number, signal: number) {
    assertPeriod('macd fast', fast);
    assertPeriod('macd slow', slow);
    assertPeriod('macd signal', signal);
    if (slow < fast) [fast, slow] = [slow, fast];
    this.fastEma = new EmaStream(fast, slow - fast);
    this.slowEma = new EmaStream(slow);
    this.signalEma = new EmaStream(signal, slow - 1);
    this.start = slow - 1 + (signal - 1);
  }

  update(value: number): number {
    const index = this.count;
    this.count += 1;
    const line = this.fastEma.update(value) - this.slowEma.update(value);
    // Before slow-1 the difference is NaN; the signal EMA skips exactly those bars.
    const signal = this.signalEma.update(line);
    if (index < this.start) return Number.NaN;
    this.signal = signal;
    this.histogram = line - signal;
    return line;
  }
}
