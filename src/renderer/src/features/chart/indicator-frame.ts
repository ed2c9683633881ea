import type { IndicatorKind, IndicatorSeries } from '@shared/dto/indicators';

/** A `md.indicators` answer as the chart holds it: one time axis (epoch ms) and the lines over it. */
export interface IndicatorFrame {
  time: number[];
  series: IndicatorSeries[];
}

/** New values for one line, oldest first, to apply with `series.update()`. */
export interface LineChange {
  id: string;
  line: number;
  points: { time: number; value: number | null }[];
}

/**
 * Indicators whose level depends on where the computation started: a refresh over the last
 * few thousand bars is put back on the full history's level at a shared bar before merging.
 */
const CUMULATIVE: ReadonlySet<IndicatorKind> = new Set(['obv']);

/** Index of the first time >= `time` in a sorted array (its length when none). */
export function lowerBound(times: readonly number[], time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] ?? 0) < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function indexOfTime(times: readonly number[], time: number): number {
  const at = lowerBound(times, time);
  return times[at] === time ? at : -1;
}

/** The values of every line of an indicator at a time (null during warm-up or when absent). */
export function valuesAt(frame: IndicatorFrame | null, id: string, time: number): (number | null)[] {
  const series = frame?.series.find((entry) => entry.id === id);
  if (!frame || !series) return [];
  const at = indexOfTime(frame.time, time);
  return series.lines.map((line) => (at < 0 ? null : (line.values[at] ?? null)));
}

/** Like valuesAt, but at the latest bar at or before `time` that has values (the live edge). */
export function latestValuesAt(frame: IndicatorFrame | null, id: string, time: number): (number | null)[] {
  const series = frame?.series.find((entry) => entry.id === id);
  if (!frame || !series) return [];
  for (let at = lowerBound(frame.time, time + 1) - 1; at >= 0; at -= 1) {
    const values = series.lines.map((line) => line.values[at] ?? null);
    if (values.some((value) => value !== null)) return values;
  }
  return series.lines.map(() => null);
}

/**
 * Merges a refresh of the latest bars into the frame, for bars at or after `fromTime` (the
 * ones live updates touched), and returns what changed per line. The frame is updated in
 * place so later refreshes and the legend see the same values as the chart.
 */
export function mergeTail(frame: IndicatorFrame, tail: IndicatorFrame, fromTime: number): LineChange[] {
  const start = lowerBound(tail.time, fromTime);
  const positions: number[] = [];
  let appended = 0;
  for (let i = start; i < tail.time.length; i += 1) {
    const time = tail.time[i] ?? 0;
    const at = indexOfTime(frame.time, time);
    if (at >= 0) positions.push(at);
    else if (time > (frame.time[frame.time.length - 1] ?? Number.NEGATIVE_INFINITY)) {
      frame.time.push(time);
      appended += 1;
      positions.push(frame.time.length - 1);
    } else positions.push(-1);
  }
  if (positions.length === 0) return [];

  const changes: LineChange[] = [];
  for (const fresh of tail.series) {
    const held = frame.series.find((entry) => entry.id === fresh.id);
    if (!held) continue;
    fresh.lines.forEach((line, lineIndex) => {
      const target = held.lines[lineIndex];
      if (!target) return;
      for (let k = 0; k < appended; k += 1) target.values.push(null);
      const offset = CUMULATIVE.has(fresh.kind) ? levelOffset(frame, tail, target.values, line.values, start) : 0;
      const points: LineChange['points'] = [];
      positions.forEach((at, k) => {
        if (at < 0) return;
        const raw = line.values[start + k] ?? null;
        const value = raw === null ? null : raw + offset;
        target.values[at] = value;
        points.push({ time: frame.time[at] ?? 0, value });
      });
      if (points.length > 0) changes.push({ id: fresh.id, line: lineIndex, points });
    });
  }
  return changes;
}

/** Held minus fresh value at the last bar before the refreshed ones that both know. */
function levelOffset(frame: IndicatorFrame, tail: IndicatorFrame, held: (number | null)[], fresh: (number | null)[], start: number): number {
  for (let i = start - 1; i >= 0; i -= 1) {
    const at = indexOfTime(frame.time, tail.time[i] ?? Number.NaN);
    const a = at >= 0 ? held[at] : null;
    const b = fresh[i];
    if (a !== null && a !== undefined && b !== null && b !== undefined) return a - b;
  }
  return 0;
}
