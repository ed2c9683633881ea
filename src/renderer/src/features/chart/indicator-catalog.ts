import { OVERLAY_KINDS, type IndicatorKind, type IndicatorSpec } from '@shared/dto/indicators';

/** Most indicators on one chart (settings and `md.indicators` accept 8). */
export const MAX_INDICATORS = 8;

export interface IndicatorInfo {
  kind: IndicatorKind;
  /** Short name on chips and in the legend. */
  short: string;
  /** Name in the menu. */
  name: string;
  /** Parameters a new one gets; `ladder` periods are used in turn when the kind is added again. */
  defaults: Omit<IndicatorSpec, 'id' | 'kind'>;
  ladder?: readonly number[];
  /** Guide lines drawn in the indicator's pane (RSI 30/70, stochastic 20/80). */
  levels?: readonly number[];
}

/** Every indicator the chart offers, in menu order: overlays first, then the sub-pane ones. */
export const INDICATORS: readonly IndicatorInfo[] = [
  { kind: 'sma', short: 'SMA', name: 'Simple moving average', defaults: { period: 20 }, ladder: [20, 50, 100, 200] },
  { kind: 'ema', short: 'EMA', name: 'Exponential moving average', defaults: { period: 20 }, ladder: [20, 50, 100, 200] },
  { kind: 'wma', short: 'WMA', name: 'Weighted moving average', defaults: { period: 20 }, ladder: [20, 50, 100, 200] },
  { kind: 'bollinger', short: 'BB', name: 'Bollinger bands', defaults: { period: 20, stdDev: 2 } },
  { kind: 'vwap', short: 'VWAP', name: 'Volume-weighted average price', defaults: {} },
  { kind: 'rsi', short: 'RSI', name: 'Relative strength index', defaults: { period: 14 }, levels: [30, 70] },
  { kind: 'macd', short: 'MACD', name: 'MACD', defaults: { fast: 12, slow: 26, signal: 9 } },
  { kind: 'stochastic', short: 'Stoch', name: 'Stochastic oscillator', defaults: { kPeriod: 14, kSlowing: 3, dPeriod: 3 }, levels: [20, 80] },
  { kind: 'atr', short: 'ATR', name: 'Average true range', defaults: { period: 14 } },
  { kind: 'obv', short: 'OBV', name: 'On-balance volume', defaults: {} },
];

export function indicatorInfo(kind: IndicatorKind): IndicatorInfo {
  const info = INDICATORS.find((entry) => entry.kind === kind);
  if (!info) throw new Error(`No catalog entry for indicator ${kind}`);
  return info;
}

export function isOverlay(kind: IndicatorKind): boolean {
  return OVERLAY_KINDS.includes(kind);
}

/** "SMA 20", "BB 20 2", "MACD 12 26 9", "VWAP". */
export function indicatorLabel(spec: IndicatorSpec): string {
  const info = indicatorInfo(spec.kind);
  const params = { ...info.defaults, ...definedParams(spec) };
  const numbers: (number | undefined)[] = [params.period, params.stdDev, params.fast, params.slow, params.signal, params.kPeriod, params.kSlowing, params.dPeriod];
  return [info.short, ...numbers.filter((value) => value !== undefined)].join(' ');
}

function definedParams(spec: IndicatorSpec): Partial<IndicatorSpec> {
  return Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined));
}

/**
 * A new indicator of this kind, with an id unused on the chart and, for moving averages, the
 * next period on the ladder not already shown (SMA 20, then SMA 50 …). Null when the chart is full.
 */
export function newIndicator(kind: IndicatorKind, existing: readonly IndicatorSpec[]): IndicatorSpec | null {
  if (existing.length >= MAX_INDICATORS) return null;
  const info = indicatorInfo(kind);
  const ids = new Set(existing.map((spec) => spec.id));
  let n = 1;
  while (ids.has(`${kind}-${n}`)) n += 1;
  const spec: IndicatorSpec = { id: `${kind}-${n}`, kind, ...info.defaults };
  if (info.ladder) {
    const used = new Set(existing.filter((other) => other.kind === kind).map((other) => other.period));
    const period = info.ladder.find((value) => !used.has(value));
    if (period !== undefined) spec.period = period;
  }
  return spec;
}

/** True when two indicator lists ask for the same lines. */
export function sameIndicators(a: readonly IndicatorSpec[], b: readonly IndicatorSpec[]): boolean {
  return a.length === b.length && a.every((spec, i) => JSON.stringify(spec) === JSON.stringify(b[i]));
}
