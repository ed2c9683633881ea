import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import { EXCHANGE_ZONE, sessionFor, tradingDayOf, type Session } from '../calendar/us-equity-calendar';
import type { Bar } from '../types';
import { bucketStart } from './bucket';

/**
 * Which stored bars make up a rolled-up bar:
 * - 'all': every bar (extended hours included);
 * - 'regular': only bars inside the US equity regular session of their day (09:30–16:00 ET, or
 *   the early close), for prices and volume alike: QuantConnect/Lean's hourly and daily bars;
 * - 'regular-prices': open/high/low/close from the regular session, volume, VWAP and trade
 *   count from the whole day. This is how Polygon's daily bars come out of its trades (Form T
 *   trades add volume but may not set prices, see trade-conditions.ts), the closest a minute
 *   roll-up can get; a day without regular-session bars takes its prices from all of them.
 */
export type SessionFilter = 'all' | 'regular' | 'regular-prices';

export interface AggregateBarsOptions {
  /** Zone whose midnight starts a daily bar. Default: America/New_York. */
  dailyZone?: string;
  /** Default: 'regular-prices' for daily bars in New York time, 'all' otherwise. */
  session?: SessionFilter;
}

/**
 * Rolls bars (oldest first) up into a longer timeframe, e.g. stored 1m bars into 5m, 15m, 1h or
 * 1d. The target must be a whole multiple of the source (or 1d from any intraday timeframe).
 * A bucket with no contributing bar produces no bar.
 */
export function aggregateBars(bars: readonly Bar[], from: Timeframe, to: Timeframe, options: AggregateBarsOptions = {}): Bar[] {
  assertRollUp(from, to);
  const dailyZone = options.dailyZone ?? EXCHANGE_ZONE;
  const filter = options.session ?? (to === '1d' && dailyZone === EXCHANGE_ZONE ? 'regular-prices' : 'all');
  const inRegular = filter === 'all' ? null : regularSessionTest();
  const out: Bar[] = [];
  let group = new Group(Number.NaN);
  let previousTime = Number.NEGATIVE_INFINITY;
  for (const bar of bars) {
    if (bar.time <= previousTime) throw new RangeError(`Bars must be in increasing time order (at ${bar.time})`);
    previousTime = bar.time;
    const key = bucketStart(bar.time, to, { dailyZone });
    if (key !== group.time) {
      group.emitInto(out);
      group = new Group(key);
    }
    const regular = inRegular === null || inRegular(bar.time);
    if (filter === 'regular' && !regular) continue;
    group.add(bar, regular);
  }
  group.emitInto(out);
  return out;
}

function assertRollUp(from: Timeframe, to: Timeframe): void {
  const valid = to === '1d' ? true : from !== '1d' && TIMEFRAME_MS[to] % TIMEFRAME_MS[from] === 0;
  if (!valid || TIMEFRAME_MS[to] < TIMEFRAME_MS[from]) throw new RangeError(`Cannot roll ${from} bars up into ${to}`);
}

/** Regular-session membership of a bar's open time, with the session cached per day. */
function regularSessionTest(): (timeMs: number) => boolean {
  let day = '';
  let session: Session | null = null;
  return (timeMs) => {
    const date = tradingDayOf(timeMs);
    if (date !== day) {
      day = date;
      session = sessionFor(date);
    }
    return session !== null && timeMs >= session.open && timeMs < session.close;
  };
}

/** One output bar being built. Prices come from regular bars when there are any. */
class Group {
  private readonly all = new Extremes();
  private readonly regular = new Extremes();
  private volume = 0;
  private notional = 0;
  private vwapKnown = true;
  private trades: number | null = 0;
  private count = 0;

  constructor(readonly time: number) {}

  add(bar: Bar, regular: boolean): void {
    this.count += 1;
    this.all.add(bar);
    if (regular) this.regular.add(bar);
    this.volume += bar.volume;
    if (bar.vwap === null) this.vwapKnown &&= bar.volume === 0;
    else this.notional += bar.vwap * bar.volume;
    this.trades = this.trades === null || bar.trades === null ? null : this.trades + bar.trades;
  }

  emitInto(out: Bar[]): void {
    if (this.count === 0) return;
    const prices = this.regular.count > 0 ? this.regular : this.all;
    out.push({
      time: this.time,
      open: prices.open,
      high: prices.high,
      low: prices.low,
      close: prices.close,
      volume: this.volume,
      vwap: this.vwapKnown && this.volume > 0 ? this.notional / this.volume : null,
      trades: this.trades,
    });
  }
}

class Extremes {
  open = 0;
  high = Number.NEGATIVE_INFINITY;
  low = Number.POSITIVE_INFINITY;
  close = 0;
  count = 0;

  add(bar: Bar): void {
    if (this.count === 0) this.open = bar.open;
    this.count += 1;
    this.close = bar.close;
    if (bar.high > this.high) this.high = bar.high;
    if (bar.low < this.low) this.low = bar.low;
  }
}
