import { describe, expect, it } from 'vitest';
import type { BacktestMetrics, BacktestTrade, SweepResult } from '@shared/dto/backtest';
import { runCli } from '../../src/main/node/cli/run-cli';
import type { CliIo } from '../../src/main/node/cli/io';
import { listen } from '../../src/main/node/headless/listen';
import { metricScore } from '../../src/main/node/backtest/sweep-planner';
import { inProcessClient, testEngine } from '../support/engine';
import { sharedDataFile } from '../support/shared-data';
import { tempDir } from '../support/temp-dir';

/**
 * `kestrel backtest` and `kestrel sweep` against a real data directory, with real SPY daily
 * bars imported by --data, and real worker threads (started from the sources).
 */

const context = { version: '9.9.9', rendererDir: '/nonexistent' };
const SPY = () => sharedDataFile('daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz');
const RANGE = ['--from', '2010-01-01', '--to', '2015-12-31'];

async function kestrel(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, untilStopped: () => new Promise(() => {}) };
  const code = await runCli([...args, '--data-dir', dataDir], io, context);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

async function kestrelJson<T>(dataDir: string, ...args: string[]): Promise<T> {
  const run = await kestrel(dataDir, ...args, '--json');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as T;
}

interface BacktestJson {
  id: string;
  bars: number;
  metrics: BacktestMetrics;
  trades: BacktestTrade[];
}

describe('kestrel backtest', () => {
  it('imports a CSV with --data, backtests its symbol and prints metrics and round trips', async () => {
    const dataDir = tempDir();
    const args = ['backtest', '--strategy', 'sma-crossover', ...RANGE, '--param', 'fast=10', '--param', 'slow=30'];
    const json = await kestrelJson<BacktestJson>(dataDir, ...args, '--data', SPY());
    expect(json.id).toMatch(/^bt-/);
    expect(json.metrics.finalEquity).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(json.metrics.finalEquity)).toBeCloseTo(json.metrics.endEquity ?? Number.NaN, 2);
    expect(json.trades.length).toBe(json.metrics.tradeCount);
    for (const trade of json.trades) {
      expect(trade.symbol).toBe('SPY');
      expect(trade.exitTime).toBeGreaterThan(trade.entryTime);
      expect(trade.entryTime).toBeGreaterThanOrEqual(Date.parse('2010-01-01T00:00:00Z'));
    }

    // The bars are stored now: the same backtest by symbol gives the same numbers, in words.
    const human = await kestrel(dataDir, ...args, '--symbol', 'SPY', '--timeframe', '1d');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^sma-crossover on SPY 1d, 2010-01-04 to 2015-12-31 \(\d+ bars\)$/m);
    expect(human.out).toMatch(/^params: fast=10 slow=30$/m);
    expect(human.out).toMatch(new RegExp(`^final equity +${Number(json.metrics.finalEquity).toFixed(2)}$`, 'm'));
    expect(human.out).toMatch(new RegExp(`^Trades \\(${json.trades.length}\\):$`, 'm'));
    expect(human.out).toMatch(/^SYMBOL +SIDE +ENTRY +EXIT +QTY +ENTRY PRICE +EXIT PRICE +P&L +RETURN$/m);
  });

  it('documents the fill convention and refuses bad flags as usage errors', async () => {
    const dataDir = tempDir();
    const help = await kestrel(dataDir, 'backtest', '--help');
    expect(help.out).toContain("orders decided on a bar's close fill on the next bar: market orders at its open;\n  no commission or slippage unless configured.");
    expect((await kestrel(dataDir, 'sweep', '--help')).out).toContain('--walk-forward IN,OUT');
    expect((await kestrel(dataDir, 'backtest', '--symbol', 'SPY')).code).toBe(2);
    expect((await kestrel(dataDir, 'backtest', '--strategy', 'sma-crossover', '--symbol', 'SPY', '--from', '2010-13-01')).code).toBe(2);
    expect((await kestrel(dataDir, 'sweep', '--strategy', 'sma-crossover', '--symbol', 'SPY')).code).toBe(2);
    const empty = await kestrel(dataDir, 'backtest', '--strategy', 'sma-crossover', '--symbol', 'SPY');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/NOT_FOUND: No SPY 1d bars from the start to the end: the store has no SPY 1d bars at all/);
  });
});

describe('kestrel sweep', () => {
  it('runs a grid on 2 workers and prints it sorted by sharpe, best first', async () => {
    const dataDir = tempDir();
    const args = ['sweep', '--strategy', 'sma-crossover', '--data', SPY(), ...RANGE, '--grid', 'fast=5,10,20', '--grid', 'slow=30,50', '--workers', '2'];
    const json = await kestrelJson<SweepResult>(dataDir, ...args);
    expect(json.progress).toMatchObject({ state: 'finished', done: 6, total: 6 });
    expect(json.rows).toHaveLength(6);
    const scores = json.rows.map((row) => metricScore(row.metrics, 'sharpe'));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const human = await kestrel(dataDir, ...args.filter((a) => a !== '--data' && a !== SPY()), '--symbol', 'SPY');
    expect(human.code).toBe(0);
    const lines = human.out.split('\n');
    expect(lines[0]).toMatch(/^Sweep sw-\S+: 6\/6 runs, finished; sorted by sharpe\.$/);
    expect(lines[1]).toMatch(/^FAST +SLOW +TRADES +RETURN +CAGR +SHARPE +MAX DD +FINAL EQUITY$/);
    const best = json.rows[0]!;
    expect(lines[2]).toMatch(new RegExp(`^ +${best.params.fast} +${best.params.slow} +${best.metrics.tradeCount} `));
    expect(human.err).toMatch(/… \d\/6 runs/);
  });

  it('walks forward through the running engine that owns the data directory', async () => {
    const dataDir = tempDir();
    const engine = await testEngine({ dataDir });
    await inProcessClient(engine).call('md.import.commit', { source: { kind: 'path', path: SPY() } });
    const listening = await listen(engine, { port: 0, host: '127.0.0.1', rendererDir: null });
    try {
      const json = await kestrelJson<SweepResult>(
        dataDir, 'sweep', '--strategy', 'sma-crossover', '--symbol', 'SPY', ...RANGE, '--grid', 'fast=5,10', '--grid', 'slow=30:50:20', '--walk-forward', '500,250', '--metric', 'totalReturn',
      );
      const windows = new Set(json.rows.map((row) => row.window));
      expect(windows.size).toBeGreaterThanOrEqual(3);
      for (const window of windows) {
        const rows = json.rows.filter((row) => row.window === window);
        expect(rows.map((row) => row.sample)).toEqual(['in', 'in', 'in', 'in', 'out']);
        // Sorted by the metric within the window: the first in-sample row is the one tested out of sample.
        expect(rows[4]!.params).toEqual(rows[0]!.params);
      }
    } finally {
      await listening.close();
    }
  });
});
