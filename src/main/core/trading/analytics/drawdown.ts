/** Drawdowns of an equity curve, as floats (statistics, not money). */

export interface DrawdownSummary {
  /** The deepest equity / running peak − 1: zero or negative. */
  maxDrawdown: number;
  /** From the peak before the deepest drawdown to its recovery, or to the last point if none. */
  durationMs: number;
  peakIndex: number;
  troughIndex: number;
  /** The first point back at or above that peak; null when the curve never got there. */
  recoveryIndex: number | null;
}

/** equity / running peak − 1 at every point (≤ 0), written into `series` (as long as `equity`). A non-positive peak gives 0: there is nothing to fall from. */
export function drawdownSeries(equity: ArrayLike<number>, series: Float64Array = new Float64Array(equity.length)): Float64Array {
  if (series.length !== equity.length) throw new RangeError(`${equity.length} equity points but room for ${series.length} drawdowns`);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i += 1) {
    const value = equity[i] ?? Number.NaN;
    if (value > peak) peak = value;
    series[i] = peak > 0 ? value / peak - 1 : 0;
  }
  return series;
}

/** The deepest drawdown and how long it lasted; null for an empty curve. `series`: drawdownSeries(equity) when the caller has it already. */
export function maxDrawdown(equity: ArrayLike<number>, times: ArrayLike<number>, series: ArrayLike<number> = drawdownSeries(equity)): DrawdownSummary | null {
  if (equity.length === 0) return null;
  if (times.length !== equity.length || series.length !== equity.length) throw new RangeError(`${equity.length} equity points but ${times.length} times and ${series.length} drawdowns`);
  let peakIndex = 0;
  let worst = { value: 0, peakIndex: 0, troughIndex: 0 };
  for (let i = 0; i < series.length; i += 1) {
    const value = series[i] ?? 0;
    if (value === 0) peakIndex = i;
    else if (value < worst.value) worst = { value, peakIndex, troughIndex: i };
  }
  const last = series.length - 1;
  if (worst.value === 0) return { maxDrawdown: 0, durationMs: 0, peakIndex: last, troughIndex: last, recoveryIndex: null };
  const peak = equity[worst.peakIndex] ?? 0;
  let recoveryIndex: number | null = null;
  for (let i = worst.troughIndex + 1; i < equity.length && recoveryIndex === null; i += 1) {
    if ((equity[i] ?? -Infinity) >= peak) recoveryIndex = i;
  }
  const end = times[recoveryIndex ?? last] ?? 0;
  return {
    maxDrawdown: worst.value,
    durationMs: end - (times[worst.peakIndex] ?? 0),
    peakIndex: worst.peakIndex,
    troughIndex: worst.troughIndex,
    recoveryIndex,
  };
}
