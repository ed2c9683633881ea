import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as ti from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/main/core/indicators';
import { sharedDataFile } from '../support/shared-data';

// The indicator library against (1) straightforward reference implementations written here
// from TA-Lib's definitions, sharing no code with it, to 1e-9, and (2) the npm package
// technicalindicators where its definitions coincide, with the known differences asserted.
// Data: real adjusted daily bars (SPY; AMD, which trades near $2 for years; TSLA, whose first
// bar is flat with zero volume) and 5-minute AAPL bars for session-anchored VWAP.

interface Series {
  time: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

function load(file: string, symbols: string[]): Map<string, Series> {
  const out = new Map(symbols.map((s): [string, Series] => [s, { time: [], high: [], low: [], close: [], volume: [] }]));
  for (const row of gunzipSync(readFileSync(sharedDataFile(file))).toString('utf8').split('\n').slice(1)) {
    const [symbol = '', timestamp = '', , high, low, close, volume] = row.split(',');
    const s = out.get(symbol);
    if (!s) continue;
    s.time.push(Date.parse(timestamp.length === 10 ? `${timestamp}T00:00:00Z` : timestamp));
    s.high.push(Number(high));
    s.low.push(Number(low));
    s.close.push(Number(close));
    s.volume.push(Number(volume));
  }
  return out;
}

const daily = load('clean/daily_huge_stock_market_dataset.csv.gz', ['SPY', 'AMD', 'TSLA']);
const aapl5m = load('clean/intraday_5min_stooq_2026.csv.gz', ['AAPL']).get('AAPL')!;

// --- reference implementations: plain loops over number[], one TA-Lib definition each ---

const nans = (n: number): number[] => new Array<number>(n).fill(NaN);
const windowOf = (x: number[], i: number, n: number): number[] => x.slice(i - n + 1, i + 1);
const mean = (w: number[]): number => w.reduce((a, b) => a + b, 0) / w.length;
const TA_EPSILON = 1e-8; // TA_IS_ZERO / TA_IS_ZERO_OR_NEG in TA-Lib 0.4.0 (upstream now 1e-14)

/** SMA of the window ending at each index, NaN where the window has a NaN (TA_SMA). */
function refSma(x: number[], n: number): number[] {
  return x.map((_, i) => (i < n - 1 ? NaN : mean(windowOf(x, i, n))));
}

/** TA_EMA: seeded with the mean of the n values from `seedStart`, then prev + k·(x - prev). */
function refEma(x: number[], n: number, seedStart = 0): number[] {
  const out = nans(x.length);
  const k = 2 / (n + 1);
  let prev = mean(x.slice(seedStart, seedStart + n));
  out[seedStart + n - 1] = prev;
  for (let i = seedStart + n; i < x.length; i++) out[i] = prev = prev + k * (x[i]! - prev);
  return out;
}

/** TA_WMA: Σ j·x / Σ j with weights 1..n, newest heaviest. */
function refWma(x: number[], n: number): number[] {
  return x.map((_, i) => (i < n - 1 ? NaN : windowOf(x, i, n).reduce((s, v, j) => s + (j + 1) * v, 0) / ((n * (n + 1)) / 2)));
}

/** TA_RSI: Wilder's averages of gains and losses, 0 when their sum is within TA_EPSILON. */
function refRsi(x: number[], n: number): number[] {
  const out = nans(x.length);
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < x.length; i++) {
    const d = x[i]! - x[i - 1]!;
    if (i <= n) {
      gain += Math.max(d, 0) / n;
      loss += Math.max(-d, 0) / n;
    } else {
      gain = (gain * (n - 1) + Math.max(d, 0)) / n;
      loss = (loss * (n - 1) + Math.max(-d, 0)) / n;
    }
    if (i >= n) out[i] = Math.abs(gain + loss) < TA_EPSILON ? 0 : (100 * gain) / (gain + loss);
  }
  return out;
}

/** TA_MACD: both EMAs start at slow-1 (the fast one seeded late); all lines from the lookback. */
function refMacd(x: number[], fast: number, slow: number, signal: number) {
  if (slow < fast) [fast, slow] = [slow, fast];
  const fastEma = refEma(x, fast, slow - fast);
  const slowEma = refEma(x, slow);
  const line = x.map((_, i) => fastEma[i]! - slowEma[i]!);
  const sig = refEma(line, signal, slow - 1);
  const start = slow - 1 + signal - 1;
  const from = (v: number[]) => v.map((value, i) => (i < start ? NaN : value));
  return { macd: from(line), signal: from(sig), histogram: from(line.map((m, i) => m - sig[i]!)) };
}

/** TA_STOCH with SMA smoothing; %K and %D from the full lookback; 0 on an empty range. */
function refStochastic(s: Series, kPeriod: number, slowing: number, dPeriod: number) {
  const fastK = s.close.map((c, i) => {
    if (i < kPeriod - 1) return NaN;
    const lowest = Math.min(...windowOf(s.low, i, kPeriod));
    const highest = Math.max(...windowOf(s.high, i, kPeriod));
    return highest === lowest ? 0 : (100 * (c - lowest)) / (highest - lowest);
  });
  const k = refSma(fastK, slowing);
  const d = refSma(k, dPeriod);
  const start = kPeriod - 1 + slowing - 1 + dPeriod - 1;
  return { k: k.map((v, i) => (i < start ? NaN : v)), d };
}

/** TA_BBANDS (SMA): middle ± k·population σ, σ = 0 when σ² is within TA_EPSILON. */
function refBollinger(x: number[], n: number, k: number) {
  const middle = refSma(x, n);
  const sigma = x.map((_, i) => {
    if (i < n - 1) return NaN;
    const variance = windowOf(x, i, n).reduce((s, v) => s + (v - middle[i]!) ** 2, 0) / n;
    return variance < TA_EPSILON ? 0 : Math.sqrt(variance);
  });
  return { upper: middle.map((m, i) => m + k * sigma[i]!), middle, lower: middle.map((m, i) => m - k * sigma[i]!) };
}

/** TA_TRANGE and TA_ATR: mean of the first n true ranges, then Wilder; period 1 is TRANGE. */
function refAtr(s: Series, n: number): number[] {
  const tr = s.close.map((_, i) =>
    i === 0 ? NaN : Math.max(s.high[i]! - s.low[i]!, Math.abs(s.high[i]! - s.close[i - 1]!), Math.abs(s.low[i]! - s.close[i - 1]!)),
  );
  if (n === 1) return tr;
  const out = nans(tr.length);
  out[n] = mean(tr.slice(1, n + 1));
  for (let i = n + 1; i < tr.length; i++) out[i] = (out[i - 1]! * (n - 1) + tr[i]!) / n;
  return out;
}

/** TA_OBV: starts at the first bar's volume. */
function refObv(s: Series): number[] {
  const out = [s.volume[0]!];
  for (let i = 1; i < s.close.length; i++) out.push(out[i - 1]! + Math.sign(s.close[i]! - s.close[i - 1]!) * s.volume[i]!);
  return out;
}

/** Our VWAP definition, summed afresh from the session's first bar for every bar. */
function refVwap(s: Series, session: (i: number) => number): number[] {
  return s.close.map((_, i) => {
    let pv = 0;
    let v = 0;
    for (let j = i; j >= 0 && session(j) === session(i); j--) {
      pv += ((s.high[j]! + s.low[j]! + s.close[j]!) / 3) * s.volume[j]!;
      v += s.volume[j]!;
    }
    return v === 0 ? NaN : pv / v;
  });
}

// --- comparison ---

const TOLERANCE = 1e-9;

/** Same warm-up (NaN at the same bars) and every value within 1e-9 absolute or relative. */
function expectMatch(actual: ArrayLike<number>, expected: number[], label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || Number.isNaN(a)) expect(Number.isNaN(a) && Number.isNaN(e), `${label} warm-up at ${i}: ${a} vs ${e}`).toBe(true);
    else expect(Math.abs(a - e), `${label} at ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(e)));
  }
}

/** technicalindicators returns only the bars it has values for: put them back in place. */
const padded = (values: number[], length: number): number[] => [...nans(length - values.length), ...values];

const columns = (s: Series) => ({
  high: Float64Array.from(s.high),
  low: Float64Array.from(s.low),
  close: Float64Array.from(s.close),
  volume: Float64Array.from(s.volume),
});

describe.each([...daily.keys()])('%s daily bars', (symbol) => {
  const s = daily.get(symbol)!;
  const c = columns(s);
  const n = s.close.length;

  it('has a few thousand real bars', () => expect(n).toBeGreaterThan(1800));

  it.each([2, 20, 200])('SMA, EMA and WMA(%i) follow TA-Lib', (p) => {
    expectMatch(lib.sma(c.close, p), refSma(s.close, p), 'sma');
    expectMatch(lib.ema(c.close, p), refEma(s.close, p), 'ema');
    expectMatch(lib.wma(c.close, p), refWma(s.close, p), 'wma');
  });

  it.each([2, 14, 50])('RSI(%i) follows TA-Lib', (p) => expectMatch(lib.rsi(c.close, p), refRsi(s.close, p), 'rsi'));

  it.each([[12, 26, 9], [5, 35, 5], [26, 12, 9]])('MACD(%i, %i, %i) follows TA-Lib', (fast, slow, signal) => {
    const ours = lib.macd(c.close, fast, slow, signal);
    const ref = refMacd(s.close, fast, slow, signal);
    for (const key of ['macd', 'signal', 'histogram'] as const) expectMatch(ours[key], ref[key], key);
  });

  it.each([[14, 3, 3], [5, 1, 1], [21, 5, 4]])('Stochastic(%i, %i, %i) follows TA-Lib', (k, slowing, d) => {
    const ours = lib.stochastic(c.high, c.low, c.close, k, slowing, d);
    const ref = refStochastic(s, k, slowing, d);
    expectMatch(ours.k, ref.k, 'k');
    expectMatch(ours.d, ref.d, 'd');
  });

  it.each([[20, 2], [50, 2.5], [5, 1]])('Bollinger(%i, %f) follows TA-Lib', (p, k) => {
    const ours = lib.bollinger(c.close, p, k);
    const ref = refBollinger(s.close, p, k);
    for (const key of ['upper', 'middle', 'lower'] as const) expectMatch(ours[key], ref[key], key);
  });

  it.each([1, 14, 30])('ATR(%i) follows TA-Lib', (p) => expectMatch(lib.atr(c.high, c.low, c.close, p), refAtr(s, p), 'atr'));

  it('OBV and VWAP follow their definitions', () => {
    expectMatch(lib.obv(c.close, c.volume), refObv(s), 'obv');
    expectMatch(lib.vwap(c.high, c.low, c.close, c.volume), refVwap(s, () => 0), 'vwap');
  });

  it('agrees with technicalindicators where the definitions coincide', () => {
    const values = s.close;
    expectMatch(lib.sma(c.close, 20), padded(ti.SMA.calculate({ period: 20, values }), n), 'ti sma');
    expectMatch(lib.ema(c.close, 20), padded(ti.EMA.calculate({ period: 20, values }), n), 'ti ema');
    expectMatch(lib.wma(c.close, 20), padded(ti.WMA.calculate({ period: 20, values }), n), 'ti wma');
    const bands = ti.BollingerBands.calculate({ period: 20, stdDev: 2, values });
    const ours = lib.bollinger(c.close, 20, 2);
    for (const key of ['upper', 'middle', 'lower'] as const) expectMatch(ours[key], padded(bands.map((b) => b[key]), n), `ti ${key}`);
    expectMatch(lib.atr(c.high, c.low, c.close, 14), padded(ti.ATR.calculate({ period: 14, ...s }), n), 'ti atr');
    expectMatch(lib.vwap(c.high, c.low, c.close, c.volume), padded(ti.VWAP.calculate(s), n), 'ti vwap');
    // technicalindicators' Stochastic has no slowing: it is TA-Lib's STOCH with slowing 1, and it
    // returns %K from bar k-1 where TA-Lib waits for %D; compare where both have values.
    const stoch = ti.Stochastic.calculate({ period: 14, signalPeriod: 3, ...s });
    const fast = lib.stochastic(c.high, c.low, c.close, 14, 1, 3);
    expectMatch(fast.k.subarray(15), padded(stoch.map((v) => v.k), n).slice(15), 'ti k');
    expectMatch(fast.d, padded(stoch.map((v) => v.d ?? NaN), n), 'ti d');
  });

  it('differs from technicalindicators as documented: RSI rounding, MACD seeding, OBV origin', () => {
    // RSI: same Wilder averages, but technicalindicators rounds to 2 decimals.
    const theirs = padded(ti.RSI.calculate({ period: 14, values: s.close }), n);
    const ours = lib.rsi(c.close, 14);
    for (let i = 14; i < n; i++) {
      expect(Math.abs(theirs[i]! - ours[i]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.round(theirs[i]! * 100)).toBeCloseTo(theirs[i]! * 100, 6);
    }
    expect(theirs.some((v, i) => Math.abs(v - ours[i]!) > 1e-6)).toBe(true);
    // MACD: technicalindicators seeds its fast EMA at bar fast-1; TA-Lib at slow-1 with the
    // mean of the last `fast` values. Its line is exactly EMA12 - EMA26; the difference decays.
    const tiMacd = padded(
      ti.MACD.calculate({ values: s.close, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }).map((m) => m.MACD ?? NaN),
      n,
    );
    const e12 = lib.ema(c.close, 12);
    const e26 = lib.ema(c.close, 26);
    const emaDifference = Array.from(e12, (v, i) => (i < 25 ? NaN : v - e26[i]!));
    expectMatch(tiMacd, emaDifference, 'ti macd = ema12 - ema26');
    const ourMacd = lib.macd(c.close, 12, 26, 9).macd;
    expect(Math.abs(ourMacd[33]! - tiMacd[33]!)).toBeGreaterThan(1e-6 * s.close[33]!);
    expectMatch(ourMacd.subarray(400), tiMacd.slice(400), 'macd after the seed decayed');
    // OBV: TA-Lib starts at the first bar's volume, technicalindicators at 0 on the second bar.
    const tiObv = ti.OBV.calculate({ close: s.close, volume: s.volume });
    expectMatch(lib.obv(c.close, c.volume).subarray(1), tiObv.map((v) => v + s.volume[0]!), 'ti obv + volume[0]');
  });

  it('streams exactly the batch values', () => {
    const streams = { rsi: new lib.RsiStream(14), macd: new lib.MacdStream(12, 26, 9), bb: new lib.BollingerStream(20, 2) };
    const stoch = new lib.StochasticStream(14, 3, 3);
    const atr = new lib.AtrStream(14);
    const out = { rsi: [] as number[], macd: [] as number[], upper: [] as number[], k: [] as number[], atr: [] as number[] };
    for (let i = 0; i < n; i++) {
      const bar = { high: s.high[i]!, low: s.low[i]!, close: s.close[i]!, volume: s.volume[i]! };
      out.rsi.push(streams.rsi.update(bar.close));
      out.macd.push(streams.macd.update(bar.close));
      streams.bb.update(bar.close);
      out.upper.push(streams.bb.upper);
      out.k.push(stoch.update(bar));
      out.atr.push(atr.update(bar));
    }
    expect(out).toEqual({
      rsi: Array.from(lib.rsi(c.close, 14)),
      macd: Array.from(lib.macd(c.close, 12, 26, 9).macd),
      upper: Array.from(lib.bollinger(c.close, 20, 2).upper),
      k: Array.from(lib.stochastic(c.high, c.low, c.close, 14, 3, 3).k),
      atr: Array.from(lib.atr(c.high, c.low, c.close, 14)),
    });
  });
});

describe('AAPL 5-minute bars', () => {
  it('VWAP restarts every UTC day and matches its definition', () => {
    const c = columns(aapl5m);
    const day = (i: number) => Math.floor(aapl5m.time[i]! / 86_400_000);
    const ours = lib.vwap(c.high, c.low, c.close, c.volume, lib.utcDaySessions(Float64Array.from(aapl5m.time)));
    expect(new Set(aapl5m.time.map((_, i) => day(i))).size).toBeGreaterThan(100);
    expectMatch(ours, refVwap(aapl5m, day), 'session vwap');
  });
});
