import type { IndicatorSeries } from '@shared/dto/indicators';
import type { DomainHandlers } from '../api/handlers';
import type { BarColumns } from '../market-data/types';
import type { BarStore } from '../ports/bar-store';
import { lastBarTime, type ClipProvider } from '../market-data/bar-handlers';
import { computeRawLines, toWireValues } from './compute';
import { warmupBars } from './warm-up';

/** `md.bars`' default page size; the two methods must agree to stay aligned. */
export const DEFAULT_BAR_LIMIT = 2000;

/**
 * `md.indicators`: the same bars `md.bars` returns for the same arguments (the latest `limit`
 * bars with time < `before`), plus enough earlier bars for each indicator's warm-up (see
 * warmupBars), read in one query and sliced. Each indicator is computed from its own warm-up
 * only, so its values do not depend on which other indicators were asked for alongside it.
 * During a replay the bars are clipped to the replay clock, as `md.bars` clips them.
 */
export function indicatorHandlers(store: BarStore, clip?: ClipProvider): DomainHandlers<'md.indicators'> {
  return {
    'md.indicators': ({ symbol, timeframe, before, limit = DEFAULT_BAR_LIMIT, indicators }) => {
      const warmups = indicators.map((spec) => warmupBars(spec, timeframe));
      const bars = store.readBars({
        symbol,
        timeframe,
        to: lastBarTime(symbol, timeframe, before, clip),
        limit: limit + Math.max(0, ...warmups),
        latest: true,
      });
      const first = Math.max(0, bars.length - limit);
      const series = indicators.map((spec, n): IndicatorSeries => {
        const from = Math.max(0, first - warmups[n]!);
        const lines = computeRawLines(spec, sliceBars(bars, from));
        return {
          id: spec.id,
          kind: spec.kind,
          lines: lines.map((raw) => ({ name: raw.name, values: toWireValues(raw.values.subarray(first - from)) })),
        };
      });
      return { time: Array.from(bars.time.subarray(first)), series };
    },
  };
}

/** Bars from index `from` to the end, sharing memory with `bars`. */
function sliceBars(bars: BarColumns, from: number): BarColumns {
  return {
    length: bars.length - from,
    time: bars.time.subarray(from),
    open: bars.open.subarray(from),
    high: bars.high.subarray(from),
    low: bars.low.subarray(from),
    close: bars.close.subarray(from),
    volume: bars.volume.subarray(from),
  };
}
