import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../../../../test/support/fake-time';
import type { Bar } from '../../market-data/types';
import type { FeedEvent } from '../../ports/market-feed';
import { seededRandom } from '../../ports/random';
import { MINUTE_MS, isSessionOpen, newYorkTime } from './ny-session';
import { generateHistory, generateMarketHistory } from './sim-history';
import { SimMarket, initialMarketState } from './sim-market';
import { SIM_PARAMS } from './sim-instruments';
import { SimulatorFeed } from './simulator-feed';

/** Thursday 6 June 2024, 15:07:42 New York: mid-session, mid-minute. */
const END = Date.UTC(2024, 5, 6, 19, 7, 42);
const onTick = (price: number) => Math.abs(price * 100 - Math.round(price * 100)) < 1e-6;

describe('generateMarketHistory', () => {
  const history = generateMarketHistory({ instruments: SIM_PARAMS, random: seededRandom(11), endTime: END, days: 5 });
  const lastMinute = Math.floor(END / MINUTE_MS) * MINUTE_MS;

  it('gives every symbol contiguous, well-formed minute bars up to the last whole minute', () => {
    for (const instrument of SIM_PARAMS) {
      const bars = history.bars.get(instrument.symbol)!;
      expect(bars).toHaveLength(5 * 1440);
      expect(bars.at(-1)!.time).toBe(lastMinute - MINUTE_MS);
      // One assertion per symbol: 7,200 bars × six expect() calls would be slow.
      const bad = bars.filter(
        (bar, n) =>
          (n > 0 && bar.time - bars[n - 1]!.time !== MINUTE_MS) ||
          !(bar.low > 0 && bar.low <= Math.min(bar.open, bar.close) && bar.high >= Math.max(bar.open, bar.close)) ||
          ![bar.open, bar.high, bar.low, bar.close].every(onTick) ||
          !(bar.volume >= 0 && Number.isInteger(bar.volume)),
      );
      expect(bad).toEqual([]);
    }
    expect(history.state.time).toBe(lastMinute);
  });

  it('opens each bar at the previous close except across a session-open gap', () => {
    let gaps = 0;
    for (const bars of history.bars.values()) {
      for (let n = 1; n < bars.length; n += 1) {
        if (bars[n]!.open === bars[n - 1]!.close) continue;
        expect(isSessionOpen(bars[n]!.time)).toBe(true);
        gaps += 1;
      }
    }
    expect(gaps).toBeGreaterThan(0); // 4 opens × 8 symbols × 8 % ≈ 2.6 expected; this seed has some
  });

  it('trades more at the open than at midday', () => {
    const volumeAt = (from: number, to: number) =>
      [...history.bars.values()].flat().reduce((sum, bar: Bar) => {
        const { weekday, minuteOfDay } = newYorkTime(bar.time);
        return weekday >= 1 && weekday <= 5 && minuteOfDay >= from && minuteOfDay < to ? sum + bar.volume : sum;
      }, 0) / (to - from);
    expect(volumeAt(570, 600) / volumeAt(720, 840)).toBeGreaterThan(2);
  });

  it('is repeatable for a seed', () => {
    const again = generateMarketHistory({ instruments: SIM_PARAMS, random: seededRandom(11), endTime: END, days: 5 });
    expect(again.bars.get('SIM:NVDA')).toEqual(history.bars.get('SIM:NVDA'));
  });

  it('hands over to the live feed at the last close', () => {
    const time = new FakeTime(END);
    const feed = new SimulatorFeed({ clock: time, scheduler: time, random: seededRandom(12), instruments: SIM_PARAMS, state: history.state });
    const lastCloses = new Map([...history.bars].map(([symbol, bars]) => [symbol, bars.at(-1)!.close]));
    expect(feed.prices()).toEqual(lastCloses);

    const events: FeedEvent[] = [];
    feed.onEvent((event) => events.push(event));
    feed.subscribe(['SIM:SPY']);
    void feed.start();
    time.advance(1_000);
    const first = events.flatMap((e) => (e.type === 'trade' ? [e.trade] : []))[0]!;
    expect(first.time).toBeLessThanOrEqual(END + 1_000);
    // Under a minute of 16 % vol since the handover: cents, not dollars.
    expect(Math.abs(first.price / lastCloses.get('SIM:SPY')! - 1)).toBeLessThan(0.002);
  });
});

describe('generateHistory', () => {
  it('gives one symbol a history ending at its live starting point', () => {
    const spy = SIM_PARAMS[0]!;
    const bars = generateHistory({ instrument: spy, random: seededRandom(5), endTime: END, days: 1, timeframe: '1m' });
    expect(bars).toHaveLength(1440);
    const time = new FakeTime(END);
    const feed = new SimulatorFeed({ clock: time, scheduler: time, random: seededRandom(6), instruments: [{ ...spy, startPrice: bars.at(-1)!.close }] });
    expect(feed.prices().get(spy.symbol)).toBe(bars.at(-1)!.close);
  });

  it('refuses a non-positive day count', () => {
    expect(() => generateHistory({ instrument: SIM_PARAMS[0]!, random: seededRandom(5), endTime: END, days: 0 })).toThrow(RangeError);
  });
});

describe('opening gaps', () => {
  it('happen at the stated rate, only at weekday session opens, 1–3 daily sigmas in size', () => {
    const instruments = SIM_PARAMS;
    const start = Date.UTC(2022, 0, 3, 5, 0); // Monday 3 January 2022, 00:00 New York
    const market = new SimMarket(instruments, seededRandom(77), initialMarketState(instruments, start));
    let opens = 0;
    let gaps = 0;
    let strayJumps = 0;
    const sizes: number[] = [];
    // Two years, stepping minute by minute and checking each boundary for a jump.
    for (let t = start + MINUTE_MS; t <= start + 730 * 86_400_000; t += MINUTE_MS) {
      market.stepTo(t);
      const before = instruments.map((_, n) => market.price(n));
      market.settle();
      const open = isSessionOpen(t);
      if (open) opens += instruments.length;
      instruments.forEach((instrument, n) => {
        const jump = Math.abs(Math.log(market.price(n) / before[n]!));
        if (jump === 0) return;
        if (!open) strayJumps += 1;
        gaps += 1;
        sizes.push(jump / (instrument.annualVol / Math.sqrt(252)));
      });
    }
    expect(strayJumps).toBe(0);
    expect(opens).toBe(522 * 8); // weekdays in 2022–2023 (holidays are not modelled)
    const rate = gaps / opens;
    // 8 % ± 3 standard errors (0.42 points each).
    expect(rate).toBeGreaterThan(0.0674);
    expect(rate).toBeLessThan(0.0926);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3 + 1e-9);
  }, 30_000);
});
