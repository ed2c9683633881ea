import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchForErrors } from './support/browser';
import { useE2eSession } from './support/e2e-session';
import { importAaplDaily } from './support/import-aapl';
import { tempDir } from '../support/temp-dir';

describe('backtesting in Chromium against kestrel serve', () => {
  const session = useE2eSession();

  const chartData = async (page: Page, name: string): Promise<string> => (await page.getByTestId('chart-canvas').getAttribute(`data-${name}`)) ?? '';
  const metric = async (page: Page, name: string): Promise<string> =>
    (await page.locator(`[data-testid="backtest-metrics"] [data-metric="${name}"]`).getAttribute('data-value')) ?? '';
  const progress = async (page: Page, name: string): Promise<string> => (await page.getByTestId('sweep-progress').getAttribute(`data-${name}`)) ?? '';

  async function sweep(page: Page, xValues: string, yValues: string): Promise<void> {
    await page.getByTestId('sweep-param-x').selectOption('fast');
    await page.getByTestId('sweep-values-x').fill(xValues);
    await page.getByTestId('sweep-param-y').selectOption('slow');
    await page.getByTestId('sweep-values-y').fill(yValues);
    await page.getByTestId('sweep-start').click();
  }

  it('runs a strategy on imported bars, shows its trades on the chart, sweeps two parameters and cancels a sweep', async () => {
    const engine = await session.serve(tempDir());
    const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchForErrors(page);
    await page.goto(engine.url);
    await page.getByTestId('workstation').waitFor();
    await expect.poll(() => chartData(page, 'state'), { timeout: 15_000 }).toBe('ready');
    await importAaplDaily(page);

    // A single run: SMA crossover on daily AAPL.
    await page.getByTestId('view-toggle-backtest').click();
    const strategy = page.getByTestId('backtest-strategy');
    await expect.poll(() => strategy.locator('option[value="sma-crossover"]').count(), { timeout: 15_000 }).toBe(1);
    await strategy.selectOption('sma-crossover');
    await page.getByTestId('backtest-symbol').fill('AAPL');
    await page.getByTestId('backtest-timeframe').selectOption('1d');
    await page.getByTestId('backtest-run').click();

    const chart = page.getByTestId('backtest-equity-chart');
    await chart.waitFor({ timeout: 60_000 });
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(3_000);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    expect(await metric(page, 'finalEquity')).toMatch(/^\d+(\.\d+)?$/);
    const trades = Number(await metric(page, 'tradeCount'));
    expect(trades).toBeGreaterThan(0);
    expect(await page.getByTestId('backtest-trade').count()).toBe(trades);
    expect(await page.getByTestId('backtest-run-item').count()).toBe(1);

    // Its fills as markers on the price chart of AAPL, daily.
    await page.getByTestId('backtest-show-on-chart').click();
    await expect.poll(() => chartData(page, 'symbol'), { timeout: 15_000 }).toBe('AAPL');
    await expect.poll(() => chartData(page, 'timeframe'), { timeout: 15_000 }).toBe('1d');
    await expect.poll(() => chartData(page, 'state'), { timeout: 15_000 }).toBe('ready');
    await expect.poll(async () => Number(await chartData(page, 'marker-count')), { timeout: 15_000 }).toBeGreaterThan(0);

    // A two-parameter grid: 3 × 2 runs and a heat map of six cells.
    await page.getByTestId('view-toggle-backtest').click();
    await page.getByTestId('sweep-tab').click();
    await sweep(page, '5, 10, 20', '30, 50');
    await expect.poll(() => progress(page, 'state'), { timeout: 60_000 }).toBe('finished');
    expect([await progress(page, 'done'), await progress(page, 'total')]).toEqual(['6', '6']);
    const cells = page.getByTestId('heatmap-cell');
    await expect.poll(() => cells.count(), { timeout: 15_000 }).toBe(6);
    const points = await cells.evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-x')}x${node.getAttribute('data-y')}`).sort());
    expect(points).toEqual(['10x30', '10x50', '20x30', '20x50', '5x30', '5x50']);
    expect(await page.locator('[data-testid="sweep-table"] [data-testid="sweep-row"]').count()).toBe(6);

    // A big grid (59 × 140 runs), canceled while it runs.
    await sweep(page, '2:60:1', '61:200:1');
    await expect.poll(() => progress(page, 'total'), { timeout: 30_000 }).toBe('8260');
    expect(await progress(page, 'state')).toBe('running');
    // Progress is pushed while it runs.
    await expect.poll(async () => Number(await progress(page, 'done')), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('sweep-cancel').click();
    await expect.poll(() => progress(page, 'state'), { timeout: 30_000 }).toBe('canceled');
    expect(Number(await progress(page, 'done'))).toBeLessThan(8260);

    expect(errors).toEqual([]);
    await page.close();
  });
});
