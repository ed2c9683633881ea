import type { BacktestRequest } from '@shared/dto/backtest';
import { DomainError } from '../../core/api/domain-error';
import type { BarRange, BarStore, InstrumentStore } from '../../core/ports/bar-store';
import type { BarColumns } from '../../core/market-data/types';
import { defaultInstrument } from './worker/run-job';
import type { PlainInstrument, RunSetup, SeriesData } from './worker/worker-protocol';

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

export interface LoadedSeries {
  series: SeriesData[];
  /** Bars of the first symbol before `from` (warm-up only). */
  warmupBars: number;
}

/** Bars read per slice; the engine's thread serves other work between slices (~50 ms each). */
const SLICE = 32_768;

/**
 * The request's bars from the store, per symbol: `warmup` bars before `from` (so indicators
 * are ready on the first tradable bar), then every bar in [from, to]. Read in slices with a
 * turn of the event loop between them: a million bars take over a second to read, and the
 * engine's thread must keep serving orders and the UI meanwhile. `memory` 'shared': the
 * columns land in one SharedArrayBuffer per symbol, so every worker of a sweep reads one copy.
 */
export async function loadSeries(store: BarStore, request: BacktestRequest, warmupWanted: number, memory: 'own' | 'shared' = 'own'): Promise<LoadedSeries> {
  // A user strategy's warmup() may return anything; a bad answer means none.
  const warmup = Number.isFinite(warmupWanted) ? Math.max(0, Math.floor(warmupWanted)) : 0;
  let warmupBars = 0;
  const series: SeriesData[] = [];
  for (const [index, symbol] of request.symbols.entries()) {
    const slices = await readSlices(store, { symbol, timeframe: request.timeframe, from: request.from, to: request.to });
    if (slices[0]!.length === 0) throw new DomainError('NOT_FOUND', noBarsMessage(store, request, symbol));
    const before =
      request.from === undefined || warmup <= 0
        ? null
        : store.readBars({ symbol, timeframe: request.timeframe, to: request.from - 1, limit: warmup, latest: true });
    if (index === 0) warmupBars = before?.length ?? 0;
    series.push(joinSeries(symbol, before !== null && before.length > 0 ? [before, ...slices] : slices, memory));
  }
  return { series, warmupBars };
}

/** The range's bars in slices of SLICE, oldest first (the last one short, possibly empty). */
async function readSlices(store: BarStore, range: BarRange): Promise<BarColumns[]> {
  const slices: BarColumns[] = [];
  let from = range.from;
  for (;;) {
    const slice = store.readBars({ ...range, ...(from === undefined ? {} : { from }), limit: SLICE });
    slices.push(slice);
    if (slice.length < SLICE) return slices;
    from = slice.time[slice.length - 1]! + 1;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** What stays the same for every run of this request. */
export function runSetup(request: BacktestRequest, instruments: InstrumentStore): RunSetup {
  return {
    timeframe: request.timeframe,
    initialCash: request.initialCash,
    slippage: request.slippage,
    commission: request.commission,
    benchmark: request.benchmark ?? request.symbols[0] ?? null,
    instruments: [...new Set([...request.symbols, ...(request.benchmark ? [request.benchmark] : [])])].map((symbol) => plainInstrument(instruments, symbol)),
  };
}

function plainInstrument(store: InstrumentStore, symbol: string): PlainInstrument {
  const instrument = store.getInstrument(symbol);
  if (!instrument) return defaultInstrument(symbol);
  return {
    symbol,
    tickSize: instrument.tickSize,
    lotSize: instrument.lotSize,
    assetClass: instrument.assetClass,
    // As in paper trading: the simulator's market and crypto never close.
    alwaysOpen: instrument.assetClass === 'crypto' || symbol.startsWith('SIM:'),
  };
}

/** The distinct buffers behind the series, to transfer them to a worker rather than copy. */
export function transferables(series: readonly SeriesData[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const data of series) {
    for (const column of COLUMNS) {
      const buffer = data[column].buffer;
      if (buffer instanceof ArrayBuffer) buffers.add(buffer);
    }
  }
  return [...buffers];
}

/** The parts end to end in one copy per column (none for a single part in own memory). */
function joinSeries(symbol: string, parts: readonly BarColumns[], memory: 'own' | 'shared'): SeriesData {
  const single = parts.length === 1 ? parts[0]! : null;
  if (single && memory === 'own') {
    return { symbol, time: single.time, open: single.open, high: single.high, low: single.low, close: single.close, volume: single.volume };
  }
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = length * Float64Array.BYTES_PER_ELEMENT;
  const buffer = memory === 'shared' ? new SharedArrayBuffer(bytes * COLUMNS.length) : null;
  const join = (column: (typeof COLUMNS)[number], i: number) => {
    const out = buffer ? new Float64Array(buffer, i * bytes, length) : new Float64Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part[column].subarray(0, part.length), at);
      at += part.length;
    }
    return out;
  };
  const [time, open, high, low, close, volume] = COLUMNS.map(join) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  return { symbol, time, open, high, low, close, volume };
}

function noBarsMessage(store: BarStore, request: BacktestRequest, symbol: string): string {
  const extent = store.extent(symbol, request.timeframe);
  const range = `${request.from === undefined ? 'the start' : isoDate(request.from)} to ${request.to === undefined ? 'the end' : isoDate(request.to)}`;
  const stored = extent ? `the store has ${symbol} ${request.timeframe} bars from ${isoDate(extent.first)} to ${isoDate(extent.last)}` : `the store has no ${symbol} ${request.timeframe} bars at all`;
  return `No ${symbol} ${request.timeframe} bars from ${range}: ${stored}. Import a CSV (kestrel import FILE) or backfill from Polygon first.`;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
