import { resolve } from 'node:path';
import type { BenchRow } from './bench-row';

export const ROOT = resolve(__dirname, '..');

export interface Stats {
  p50: number;
  p99: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

export function latencyRow(name: string, s: Stats): BenchRow {
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  return { name, value: `p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}` };
}
