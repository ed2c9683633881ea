import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ports/random';
import { atr, AtrStream } from './atr';
import { bollinger, BollingerStream } from './bollinger';
import { ema, EmaStream } from './ema';
import { macd, MacdStream } from './macd';
import { obv, ObvStream } from './obv';
import { rsi, RsiStream } from './rsi';
import { sma, SmaStream } from './sma';
import { stochastic, StochasticStream } from './stochastic';
import { vwap, VwapStream } from './vwap';
import { wma, WmaStream } from './wma';

/**
 * A random walk with what real data has and tidy data lacks: gaps, a long flat stretch (a halt),
 * zero-volume bars and a move to prices far below 1.
 */
function bars(length: number) {
  const random = seededRandom(20240611);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  let price = 80;
  for (let i = 0; i < length; i += 1) {
    const halted = i >= 700 && i < 760;
    if (!halted) price *= Math.exp((random.next() - 0.5) * 0.04 + (i === 300 ? 0.2 : 0) - (i === 1500 ? 4 : 0));
    const spread = halted ? 0 : price * 0.01 * random.next();
    close[i] = price;
    high[i] = price + spread * random.next();
    low[i] = price - spread * random.next();
    volume[i] = halted || i % 97 === 0 ? 0 : Math.round(random.next() * 1e6);
  }
  return { high, low, close, volume, length };
}

const data = bars(3000);

/** Feeds bar i to `update` for every i; the streaming outputs as one array. */
function streamed(update: (i: number) => number): number[] {
  return Array.from({ length: data.length }, (_, i) => update(i));
}

const bar = (i: number) => ({ high: data.high[i]!, low: data.low[i]!, close: data.close[i]!, volume: data.volume[i]! });

describe('streaming classes reproduce the batch functions exactly', () => {
  it.each([1, 2, 14, 50])('SMA, EMA, WMA and RSI, period %i', (period) => {
    const streams = { sma: new SmaStream(period), ema: new EmaStream(period), wma: new WmaStream(period), rsi: new RsiStream(period) };
    expect(streamed((i) => streams.sma.update(data.close[i]!))).toEqual(Array.from(sma(data.close, period)));
    expect(streamed((i) => streams.ema.update(data.close[i]!))).toEqual(Array.from(ema(data.close, period)));
    expect(streamed((i) => streams.wma.update(data.close[i]!))).toEqual(Array.from(wma(data.close, period)));
    expect(streamed((i) => streams.rsi.update(data.close[i]!))).toEqual(Array.from(rsi(data.close, period)));
  });

  it.each([
    [12, 26, 9],
    [26, 12, 9],
    [5, 5, 1],
  ])('MACD(%i, %i, %i), all three lines', (fast, slow, signal) => {
    const stream = new MacdStream(fast, slow, signal);
    const lines = { macd: [] as number[], signal: [] as number[], histogram: [] as number[] };
    for (let i = 0; i < data.length; i += 1) {
      lines.macd.push(stream.update(data.close[i]!));
      lines.signal.push(stream.signal);
      lines.histogram.push(stream.histogram);
    }
    const batch = macd(data.close, fast, slow, signal);
    expect(lines).toEqual({ macd: Array.from(batch.macd), signal: Array.from(batch.signal), histogram: Array.from(batch.histogram) });
  });

  it.each([
    [20, 2],
    [5, 1.5],
    [1, 2],
  ])('Bollinger(%i, %f), all three bands', (period, k) => {
    const stream = new BollingerStream(period, k);
    const upper: number[] = [];
    const middle: number[] = [];
    const lower: number[] = [];
    for (let i = 0; i < data.length; i += 1) {
      middle.push(stream.update(data.close[i]!));
      upper.push(stream.upper);
      lower.push(stream.lower);
    }
    const batch = bollinger(data.close, period, k);
    expect({ upper, middle, lower }).toEqual({ upper: Array.from(batch.upper), middle: Array.from(batch.middle), lower: Array.from(batch.lower) });
  });

  it.each([
    [14, 3, 3],
    [5, 1, 1],
    [9, 4, 2],
  ])('Stochastic(%i, %i, %i), %K and %D', (kPeriod, slowing, dPeriod) => {
    const stream = new StochasticStream(kPeriod, slowing, dPeriod);
    const d: number[] = [];
    const k = streamed((i) => {
      const value = stream.update(bar(i));
      d.push(stream.d);
      return value;
    });
    const batch = stochastic(data.high, data.low, data.close, kPeriod, slowing, dPeriod);
    expect({ k, d }).toEqual({ k: Array.from(batch.k), d: Array.from(batch.d) });
  });

  it.each([1, 14])('ATR(%i)', (period) => {
    const stream = new AtrStream(period);
    expect(streamed((i) => stream.update(bar(i)))).toEqual(Array.from(atr(data.high, data.low, data.close, period)));
  });

  it('OBV', () => {
    const stream = new ObvStream();
    expect(streamed((i) => stream.update(bar(i)))).toEqual(Array.from(obv(data.close, data.volume)));
  });

  it('VWAP with sessions of 390 bars', () => {
    const stream = new VwapStream();
    const session = Float64Array.from({ length: data.length }, (_, i) => Math.floor(i / 390));
    const out = streamed((i) => stream.update(bar(i), i > 0 && session[i] !== session[i - 1]));
    expect(out).toEqual(Array.from(vwap(data.high, data.low, data.close, data.volume, session)));
  });
});
