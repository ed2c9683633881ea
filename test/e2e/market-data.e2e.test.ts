import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { watchForErrors } from './support/browser';
import { useE2eSession } from './support/e2e-session';
import type { ServeProcess } from './support/serve-process';
import { AAPL_DAILY_CSV, sharedDataFile } from '../support/shared-data';
import { tempDir } from '../support/temp-dir';

/**
 * 3,379 daily AAPL bars from Yahoo Finance, 2004–2018. (The SPY sample in the same folder has
 * two rows whose low is above the open; the all-or-nothing importer rightly refuses it.)
 */
const REAL_ROWS = 3_379;

describe('market data in Chromium against kestrel serve', () => {
  const session = useE2eSession();
  const serve = (dataDir: string) => session.serve(dataDir);

  async function open(engine: ServeProcess): Promise<{ page: Page; errors: string[] }> {
    const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchForErrors(page);
    await page.goto(engine.url);
    await page.getByTestId('workstation').waitFor();
    return { page, errors };
  }

  /** The chart container's debug attributes (bar count, last bar, state …). */
  const chartData = async (page: Page, name: string): Promise<string> => (await page.getByTestId('chart-canvas').getAttribute(`data-${name}`)) ?? '';
  const barCount = async (page: Page): Promise<number> => Number(await chartData(page, 'bar-count'));

  async function waitForBars(page: Page, symbol: string, timeframe: string): Promise<void> {
    await expect.poll(() => chartData(page, 'symbol'), { timeout: 15_000 }).toBe(symbol);
    await expect.poll(() => chartData(page, 'timeframe'), { timeout: 15_000 }).toBe(timeframe);
    await expect.poll(() => chartData(page, 'state'), { timeout: 15_000 }).toBe('ready');
  }

  async function pickSymbol(page: Page, symbol: string): Promise<void> {
    await page.getByTestId('symbol-search').fill(symbol);
    await page.locator(`[data-testid="symbol-result"][data-symbol="${symbol}"]`).click();
  }

  async function addIndicator(page: Page, kind: string): Promise<void> {
    await page.getByTestId('add-indicator').click();
    await page.getByTestId(`indicator-kind-${kind}`).click();
  }

  /** Wheels the chart's time scale towards older bars (horizontal scroll). */
  async function scrollBack(page: Page, canvas: Locator): Promise<void> {
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(-2000, 0);
  }

  it('shows a live simulated market with no key and no data', async () => {
    const engine = await serve(tempDir());
    const { page, errors } = await open(engine);

    await waitForBars(page, 'SIM:SPY', '1m');
    await expect.poll(() => barCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('simulated-badge').isVisible()).toBe(true);
    expect(await page.getByTestId('chart-legend').textContent()).toMatch(/SIM:SPY.*O\s*[\d.]+.*H\s*[\d.]+.*L\s*[\d.]+.*C\s*[\d.]+.*V/);

    // Live: the last bar moves (a new close or a new bar) without reloading.
    const lastBar = async (): Promise<string> => `${await chartData(page, 'last-time')}/${await chartData(page, 'last-close')}`;
    const first = await lastBar();
    await expect.poll(lastBar, { timeout: 20_000 }).not.toBe(first);
    expect(Number(await chartData(page, 'live-updates'))).toBeGreaterThan(0);

    // The watchlist has the simulated symbols with a last price.
    const spy = page.locator('[data-testid="watchlist-row"][data-symbol="SIM:SPY"]');
    await expect.poll(() => spy.getByTestId('watchlist-last').textContent(), { timeout: 15_000 }).toMatch(/\d/);
    await page.locator('[data-testid="watchlist-row"][data-symbol="SIM:QQQ"]').click();
    await waitForBars(page, 'SIM:QQQ', '1m');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a real CSV through the dialog, charts it, and switches timeframe, adds indicators and scrolls back', async () => {
    const engine = await serve(tempDir());
    const { page, errors } = await open(engine);
    const canvas = page.getByTestId('chart-canvas');
    await waitForBars(page, 'SIM:SPY', '1m');

    await page.getByTestId('open-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file').setInputFiles(sharedDataFile(AAPL_DAILY_CSV));
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-format').textContent()).not.toBe('');
    expect(await page.locator('[data-testid="import-preview"] tbody tr').count()).toBeGreaterThan(0);
    await page.getByTestId('import-symbol').fill('AAPL');
    await page.getByTestId('import-timeframe').selectOption('1d');
    await page.getByTestId('import-commit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    // All or nothing: when the engine refuses, its per-row errors are in the message.
    expect(await result.getAttribute('data-committed'), (await result.textContent()) ?? '').toBe('true');
    expect(Number((await page.getByTestId('import-written').textContent())?.replace(/,/g, ''))).toBeGreaterThan(REAL_ROWS - 5);
    await page.getByTestId('import-close').click();

    // Pick it through the search, daily: one page of bars first (2,000 of 3,379).
    await pickSymbol(page, 'AAPL');
    await page.getByTestId('timeframe-1d').click();
    await waitForBars(page, 'AAPL', '1d');
    expect(await page.getByTestId('simulated-badge').count()).toBe(0);
    expect(await barCount(page)).toBe(2000);
    expect(await chartData(page, 'has-more')).toBe('true');

    // Indicators: SMA on the price pane, RSI in a pane of its own; chips and legend values.
    const canvasesBefore = await canvas.locator('canvas').count();
    await addIndicator(page, 'sma');
    await addIndicator(page, 'rsi');
    expect(await page.getByTestId('indicator-chip').allTextContents()).toEqual([expect.stringMatching(/SMA 20/), expect.stringMatching(/RSI 14/)]);
    await expect.poll(() => chartData(page, 'indicators'), { timeout: 15_000 }).toBe('ready');
    await expect.poll(() => page.locator('[data-testid="legend-indicator"][data-id="sma-1"]').textContent()).toMatch(/SMA 20\s*\d/);
    await expect.poll(() => page.locator('[data-testid="legend-indicator"][data-id="rsi-1"]').textContent()).toMatch(/RSI 14\s*\d/);
    expect(await canvas.locator('canvas').count()).toBeGreaterThan(canvasesBefore);

    // Scroll back into history: the older 1,379 bars are fetched and prepended.
    await expect
      .poll(async () => {
        await scrollBack(page, canvas);
        return barCount(page);
      }, { timeout: 20_000, interval: 300 })
      .toBeGreaterThan(2000);
    await expect
      .poll(async () => {
        await scrollBack(page, canvas);
        return chartData(page, 'has-more');
      }, { timeout: 20_000, interval: 300 })
      .toBe('false');
    expect(Math.abs((await barCount(page)) - REAL_ROWS)).toBeLessThanOrEqual(5);
    // The first row of the file is 2004-08-19 (daily bars open on that date in UTC whatever the convention).
    expect(new Date(Number(await chartData(page, 'first-time'))).toISOString().slice(0, 10)).toBe('2004-08-19');

    // Switch timeframe: the simulated market at 5 minutes, then back to daily AAPL.
    await pickSymbol(page, 'SIM:SPY');
    await page.getByTestId('timeframe-5m').click();
    await waitForBars(page, 'SIM:SPY', '5m');
    await expect.poll(() => barCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await pickSymbol(page, 'AAPL');
    await page.getByTestId('timeframe-1d').click();
    await waitForBars(page, 'AAPL', '1d');

    // Removing an indicator takes its chip and legend row away.
    await page.locator('[data-testid="indicator-chip"][data-kind="sma"]').getByTestId('indicator-remove').click();
    expect(await page.getByTestId('indicator-chip').count()).toBe(1);
    await expect.poll(() => page.getByTestId('legend-indicator').count()).toBe(1);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('remembers the chart and the watchlist across an engine restart', async () => {
    const dataDir = tempDir();
    const first = await serve(dataDir);
    const { page, errors } = await open(first);
    await waitForBars(page, 'SIM:SPY', '1m');

    await pickSymbol(page, 'SIM:QQQ');
    await page.getByTestId('timeframe-5m').click();
    await addIndicator(page, 'ema');
    await page.locator('[data-testid="watchlist-row"][data-symbol="SIM:TLT"]').getByTestId('watchlist-remove').click();
    await expect.poll(() => page.locator('[data-testid="watchlist-row"][data-symbol="SIM:TLT"]').count()).toBe(0);
    await page.waitForTimeout(500); // let the last settings.update land
    expect(errors).toEqual([]);
    await page.close();
    expect(await session.stop(first)).toBe(0);

    const second = await serve(dataDir);
    const again = await open(second);
    await expect.poll(() => chartData(again.page, 'symbol'), { timeout: 15_000 }).toBe('SIM:QQQ');
    expect(await chartData(again.page, 'timeframe')).toBe('5m');
    expect(await again.page.getByTestId('indicator-chip').allTextContents()).toEqual([expect.stringMatching(/EMA 20/)]);
    expect(await again.page.locator('[data-testid="watchlist-row"][data-symbol="SIM:TLT"]').count()).toBe(0);
    expect(await again.page.locator('[data-testid="watchlist-row"][data-symbol="SIM:SPY"]').count()).toBe(1);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});
