import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';
import { watchForErrors } from './support/browser';
import { useE2eSession } from './support/e2e-session';
import { tempDir } from '../support/temp-dir';

describe('workstation in Chromium against kestrel serve', () => {
  const session = useE2eSession();
  const serve = (dataDir: string) => session.serve(dataDir);

  it('shows the workstation frame with the Paper badge, the simulated feed and its panels', async () => {
    const engine = await serve(tempDir());
    const page = await session.browser().newPage();
    const errors = watchForErrors(page);
    await page.goto(engine.url);
    await page.getByTestId('workstation').waitFor();
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toMatch(/Connected/);
    await expect.poll(() => page.getByTestId('mode-badge').textContent()).toMatch(/PAPER/i);
    await expect.poll(() => page.getByTestId('feed-status').textContent()).toMatch(/Simulated/);
    for (const id of ['panel-watchlist', 'panel-chart', 'panel-order-ticket', 'panel-bottom']) {
      expect(await page.getByTestId(id).isVisible(), id).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(META_CONTENT_SECURITY_POLICY);
    const clock = await page.getByTestId('clock').textContent();
    await expect.poll(() => page.getByTestId('clock').textContent(), { timeout: 3000 }).not.toBe(clock);

    await page.getByTestId('tab-log').click();
    await expect.poll(() => page.getByTestId('log-entry').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('log-list').textContent()).toContain('Engine started');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses the page a WebSocket without the token', async () => {
    const engine = await serve(tempDir());
    const page = await session.browser().newPage();
    await page.goto(engine.origin + '/');
    await page.getByTestId('workstation').waitFor({ state: 'attached' }).catch(() => undefined);
    await expect.poll(() => page.getByTestId('connection-status').textContent()).not.toMatch(/^Connected/);
    expect(engine.stderr()).toMatch(/WebSocket refused: missing or wrong token/);
    await page.close();
  });

  it('keeps a setting and the layout changed in the UI across an engine restart', async () => {
    const dataDir = tempDir();
    const first = await serve(dataDir);
    const page = await session.browser().newPage();
    const errors = watchForErrors(page);
    await page.goto(first.url);
    await page.getByTestId('workstation').waitFor();

    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-dialog').waitFor();
    // A URL the engine refuses is reported and nothing is saved.
    await page.getByTestId('settings-polygon-rest').fill('ftp://example.invalid');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toMatch(/Not saved/);
    await page.getByTestId('settings-polygon-rest').fill('http://127.0.0.1:9/polygon');
    await page.getByTestId('settings-theme').selectOption('light');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toMatch(/Saved/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('settings-cancel').click();

    // Drag the watchlist's edge 150 px to the right and let the layout save.
    const watchlist = page.getByTestId('panel-watchlist');
    const before = (await watchlist.boundingBox())!.width;
    const handle = (await page.getByTestId('panel-resize-columns-0').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 150, handle.y + handle.height / 2, { steps: 10 });
    await page.mouse.up();
    const widened = (await watchlist.boundingBox())!.width;
    expect(widened).toBeGreaterThan(before + 100);
    await page.getByTestId('tab-fills').click();
    await page.waitForTimeout(1000); // the layout is saved ~400 ms after the last move
    expect(errors).toEqual([]);
    await page.close();

    expect(await session.stop(first)).toBe(0);

    const second = await serve(dataDir);
    expect(second.url).not.toBe(first.url); // a fresh token
    const again = await session.browser().newPage();
    await again.goto(second.url);
    await again.getByTestId('workstation').waitFor();
    await expect.poll(() => again.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(Math.abs((await again.getByTestId('panel-watchlist').boundingBox())!.width - widened)).toBeLessThan(3);
    expect(await again.getByTestId('tab-fills').getAttribute('aria-selected')).toBe('true');
    await again.getByTestId('open-settings').click();
    expect(await again.getByTestId('settings-theme').inputValue()).toBe('light');
    expect(await again.getByTestId('settings-polygon-rest').inputValue()).toBe('http://127.0.0.1:9/polygon');
    await again.close();
  });
});
