import type { Timeframe } from '@shared/dto/market-data';
import type { Bar, Quote, Trade } from '../../../core/market-data/types';
import { fromSocketSymbol, type PolygonCluster } from './symbols';
import { excerpt, forEachFrameObject } from '../socket/json-array-frame';

/**
 * Polygon socket frames → engine records. A frame is a JSON array of mixed events
 * (`[{"ev":"T",…},{"ev":"Q",…},{"ev":"status",…}]`); shapes as in Polygon's WebSocket docs
 * (see test/fakes/polygon/fake-polygon-server.ts for the list and sources). One bad message
 * never costs the rest of its frame: it is reported to `malformed` and skipped.
 */
export type MalformedReason = 'not-json' | 'not-array' | 'not-object' | 'unknown-event' | 'missing-fields';

export interface FrameSink {
  trade(trade: Trade): void;
  quote(quote: Quote): void;
  bar(symbol: string, timeframe: Timeframe, bar: Bar): void;
  status(status: string, message: string): void;
  malformed(reason: MalformedReason, excerpt: string): void;
}

type Json = Record<string, unknown>;
const NO_CONDITIONS: readonly number[] = Object.freeze([]);

export function parseFrame(text: string, cluster: PolygonCluster, sink: FrameSink): void {
  forEachFrameObject(text, (reason, bad) => sink.malformed(reason, bad), (item) => parseMessage(item, cluster, sink));
}

function parseMessage(m: Json, cluster: PolygonCluster, sink: FrameSink): void {
  let ok: boolean;
  switch (m.ev) {
    case 'T':
    case 'XT':
      ok = parseTrade(m, cluster, sink);
      break;
    case 'Q':
    case 'XQ':
      ok = parseQuote(m, cluster, sink);
      break;
    case 'AM':
    case 'XA':
      ok = parseAggregate(m, cluster, '1m', sink);
      break;
    case 'A':
    case 'XAS':
      ok = parseAggregate(m, cluster, '1s', sink);
      break;
    case 'status':
      ok = typeof m.status === 'string';
      if (ok) sink.status(m.status as string, typeof m.message === 'string' ? m.message : '');
      break;
    default:
      sink.malformed('unknown-event', excerpt(JSON.stringify(m)));
      return;
  }
  if (!ok) sink.malformed('missing-fields', excerpt(JSON.stringify(m)));
}

/** Stocks name the ticker `sym`, crypto names the pair `pair`. */
function symbolOf(m: Json, cluster: PolygonCluster): string | null {
  const raw = m.ev === 'XT' || m.ev === 'XQ' || m.ev === 'XA' || m.ev === 'XAS' ? m.pair : m.sym;
  return typeof raw === 'string' && raw.length > 0 ? fromSocketSymbol(cluster, raw) : null;
}

function parseTrade(m: Json, cluster: PolygonCluster, sink: FrameSink): boolean {
  const symbol = symbolOf(m, cluster);
  const { p, s, t } = m;
  if (symbol === null || typeof p !== 'number' || typeof s !== 'number' || typeof t !== 'number') return false;
  sink.trade({
    symbol,
    time: t,
    timeNs: null, // the socket's `t` is already milliseconds
    price: p,
    size: s,
    exchange: typeof m.x === 'number' ? m.x : null,
    conditions: conditions(m.c),
    id: typeof m.i === 'string' ? m.i : typeof m.i === 'number' ? String(m.i) : null,
  });
  return true;
}

function parseQuote(m: Json, cluster: PolygonCluster, sink: FrameSink): boolean {
  const symbol = symbolOf(m, cluster);
  const { bp, bs, ap, t } = m;
  const as = m.as;
  if (symbol === null || typeof bp !== 'number' || typeof ap !== 'number' || typeof t !== 'number') return false;
  sink.quote({
    symbol,
    time: t,
    timeNs: null,
    bidPrice: bp,
    bidSize: typeof bs === 'number' ? bs : 0,
    askPrice: ap,
    askSize: typeof as === 'number' ? as : 0,
  });
  return true;
}

function parseAggregate(m: Json, cluster: PolygonCluster, timeframe: Timeframe, sink: FrameSink): boolean {
  const symbol = symbolOf(m, cluster);
  const { o, h, l, c, v, s } = m;
  if (
    symbol === null ||
    typeof o !== 'number' ||
    typeof h !== 'number' ||
    typeof l !== 'number' ||
    typeof c !== 'number' ||
    typeof v !== 'number' ||
    typeof s !== 'number'
  ) {
    return false;
  }
  // The socket's aggregates carry no trade count (only `z`, the average size), so `trades`
  // stays null; gap-filled bars are made the same way (see minute-bar-sequencer.ts).
  sink.bar(symbol, timeframe, { time: s, open: o, high: h, low: l, close: c, volume: v, vwap: typeof m.vw === 'number' ? m.vw : null, trades: null });
  return true;
}

function conditions(value: unknown): readonly number[] {
  if (!Array.isArray(value) || value.length === 0) return NO_CONDITIONS;
  for (const code of value as unknown[]) if (typeof code !== 'number') return NO_CONDITIONS;
  return value as number[];
}

