import type { Bar, Quote, Trade } from '../../../../core/market-data/types';
import { excerpt, forEachFrameObject } from '../../socket/json-array-frame';
import { alpacaTime, type AlpacaInstant } from '../parse-values';
import { saleConditionIds, tapeOf } from './sale-conditions';

/**
 * Alpaca market data frames → engine records. A frame is a JSON array of mixed messages told
 * apart by `T` (docs.alpaca.markets, "WebSocket Stream" and "Real-time Stock Data"): control
 * messages `success`, `error` and `subscription` (always alone in their array), and data points
 * `t` trade, `q` quote, `b` minute bar. Times are RFC 3339 with up to nine fractional digits,
 * read exactly. One bad message never costs the rest of its frame: it goes to `malformed`.
 */
export type MalformedReason = 'not-json' | 'not-array' | 'not-object' | 'unknown-event' | 'missing-fields' | 'bad-time';

/** The channels this adapter uses; the reply also lists others (updatedBars, statuses …). */
export interface SubscriptionSet {
  trades: readonly string[];
  quotes: readonly string[];
  bars: readonly string[];
}

export type ControlMessage =
  | { kind: 'success'; msg: string }
  | { kind: 'error'; code: number | null; msg: string }
  | { kind: 'subscription'; set: SubscriptionSet };

export interface DataFrameSink {
  trade(trade: Trade): void;
  quote(quote: Quote): void;
  /** A finished minute bar; `bar.time` is the minute's start. */
  bar(symbol: string, bar: Bar): void;
  control(message: ControlMessage): void;
  malformed(reason: MalformedReason, excerpt: string): void;
  /** A message of a kind Alpaca documents but this adapter does not use. */
  ignored(type: string): void;
}

type Json = Record<string, unknown>;

/** Documented message types we never subscribe to: updated and daily bars, statuses, LULDs, corrections, cancels, imbalances. */
const UNUSED_TYPES: ReadonlySet<string> = new Set(['u', 'd', 's', 'l', 'c', 'x', 'i']);

export function parseDataFrame(text: string, sink: DataFrameSink): void {
  forEachFrameObject(text, (reason, bad) => sink.malformed(reason, bad), (item) => {
    const reason = parseMessage(item, sink);
    if (reason !== null) sink.malformed(reason, excerpt(JSON.stringify(item)));
  });
}

/** Hands one message to the sink; returns why it could not, or null. */
function parseMessage(m: Json, sink: DataFrameSink): MalformedReason | null {
  switch (m.T) {
    case 't':
      return parseTrade(m, sink);
    case 'q':
      return parseQuote(m, sink);
    case 'b':
      return parseBar(m, sink);
    case 'success':
      if (typeof m.msg !== 'string') return 'missing-fields';
      sink.control({ kind: 'success', msg: m.msg });
      return null;
    case 'error':
      sink.control({ kind: 'error', code: typeof m.code === 'number' ? m.code : null, msg: typeof m.msg === 'string' ? m.msg : '' });
      return null;
    case 'subscription':
      return parseSubscription(m, sink);
    default:
      if (typeof m.T === 'string' && UNUSED_TYPES.has(m.T)) {
        sink.ignored(m.T);
        return null;
      }
      return 'unknown-event';
  }
}

function parseTrade(m: Json, sink: DataFrameSink): MalformedReason | null {
  const { S, p, s } = m;
  if (!isSymbol(S) || !isNumber(p) || !isNumber(s)) return 'missing-fields';
  const time = instantOf(m);
  if (typeof time === 'string') return time;
  sink.trade({
    symbol: S,
    time: time.ms,
    timeNs: time.ns,
    price: p,
    size: s,
    // Alpaca names venues by letter; the engine's numeric venue ids have no Alpaca counterpart.
    exchange: null,
    conditions: saleConditionIds(letters(m.c), tapeOf(m.z)),
    // Trade ids are integers well below 2^53 in practice; a string id is kept as sent.
    id: typeof m.i === 'number' && Number.isFinite(m.i) ? String(m.i) : typeof m.i === 'string' ? m.i : null,
  });
  return null;
}

function parseQuote(m: Json, sink: DataFrameSink): MalformedReason | null {
  const { S, bp, bs, ap } = m;
  const as = m.as;
  if (!isSymbol(S) || !isNumber(bp) || !isNumber(bs) || !isNumber(ap) || !isNumber(as)) return 'missing-fields';
  const time = instantOf(m);
  if (typeof time === 'string') return time;
  sink.quote({ symbol: S, time: time.ms, timeNs: time.ns, bidPrice: bp, bidSize: bs, askPrice: ap, askSize: as });
  return null;
}

function parseBar(m: Json, sink: DataFrameSink): MalformedReason | null {
  const { S, o, h, l, c, v } = m;
  if (!isSymbol(S) || !isNumber(o) || !isNumber(h) || !isNumber(l) || !isNumber(c) || !isNumber(v)) return 'missing-fields';
  const time = instantOf(m);
  if (typeof time === 'string') return time;
  sink.bar(S, {
    time: time.ms,
    open: o,
    high: h,
    low: l,
    close: c,
    volume: v,
    vwap: isNumber(m.vw) ? m.vw : null,
    trades: isNumber(m.n) ? m.n : null,
  });
  return null;
}

function parseSubscription(m: Json, sink: DataFrameSink): MalformedReason | null {
  const trades = symbolList(m.trades);
  const quotes = symbolList(m.quotes);
  const bars = symbolList(m.bars);
  // A channel with nothing subscribed may be sent as [] or left out; anything else is wrong.
  if (trades === null || quotes === null || bars === null) return 'missing-fields';
  sink.control({ kind: 'subscription', set: { trades, quotes, bars } });
  return null;
}

function symbolList(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return null;
  const symbols = value as unknown[];
  return symbols.every(isSymbol) ? symbols : null;
}

function letters(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).filter((code): code is string => typeof code === 'string');
}

/** The message's `t`, exactly; or why it cannot be read. */
function instantOf(m: Json): AlpacaInstant | MalformedReason {
  if (typeof m.t !== 'string') return 'missing-fields';
  try {
    return alpacaTime(m.t);
  } catch {
    return 'bad-time';
  }
}

function isSymbol(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
