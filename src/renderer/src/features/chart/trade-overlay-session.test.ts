import { describe, expect, it } from 'vitest';
import type { BarSeries, BarUpdate } from '@shared/dto/market-data';
import { FakeEngineClient, flush } from '../../store/testing/fake-engine-client';
import { createTradingStore } from '../../store/trading/trading-store';
import { T0, fill, order } from '../../store/trading/testing/trading-fixtures';
import { ChartSession } from './chart-session';
import { MIN, columns, liveBar } from './testing/chart-fixtures';
import { RecordingSurface } from './testing/recording-surface';
import type { OrderLine, TradeMarker, TradeOverlaySurface } from './trade-overlay';
import { TradeOverlay } from './trade-overlay-session';
import { createBacktestStore } from '../../store/backtest/backtest-store';
import { backtestFillSource } from '../../store/backtest/backtest-overlay';
import { REQUEST, result } from '../../store/backtest/testing/backtest-fixtures';

/** Records what the overlay drew. */
class RecordingOverlay implements TradeOverlaySurface {
  markers: (readonly TradeMarker[])[] = [];
  lines: (readonly OrderLine[])[] = [];
  setTradeMarkers(markers: readonly TradeMarker[]): void {
    this.markers.push(markers);
  }
  setOrderLines(lines: readonly OrderLine[]): void {
    this.lines.push(lines);
  }
  lastMarkers(): string[] {
    return (this.markers.at(-1) ?? []).map((m) => `${m.id}@${m.time}`);
  }
  lastLines(): string[] {
    return (this.lines.at(-1) ?? []).map((l) => `${l.id}:${l.title}`);
  }
}

/** One-minute bars of SIM:SPY at minutes 1…10, and the chart and overlay wired as ChartView does. */
function setup(): { chart: ChartSession; overlay: RecordingOverlay; trading: ReturnType<typeof createTradingStore> } {
  const client = new FakeEngineClient()
    .handle('md.bars', ({ symbol, timeframe }): BarSeries => ({ symbol, timeframe, ...columns([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), hasMore: false }))
    .handle('md.instruments.search', () => []);
  const trading = createTradingStore(client);
  const overlay = new RecordingOverlay();
  const trades = new TradeOverlay(trading, overlay);
  const chart = new ChartSession(client, new RecordingSurface(), {
    nextFrame: (run) => run(),
    onBars: (bars, symbol) => trades.barsChanged(bars, symbol),
  });
  return { chart, overlay, trading };
}

const update = (minute: number): BarUpdate => ({
  symbol: 'SIM:SPY',
  timeframe: '1m',
  bar: { ...liveBar(minute, 5), vwap: null, trades: null },
  final: false,
});

describe('TradeOverlay on a chart session', () => {
  it('places known fills once the bars load, and new fills as they arrive', async () => {
    const { chart, overlay, trading } = setup();
    trading.getState().receiveFill(fill('f1', { time: 3 * MIN + 10_000 }));
    chart.show({ symbol: 'SIM:SPY', timeframe: '1m', zone: 'utc' });
    expect(overlay.markers).toEqual([]);
    await flush();
    expect(overlay.lastMarkers()).toEqual([`f1@${(3 * MIN) / 1000}`]);

    trading.getState().receiveFill(fill('f2', { side: 'sell', time: 7 * MIN }));
    trading.getState().receiveFill(fill('f3', { symbol: 'SIM:QQQ', time: 7 * MIN }));
    expect(overlay.lastMarkers()).toEqual([`f1@${(3 * MIN) / 1000}`, `f2@${(7 * MIN) / 1000}`]);
    expect(overlay.markers).toHaveLength(2);
  });

  it('moves a fill onto its own bar when that bar arrives live', async () => {
    const { chart, overlay, trading } = setup();
    chart.show({ symbol: 'SIM:SPY', timeframe: '1m', zone: 'utc' });
    await flush();
    trading.getState().receiveFill(fill('f1', { time: 11 * MIN + 1_000 }));
    expect(overlay.lastMarkers()).toEqual([`f1@${(10 * MIN) / 1000}`]);
    chart.receiveBar(update(11));
    expect(overlay.lastMarkers()).toEqual([`f1@${(11 * MIN) / 1000}`]);
  });

  it('draws working orders of the shown symbol and follows their changes', async () => {
    const { chart, overlay, trading } = setup();
    trading.getState().receiveOrder(order('o1', { limitPrice: '450.25' }));
    chart.show({ symbol: 'SIM:SPY', timeframe: '1m', zone: 'utc' });
    await flush();
    expect(overlay.lastLines()).toEqual(['o1:BUY LMT 100']);

    trading.getState().receiveOrder(order('o1', { status: 'canceled', updatedAt: T0 + 1 }));
    expect(overlay.lastLines()).toEqual([]);

    chart.show({ symbol: 'SIM:QQQ', timeframe: '1m', zone: 'utc' });
    trading.getState().receiveOrder(order('q1', { symbol: 'SIM:QQQ', side: 'sell', limitPrice: '380' }));
    expect(overlay.lastLines()).toEqual(['q1:SELL LMT 100']);
  });

  it('clears the markers when another symbol is shown', async () => {
    const { chart, overlay, trading } = setup();
    trading.getState().receiveFill(fill('f1', { time: 3 * MIN }));
    chart.show({ symbol: 'SIM:SPY', timeframe: '1m', zone: 'utc' });
    await flush();
    chart.show({ symbol: 'SIM:QQQ', timeframe: '1m', zone: 'utc' });
    expect(overlay.lastMarkers()).toEqual([]);
  });

  it('adds the fills of a backtest shown on the chart and reports the marker count', async () => {
    const client = new FakeEngineClient().handle('md.bars', ({ symbol, timeframe }): BarSeries => ({ symbol, timeframe, ...columns([1, 2, 3, 4, 5]), hasMore: false }));
    const trading = createTradingStore(client);
    const backtest = createBacktestStore(client);
    const overlay = new RecordingOverlay();
    const counts: number[] = [];
    const trades = new TradeOverlay(trading, overlay, { extraFills: backtestFillSource(backtest), onMarkers: (count) => counts.push(count) });
    const chart = new ChartSession(client, new RecordingSurface(), { nextFrame: (run) => run(), onBars: (bars, symbol) => trades.barsChanged(bars, symbol) });
    trading.getState().receiveFill(fill('f1', { time: 2 * MIN }));
    chart.show({ symbol: 'SIM:SPY', timeframe: '1m', zone: 'utc' });
    await flush();

    const fills = [{ symbol: 'SIM:SPY', side: 'buy' as const, time: 4 * MIN, quantity: '10', price: '1', commission: '0' }];
    backtest.getState().showOnChart({ ...result('r9'), request: { ...REQUEST, symbols: ['SIM:SPY'] }, fills });
    expect(overlay.lastMarkers()).toEqual([`f1@${(2 * MIN) / 1000}`, `bt-r9-0@${(4 * MIN) / 1000}`]);
    backtest.getState().clearOverlay();
    expect(overlay.lastMarkers()).toEqual([`f1@${(2 * MIN) / 1000}`]);
    expect(counts).toEqual([1, 2, 1]);
  });
});
