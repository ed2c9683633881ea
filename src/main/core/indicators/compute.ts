import type { IndicatorSeries, IndicatorSpec } from '@shared/dto/indicators';
import type { BarColumns } from '../market-data/types';
import { atr } from './atr';
import { bollinger } from './bollinger';
import { ema } from './ema';
import { macd } from './macd';
import { obv } from './obv';
import { rsi } from './rsi';
import { sma } from './sma';
import { stochastic } from './stochastic';
import { type SessionBreaks, utcDaySessions, vwap } from './vwap';
import { wma } from './wma';

/** A spec with every parameter filled in from the defaults listed in the shared DTO. */
export interface ResolvedSpec {
  kind: IndicatorSpec['kind'];
  period: number;
  stdDev: number;
  fast: number;
  slow: number;
  signal: number;
  kPeriod: number;
  kSlowing: number;
  dPeriod: number;
}

export function resolveSpec(spec: IndicatorSpec): ResolvedSpec {
  const shortPeriod = spec.kind === 'rsi' || spec.kind === 'atr';
  return {
    kind: spec.kind,
    period: spec.period ?? (shortPeriod ? 14 : 20),
    stdDev: spec.stdDev ?? 2,
    fast: spec.fast ?? 12,
    slow: spec.slow ?? 26,
    signal: spec.signal ?? 9,
    kPeriod: spec.kPeriod ?? 14,
    kSlowing: spec.kSlowing ?? 3,
    dPeriod: spec.dPeriod ?? 3,
  };
}

/** One output line before it goes on the wire: NaN during warm-up. */
export interface RawLine {
  name: string;
  values: Float64Array;
}

/**
 * The lines of one indicator over `bars`, named as the chart expects: `sma`, `ema`, `wma`,
 * `rsi`, `atr`, `obv`, `vwap`, `upper/middle/lower`, `macd/signal/histogram`, `k/d`.
 * VWAP restarts at each session; by default sessions are UTC calendar days of `bars.time`
 * (right for crypto and for US regular hours; on daily bars it is each bar's typical price).
 */
export function computeRawLines(spec: IndicatorSpec, bars: BarColumns, sessions?: SessionBreaks): RawLine[] {
  const p = resolveSpec(spec);
  const { high, low, close, volume } = bars;
  switch (p.kind) {
    case 'sma':
      return [{ name: 'sma', values: sma(close, p.period) }];
    case 'ema':
      return [{ name: 'ema', values: ema(close, p.period) }];
    case 'wma':
      return [{ name: 'wma', values: wma(close, p.period) }];
    case 'rsi':
      return [{ name: 'rsi', values: rsi(close, p.period) }];
    case 'atr':
      return [{ name: 'atr', values: atr(high, low, close, p.period) }];
    case 'obv':
      return [{ name: 'obv', values: obv(close, volume) }];
    case 'vwap':
      return [{ name: 'vwap', values: vwap(high, low, close, volume, sessions ?? utcDaySessions(bars.time)) }];
    case 'bollinger': {
      const { upper, middle, lower } = bollinger(close, p.period, p.stdDev);
      return [line('upper', upper), line('middle', middle), line('lower', lower)];
    }
    case 'macd': {
      const lines = macd(close, p.fast, p.slow, p.signal);
      return [line('macd', lines.macd), line('signal', lines.signal), line('histogram', lines.histogram)];
    }
    case 'stochastic': {
      const { k, d } = stochastic(high, low, close, p.kPeriod, p.kSlowing, p.dPeriod);
      return [line('k', k), line('d', d)];
    }
  }
}

function line(name: string, values: Float64Array): RawLine {
  return { name, values };
}

/** Values for the wire: numbers, with null where there is none (warm-up, 0/0). */
export function toWireValues(values: Float64Array): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    out[i] = Number.isFinite(value) ? value : null;
  }
  return out;
}

/** `computeRawLines` with NaN as null: the `lines` of an IndicatorSeries over every bar given. */
export function computeIndicator(spec: IndicatorSpec, bars: BarColumns, sessions?: SessionBreaks): IndicatorSeries['lines'] {
  return computeRawLines(spec, bars, sessions).map((raw) => ({ name: raw.name, values: toWireValues(raw.values) }));
}
