import type { IndicatorSpec } from '@shared/dto/indicators';
import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import { resolveSpec } from './compute';

/**
 * Time constants of history read before exponential indicators: e^-14 ≈ 8e-7, so the SMA seed
 * weighs less than 1e-6 in the first value returned and scrolling back (which moves the seed)
 * changes no value by more than that fraction of its scale.
 */
const TIME_CONSTANTS = 14;

/**
 * How many bars before the first requested one an indicator needs so that its values there are
 * what a longer history would give:
 *   - sma, wma, bollinger, stochastic: exactly TA-Lib's lookback; values only see that window.
 *   - ema, macd: lookback plus 14 time constants, (n+1)/2 bars each for an n-period EMA.
 *   - rsi, atr (Wilder, weight 1/n): lookback plus 14·n bars.
 *   - vwap: back to the start of the UTC day (a day's worth of bars, none for daily bars).
 *   - obv: none. OBV is cumulative from the first bar it is given, so its level is relative to
 *     the first requested bar whatever we read; only its shape carries information.
 * Without this warm-up, EMA-family values near the left edge would depend on how many bars
 * happened to be requested.
 */
export function warmupBars(spec: IndicatorSpec, timeframe: Timeframe): number {
  const p = resolveSpec(spec);
  switch (p.kind) {
    case 'sma':
    case 'wma':
    case 'bollinger':
      return p.period - 1;
    case 'stochastic':
      return p.kPeriod - 1 + (p.kSlowing - 1) + (p.dPeriod - 1);
    case 'ema':
      return p.period - 1 + Math.ceil((TIME_CONSTANTS * (p.period + 1)) / 2);
    case 'macd': {
      const slowest = Math.max(p.fast, p.slow, p.signal);
      return Math.max(p.fast, p.slow) - 1 + (p.signal - 1) + Math.ceil((TIME_CONSTANTS * (slowest + 1)) / 2);
    }
    case 'rsi':
    case 'atr':
      return p.period + TIME_CONSTANTS * p.period;
    case 'vwap':
      return Math.ceil(86_400_000 / TIMEFRAME_MS[timeframe]) - 1;
    case 'obv':
      return 0;
  }
}
