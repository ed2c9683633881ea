import { describe, expect, it } from 'vitest';
import type { BarSeries, BarUpdate } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import { RpcError } from '@shared/client/rpc-error';
import { FakeEngineClient, flush } from '../../store/testing/fake-engine-client';
import { ChartSession } from './chart-session';
import { MIN, columns, liveBar } from './testing/chart-fixtures';
import { RecordingSurface } from './testing/recording-surface';

const SMA: IndicatorSpec = { id: 'sma-1', kind: 'sma', period: 20 };

/** An engine with `total` one-minute bars of SIM:SPY, answering md.bars like the contract says. */
function engine(total: number): FakeEngineClient {
  const minutes = Array.from({ length: total }, (_, i) => i + 1);
  return new FakeEngineClient()
    .handle('md.bars', ({ symbol, timeframe, before, limit = 2000 }): BarSeries => {
      const older = minutes.filter((m) => before === undefined || m * MIN < before);
      const page = older.slice(Math.max(0, older.length - limit));
      return { symbol, timeframe, ...columns(page), hasMore: page.length < older.length };
    })
    .handle('md.indicators', ({ limit = 2000 }) => {
      const page = minutes.slice(Math.max(0, minutes.length - limit));
      return { time: page.map((m) => m * MIN), series: [{ id: 'sma-1', kind: 'sma', lines: [{ name: 'sma', values: page.map((m) => m) }] }] };
    })
    .handle('md.instruments.search', () => []);
}

/** Timers that only run when the test says so. */
function manualTimers(): { delay: (run: () => void, ms: number) => () => void; runAll: () => void } {
  let queue: (() => void)[] = [];
  return {
    delay: (run) => {
      queue.push(run);
      return () => (queue = queue.filter((entry) => entry !== run));
    },
    runAll: () => {
      for (const run of queue.splice(0)) run();
    },
  };
}

function update(minute: number, close: number, symbol = 'SIM:SPY'): BarUpdate {
  return { symbol, timeframe: '1m', bar: { ...liveBar(minute, close), vwap: null, trades: null }, final: false };
}

function session(client: FakeEngineClient, timers = manualTimers()): { chart: ChartSession; surface: RecordingSurface } {
  const surface = new RecordingSurface();
  const chart = new ChartSession(client, surface, { nextFrame: (run) => run(), delay: timers.delay, pageBars: 100 });
  return { chart, surface };
}

const SPY = { symbol: 'SIM:SPY', timeframe: '1m', zone: 'utc' } as const;

describe('ChartSession', () => {
  it('draws the latest page and reports it', async () => {
    const { chart, surface } = session(engine(250));
    chart.show(SPY);
    expect(chart.status.getState().state).toBe('loading');
    await flush();

    expect(surface.lastBars()).toEqual({ count: 100, view: { kind: 'latest' } });
    expect(chart.status.getState()).toMatchObject({ state: 'ready', barCount: 100, hasMore: true, lastTime: 250 * MIN });
    expect(chart.legend.getState().bar?.close).toBe('250.50');
  });

  it('says when a symbol has no bars', async () => {
    const { chart } = session(engine(0));
    chart.show(SPY);
    await flush();
    expect(chart.status.getState()).toMatchObject({ state: 'empty', barCount: 0 });
  });

  it('applies live bars for the shown symbol only, without a React render', async () => {
    const { chart, surface } = session(engine(250));
    chart.show(SPY);
    await flush();

    chart.receiveBar(update(250, 300));
    chart.receiveBar(update(251, 301));
    chart.receiveBar(update(251, 302, 'SIM:QQQ'));
    expect(surface.updates).toEqual([
      { index: 99, close: 300, historical: false },
      { index: 100, close: 301, historical: false },
    ]);
    expect(chart.status.getState()).toMatchObject({ barCount: 101, lastClose: 301, liveUpdates: 2 });
  });

  it('keeps live bars that arrive while the first page loads', async () => {
    const { chart, surface } = session(engine(250));
    chart.show(SPY);
    chart.receiveBar(update(251, 400));
    await flush();
    expect(surface.lastBars()?.count).toBe(101);
    expect(chart.status.getState().lastClose).toBe(400);
  });

  it('prepends older bars when the view nears the left edge, keeping the view', async () => {
    const client = engine(250);
    const { chart, surface } = session(client);
    chart.show(SPY);
    await flush();

    surface.scrollTo(60);
    expect(client.callsTo('md.bars')).toBe(1);
    surface.scrollTo(10);
    surface.scrollTo(5);
    await flush();
    expect(client.calls.filter((c) => c.method === 'md.bars')[1]?.params).toEqual({ symbol: 'SIM:SPY', timeframe: '1m', before: 151 * MIN, limit: 100 });
    expect(surface.lastBars()).toEqual({ count: 200, view: { kind: 'keep', shift: 100 } });
    expect(chart.status.getState()).toMatchObject({ barCount: 200, hasMore: true, loadingOlder: false });
  });

  it('keeps loading while the view is still at the edge and stops at the first bar', async () => {
    const client = engine(250);
    const { chart, surface } = session(client);
    chart.show(SPY);
    await flush();
    surface.scrollTo(-500);
    await flush();
    await flush();
    expect(chart.status.getState()).toMatchObject({ barCount: 250, hasMore: false });
    expect(client.callsTo('md.bars')).toBe(3);
  });

  it('ignores a slow answer for a symbol no longer shown', async () => {
    const { chart } = session(engine(250));
    chart.show(SPY);
    chart.show({ ...SPY, symbol: 'SIM:QQQ' });
    await flush();
    expect(chart.status.getState().symbol).toBe('SIM:QQQ');
    chart.receiveBar(update(251, 1));
    expect(chart.status.getState().liveUpdates).toBe(0);
  });

  it('retries later when market data is unavailable', async () => {
    const timers = manualTimers();
    let fail = true;
    const client = engine(10);
    const ok = client;
    const failing = new FakeEngineClient()
      .handle('md.bars', (params) => {
        if (fail) throw new RpcError({ code: 'UNAVAILABLE', message: 'Market data is not available in this build yet' });
        return ok.call('md.bars', params);
      })
      .handle('md.instruments.search', () => []);
    const { chart } = session(failing, timers);
    chart.show(SPY);
    await flush();
    expect(chart.status.getState()).toMatchObject({ state: 'error', message: 'Market data is not available in this build yet' });

    fail = false;
    timers.runAll();
    await flush();
    expect(chart.status.getState()).toMatchObject({ state: 'ready', barCount: 10 });
  });

  it('fetches indicators over the loaded bars and refreshes them at most once per interval', async () => {
    const timers = manualTimers();
    const client = engine(250);
    const { chart, surface } = session(client, timers);
    chart.setIndicators([SMA]);
    chart.show(SPY);
    await flush();
    expect(surface.specs).toEqual([SMA]);
    expect(surface.frame?.time.length).toBe(100);
    expect(chart.legend.getState().indicators).toEqual([{ id: 'sma-1', label: 'SMA 20', colors: [expect.any(String)], values: ['250.00'] }]);

    chart.receiveBar(update(250, 1));
    chart.receiveBar(update(250, 2));
    expect(client.callsTo('md.indicators')).toBe(1);
    timers.runAll();
    await flush();
    expect(client.callsTo('md.indicators')).toBe(2);
    expect(surface.indicatorPoints).toEqual([{ id: 'sma-1', line: 0, points: [{ time: 250 * MIN, value: 250 }] }]);
  });

  it('fills in the indicator values of a bar once the engine has stored it', async () => {
    const timers = manualTimers();
    let stored = 250;
    const client = engine(250).handle('md.indicators', ({ limit = 2000 }) => {
      const minutes = Array.from({ length: stored }, (_, i) => i + 1).slice(-limit);
      return { time: minutes.map((m) => m * MIN), series: [{ id: 'sma-1', kind: 'sma', lines: [{ name: 'sma', values: minutes.map((m) => m) }] }] };
    });
    const { chart, surface } = session(client, timers);
    chart.setIndicators([SMA]);
    chart.show(SPY);
    await flush();

    chart.receiveBar(update(251, 1)); // forming: the engine has no indicator values for it yet
    timers.runAll();
    await flush();
    expect(chart.legend.getState().indicators[0]?.values).toEqual(['250.00']);

    stored = 251; // bar 251 finished and stored; 252 is forming
    chart.receiveBar(update(252, 2));
    timers.runAll();
    await flush();
    expect(surface.indicatorPoints.at(-1)?.points).toEqual([
      { time: 250 * MIN, value: 250 },
      { time: 251 * MIN, value: 251 },
    ]);
    expect(chart.legend.getState().indicators[0]?.values).toEqual(['251.00']);
  });

  it('fetches indicators once live bars fill a chart that started empty', async () => {
    const timers = manualTimers();
    const client = engine(0);
    const { chart, surface } = session(client, timers);
    chart.setIndicators([SMA]);
    chart.show(SPY);
    await flush();
    expect(client.callsTo('md.indicators')).toBe(0);

    chart.receiveBar(update(1, 5));
    timers.runAll();
    await flush();
    expect(client.callsTo('md.indicators')).toBe(1);
    expect(surface.frame).not.toBeNull();
  });

  it('shows the bar under the crosshair in the legend', async () => {
    const { chart, surface } = session(engine(250));
    chart.show(SPY);
    await flush();
    surface.hover(0);
    expect(chart.legend.getState().bar?.open).toBe('151.00');
    surface.hover(null);
    expect(chart.legend.getState().bar?.open).toBe('250.00');
  });

  it('marks the first paint for the bench', async () => {
    const { chart, surface } = session(engine(250));
    performance.clearMarks();
    chart.show(SPY);
    await flush();
    surface.paint();
    const painted = performance.getEntriesByName('kestrel:chart:bars-painted') as PerformanceMark[];
    expect(painted.at(-1)?.detail).toMatchObject({ symbol: 'SIM:SPY', timeframe: '1m', bars: 100 });
    expect(performance.getEntriesByName('kestrel:chart:bars-received')).toHaveLength(1);
  });
});
