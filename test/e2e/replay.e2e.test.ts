import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchForErrors } from './support/browser';
import { useE2eSession } from './support/e2e-session';
import { importAaplDaily } from './support/import-aapl';
import { tempDir } from '../support/temp-dir';

describe('replay in Chromium against kestrel serve', () => {
  const session = useE2eSession();

  const chartData = async (page: Page, name: string): Promise<string> => (await page.getByTestId('chart-canvas').getAttribute(`data-${name}`)) ?? '';
  const barCount = async (page: Page): Promise<number> => Number(await chartData(page, 'bar-count'));
  const clock = async (page: Page): Promise<number> => Number((await page.getByTestId('replay-clock').getAttribute('data-time')) ?? Number.NaN);

  it('replays imported daily AAPL bars on the chart: history clipped, bars growing, clock moving, pause and stop', async () => {
    const engine = await session.serve(tempDir());
    const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchForErrors(page);
    await page.goto(engine.url);
    await page.getByTestId('workstation').waitFor();
    await importAaplDaily(page);

    await page.getByTestId('symbol-search').fill('AAPL');
    await page.locator('[data-testid="symbol-result"][data-symbol="AAPL"]').click();
    await page.getByTestId('timeframe-1d').click();
    await expect.poll(() => chartData(page, 'symbol'), { timeout: 15_000 }).toBe('AAPL');
    await expect.poll(() => chartData(page, 'state'), { timeout: 15_000 }).toBe('ready');
    const fullLast = Number(await chartData(page, 'last-time'));
    expect(new Date(fullLast).toISOString().slice(0, 10)).toBe('2018-01-19');

    // The form defaults to daily bars five trading days before the newest: 2018-01-11 (Monday the
    // 15th was a holiday), whose bar opens at midnight in New York.
    await page.getByTestId('replay-open').click();
    await expect.poll(() => page.getByTestId('replay-from').inputValue(), { timeout: 10_000 }).toBe('2018-01-11T05:00');
    expect(await page.getByTestId('replay-timeframe').inputValue()).toBe('1d');
    await page.getByTestId('replay-from').fill('2016-01-04T00:00');
    await page.getByTestId('replay-speed').selectOption('1000');
    await page.getByTestId('replay-start').click();

    // The chart reloads with history up to the replay clock, then grows as bars are played.
    const bar = page.getByTestId('replay-bar');
    await expect.poll(() => bar.getAttribute('data-state'), { timeout: 10_000 }).toBe('playing');
    expect(await bar.textContent()).toMatch(/Replay\s*AAPL\s*1d/);
    await expect.poll(async () => Number(await chartData(page, 'last-time')), { timeout: 15_000 }).toBeLessThan(Date.UTC(2016, 1, 1));
    const early = await barCount(page);
    const earlyClock = await clock(page);
    expect(earlyClock).toBeGreaterThanOrEqual(Date.UTC(2016, 0, 4));
    await expect.poll(() => barCount(page), { timeout: 20_000 }).toBeGreaterThan(early + 10);
    await expect.poll(() => clock(page), { timeout: 10_000 }).toBeGreaterThan(earlyClock + 10 * 86_400_000);

    // Pause: the clock and the bars stand still.
    await page.getByTestId('replay-pause').click();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('paused');
    await page.getByTestId('replay-resume').waitFor();
    const pausedClock = await clock(page);
    const pausedBars = await barCount(page);
    await page.waitForTimeout(1500);
    expect(await clock(page)).toBe(pausedClock);
    expect(await barCount(page)).toBe(pausedBars);
    // Bars never run ahead of the replay clock (checked paused: while playing, the clock on
    // screen is throttled to a few updates a second and may trail the newest bar).
    expect(Number(await chartData(page, 'last-time'))).toBeLessThanOrEqual(pausedClock);
    expect(await page.getByTestId('replay-clock').textContent()).toBe(`${new Date(pausedClock).toISOString().slice(0, 19).replace('T', ' ')} UTC`);

    // Stop: the full history is back.
    await page.getByTestId('replay-stop').click();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('idle');
    await expect.poll(async () => Number(await chartData(page, 'last-time')), { timeout: 15_000 }).toBe(fullLast);

    expect(errors).toEqual([]);
    await page.close();
  });
});
