/**
 * User-timing marks the chart sets around its first paint of a symbol, read by
 * bench/chart-paint.bench.ts through `performance.getEntriesByName`. Each carries a
 * ChartMarkDetail; `load` pairs the marks of one load.
 */
export const CHART_MARKS = {
  requested: 'kestrel:chart:bars-requested',
  received: 'kestrel:chart:bars-received',
  painted: 'kestrel:chart:bars-painted',
} as const;

export interface ChartMarkDetail {
  load: number;
  symbol: string;
  timeframe: string;
  bars: number;
}

export function markChart(name: keyof typeof CHART_MARKS, detail: ChartMarkDetail): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(CHART_MARKS[name], { detail });
}
