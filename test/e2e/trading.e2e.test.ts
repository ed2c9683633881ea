import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Decimal, toDecimalString } from '../../src/shared/money/decimal';
import { watchForErrors } from './support/browser';
import { useE2eSession } from './support/e2e-session';
import { engineClient, type ServeProcess } from './support/serve-process';
import { tempDir } from '../support/temp-dir';

/** Paper trading on the simulated market, through the real ticket, blotter and positions. */
describe('trading in Chromium against kestrel serve', () => {
  const session = useE2eSession();

  async function open(engine: ServeProcess): Promise<{ page: Page; errors: string[] }> {
    const page = await session.browser().newPage({ viewport: { width: 1500, height: 950 } });
    const errors = watchForErrors(page);
    await page.goto(engine.url);
    await page.getByTestId('workstation').waitFor();
    return { page, errors };
  }

  /** SIM:SPY's last price from the watchlist, once the simulator has one. */
  async function lastPrice(page: Page): Promise<number> {
    const cell = page.locator('[data-testid="watchlist-row"][data-symbol="SIM:SPY"]').getByTestId('watchlist-last');
    await expect.poll(async () => Number((await cell.textContent())?.replace(/,/g, '')), { timeout: 15_000 }).toBeGreaterThan(0);
    return Number((await cell.textContent())?.replace(/,/g, ''));
  }

  async function sendOrder(page: Page, order: { side: 'buy' | 'sell'; type: string; quantity: string; limit?: string }): Promise<void> {
    await page.getByTestId(`ticket-side-${order.side}`).click();
    await page.getByTestId('ticket-type').selectOption(order.type);
    await page.getByTestId('ticket-quantity').fill(order.quantity);
    if (order.limit !== undefined) await page.getByTestId('ticket-limit-price').fill(order.limit);
    await page.getByTestId('ticket-submit').click();
    await page.getByTestId('order-confirm-send').click();
  }

  const figure = (page: Page, id: string) => page.getByTestId(id).getAttribute('data-value');


  it('places a working limit buy, modifies it to fill, shows the position and P&L, and closes it', async () => {
    const engine = await session.serve(tempDir());
    const { page, errors } = await open(engine);
    const last = await lastPrice(page);

    // Below the market: it works.
    await sendOrder(page, { side: 'buy', type: 'limit', quantity: '10', limit: (last * 0.95).toFixed(2) });
    await expect.poll(() => page.getByTestId('ticket-result').getAttribute('data-status')).toBe('accepted');
    await page.getByTestId('tab-orders').click();
    const working = page.locator('[data-testid^="order-row-"][data-status="accepted"]');
    await expect.poll(() => working.count()).toBe(1);
    const id = (await working.getAttribute('data-order-id')) ?? '';

    // Modified in place above the market: the replacement fills.
    await page.getByTestId(`order-modify-${id}`).click();
    await page.getByTestId(`order-edit-limit-${id}`).fill((last * 1.05).toFixed(2));
    await page.getByTestId(`order-edit-save-${id}`).click();
    await expect.poll(() => page.locator('[data-testid^="order-row-"][data-status="filled"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('[data-testid^="order-row-"][data-status="replaced"]').count()).toBe(1);

    // The position, marked to the moving market.
    await page.getByTestId('tab-positions').click();
    const row = page.getByTestId('position-row-SIM:SPY');
    await expect.poll(() => row.getAttribute('data-quantity'), { timeout: 10_000 }).toBe('10');
    const firstUnrealized = await figure(page, 'account-unrealized-pnl');
    await expect.poll(() => figure(page, 'account-unrealized-pnl'), { timeout: 20_000 }).not.toBe(firstUnrealized);
    expect(await figure(page, 'account-realized-pnl')).toBe('0');

    // Closed: the position goes, and the round trip's P&L is realized — exactly what its
    // fills say, to the last decimal.
    await page.getByTestId('position-close-SIM:SPY').click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    const client = engineClient(engine);
    const fills = await client.call('orders.fills', {});
    client.close();
    expect(fills.map((fill) => fill.side).sort()).toEqual(['buy', 'sell']);
    const realized = fills.reduce(
      (total, fill) => total.plus(new Decimal(fill.quantity).times(fill.price).times(fill.side === 'sell' ? 1 : -1)).minus(fill.commission),
      new Decimal(0),
    );
    await expect.poll(() => figure(page, 'account-realized-pnl'), { timeout: 10_000 }).toBe(toDecimalString(realized));
    expect(await figure(page, 'account-unrealized-pnl')).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the rule and the numbers when an order breaks a risk limit', async () => {
    const engine = await session.serve(tempDir());
    const { page, errors } = await open(engine);
    await lastPrice(page);
    await page.getByTestId('ticket-side-buy').click();
    await page.getByTestId('ticket-type').selectOption('market');
    await page.getByTestId('ticket-quantity').fill('200000');
    // The preview warns before sending …
    await expect.poll(() => page.getByTestId('ticket-risk').getAttribute('data-rule'), { timeout: 10_000 }).toBe('max_order_quantity');
    await page.getByTestId('ticket-submit').click();
    await page.getByTestId('order-confirm-send').click();
    // … and the engine refuses it with the rule and both numbers.
    const result = page.getByTestId('ticket-result');
    await expect.poll(() => result.getAttribute('data-rule')).toBe('max_order_quantity');
    expect(await result.textContent()).toMatch(/200,000.*100,000|100,000.*200,000/);
    await page.getByTestId('tab-orders').click();
    await expect.poll(() => page.locator('[data-testid^="order-row-"][data-status="rejected"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trips the kill switch at the daily loss limit and blocks new orders until reset', async () => {
    const engine = await session.serve(tempDir());
    const client = engineClient(engine);
    // A $50 commission per order makes the first fill a certain loss beyond the $20 limit.
    const settings = await client.call('settings.get', {});
    await client.call('settings.update', {
      paper: { ...settings.paper, commission: { model: 'per_order', amount: '50' } },
      risk: { ...settings.risk, maxDailyLoss: '20' },
    });
    client.close();
    const { page, errors } = await open(engine);
    await lastPrice(page);

    await sendOrder(page, { side: 'buy', type: 'market', quantity: '1' });
    await expect.poll(() => page.getByTestId('ticket-result').getAttribute('data-status'), { timeout: 10_000 }).toBe('filled');
    await page.getByTestId('kill-switch-banner').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('kill-switch-reason').textContent()).toMatch(/loss/i);

    await sendOrder(page, { side: 'buy', type: 'market', quantity: '1' });
    await expect.poll(() => page.getByTestId('ticket-result').getAttribute('data-rule')).toBe('kill_switch');

    await page.getByTestId('kill-switch-reset').click();
    await expect.poll(() => page.getByTestId('kill-switch-banner').count()).toBe(0);
    await sendOrder(page, { side: 'sell', type: 'market', quantity: '1' });
    await expect.poll(() => page.getByTestId('ticket-result').getAttribute('data-status'), { timeout: 10_000 }).toBe('filled');
    expect(errors).toEqual([]);
    await page.close();
  });
});
