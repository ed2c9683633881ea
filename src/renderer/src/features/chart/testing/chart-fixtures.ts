import type { BarColumns } from '../bar-buffer';

export const MIN = 60_000;

/** Columnar bars at the given minutes, priced around the minute number (for unit tests). */
export function columns(minutes: number[]): BarColumns {
  return {
    time: minutes.map((m) => m * MIN),
    open: minutes.map((m) => m),
    high: minutes.map((m) => m + 1),
    low: minutes.map((m) => m - 1),
    close: minutes.map((m) => m + 0.5),
    volume: minutes.map(() => 10),
  };
}

/** A flat live bar at a minute. */
export function liveBar(minute: number, close: number): { time: number; open: number; high: number; low: number; close: number; volume: number } {
  return { time: minute * MIN, open: close, high: close, low: close, close, volume: 1 };
}
