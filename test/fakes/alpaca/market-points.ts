import { dataStamp } from './timestamps';

/** `t` as epoch ms (written RFC 3339 with nanoseconds, UTC) or as the exact text to send. */
type When = number | string;

export interface FakeTrade {
  S: string;
  p: number;
  s: number;
  t?: When;
  i?: number;
  x?: string;
  c?: string[];
  z?: string;
}

export interface FakeQuote {
  S: string;
  bp: number;
  bs: number;
  ap: number;
  as: number;
  t?: When;
  bx?: string;
  ax?: string;
  c?: string[];
  z?: string;
}

export interface FakeBar {
  S: string;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
  t?: When;
  n?: number;
  vw?: number;
}

const stamp = (t: When | undefined, now: number) => (typeof t === 'string' ? t : dataStamp(t ?? now));

let tradeId = 1000;

/** Docs schema "t": T, S, i, x, p, s, c, t, z. */
export const tradePoint = (x: FakeTrade, now: number) => ({
  T: 't',
  S: x.S,
  i: x.i ?? ++tradeId,
  x: x.x ?? 'V',
  p: x.p,
  s: x.s,
  c: x.c ?? ['@'],
  t: stamp(x.t, now),
  z: x.z ?? 'C',
});

/** Docs schema "q": T, S, bx, bp, bs, ax, ap, as, c, t, z. */
export const quotePoint = (x: FakeQuote, now: number) => ({
  T: 'q',
  S: x.S,
  bx: x.bx ?? 'V',
  bp: x.bp,
  bs: x.bs,
  ax: x.ax ?? 'V',
  ap: x.ap,
  as: x.as,
  c: x.c ?? ['R'],
  t: stamp(x.t, now),
  z: x.z ?? 'C',
});

/** Docs schema "b" (plus n and vw, as the test stream sends them): T, S, o, h, l, c, v, t, n, vw. */
export const barPoint = (x: FakeBar, now: number, T: 'b' | 'u' | 'd' = 'b') => ({
  T,
  S: x.S,
  o: x.o,
  h: x.h,
  l: x.l,
  c: x.c,
  v: x.v,
  // Bars carry whole-minute stamps: "2021-02-22T19:15:00Z".
  t: typeof x.t === 'string' ? x.t : new Date(Math.floor((x.t ?? now) / 60_000) * 60_000).toISOString().replace('.000Z', 'Z'),
  n: x.n ?? 1,
  vw: x.vw ?? x.c,
});
