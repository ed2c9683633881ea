import { describe, expect, it } from 'vitest';
import type { EquityHistory } from '@shared/dto/trading';
import { FakeEngineClient, flush } from '../../store/testing/fake-engine-client';
import { HISTORY_REFRESH_MS, HistoryPoller } from './history-poller';

function history(equity: string): EquityHistory {
  return {
    points: [{ time: 1_000, equity, cash: equity }],
    dailyReturns: [],
    metrics: {
      startEquity: null,
      endEquity: null,
      totalReturn: null,
      cagr: null,
      annualizedVolatility: null,
      sharpe: null,
      sortino: null,
      calmar: null,
      maxDrawdown: null,
      maxDrawdownDurationMs: null,
      winRate: null,
      profitFactor: null,
      averageTrade: null,
      tradeCount: 0,
      days: 0,
    },
  };
}

/** Timers that run only when the test says so, remembering their delays. */
function manualTimers(): { delay: (run: () => void, ms: number) => () => void; runAll: () => void; pending: () => number[] } {
  let queue: { run: () => void; ms: number }[] = [];
  return {
    delay: (run, ms) => {
      const entry = { run, ms };
      queue.push(entry);
      return () => (queue = queue.filter((e) => e !== entry));
    },
    runAll: () => {
      for (const entry of queue.splice(0)) entry.run();
    },
    pending: () => queue.map((e) => e.ms),
  };
}

describe('HistoryPoller', () => {
  it('fetches at once, then again every ten seconds', async () => {
    let equity = 100;
    const client = new FakeEngineClient().handle('portfolio.history', () => history(String(equity++)));
    const timers = manualTimers();
    const poller = new HistoryPoller(client, { delay: timers.delay });

    poller.start();
    await flush();
    expect(poller.state.getState()).toMatchObject({ status: 'ready', error: null });
    expect(poller.state.getState().history?.points[0]?.equity).toBe('100');
    expect(timers.pending()).toEqual([HISTORY_REFRESH_MS]);

    timers.runAll();
    await flush();
    expect(poller.state.getState().history?.points[0]?.equity).toBe('101');
    expect(client.callsTo('portfolio.history')).toBe(2);
  });

  it('stops polling when stopped and ignores an answer that comes after', async () => {
    let answer: (value: EquityHistory) => void = () => {};
    const client = new FakeEngineClient().handle('portfolio.history', () => new Promise<EquityHistory>((resolve) => (answer = resolve)));
    const timers = manualTimers();
    const poller = new HistoryPoller(client, { delay: timers.delay });
    poller.start();
    poller.stop();
    answer(history('1'));
    await flush();
    expect(poller.state.getState().history).toBeNull();
    expect(timers.pending()).toEqual([]);
  });

  it('skips the engine while the page is hidden but keeps the timer', async () => {
    const client = new FakeEngineClient().handle('portfolio.history', () => history('1'));
    const timers = manualTimers();
    let visible = false;
    const poller = new HistoryPoller(client, { delay: timers.delay, visible: () => visible });
    poller.start();
    await flush();
    expect(client.callsTo('portfolio.history')).toBe(0);
    visible = true;
    timers.runAll();
    await flush();
    expect(client.callsTo('portfolio.history')).toBe(1);
  });

  it('reports a failure and tries again on the next tick', async () => {
    let fail = true;
    const client = new FakeEngineClient().handle('portfolio.history', () => (fail ? Promise.reject(new Error('No journal yet')) : history('5')));
    const timers = manualTimers();
    const poller = new HistoryPoller(client, { delay: timers.delay });
    poller.start();
    await flush();
    expect(poller.state.getState()).toMatchObject({ status: 'error', error: 'No journal yet' });
    fail = false;
    timers.runAll();
    await flush();
    expect(poller.state.getState()).toMatchObject({ status: 'ready', error: null });
  });
});
