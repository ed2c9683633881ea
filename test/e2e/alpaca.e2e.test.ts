import { afterEach, describe, expect, it } from 'vitest';
import { engineClient } from './support/serve-process';
import { startFakeAlpaca, type FakeAlpaca } from '../fakes/alpaca/fake-alpaca-server';
import { watchForErrors } from './support/browser';
import { useE2eSession } from './support/e2e-session';
import { tempDir } from '../support/temp-dir';

/**
 * Connecting Alpaca from the UI (keys typed into Settings, against the fake Alpaca on
 * 127.0.0.1), then trading through it from the ticket: the account and the position Alpaca
 * already holds appear, an order works, is canceled, another fills from the stream.
 */
const KEY = { keyId: 'PKE2EALPACA0001', secret: 'e2e-secret-abcdef0123456789' };

describe('Alpaca in Chromium against kestrel serve (fake Alpaca)', () => {
  const session = useE2eSession();
  let fake: FakeAlpaca | null = null;
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  it('enters keys, shows the account, places and cancels from the ticket and books a fill from the stream', async () => {
    fake = await startFakeAlpaca({ keys: [KEY], clock: 'system', cash: '50000' });
    const engine = await session.serve(tempDir(), {
      KESTREL_ALPACA_TRADING_URL: fake.tradingUrl,
      KESTREL_ALPACA_STREAM_URL: fake.streamUrl,
      KESTREL_ALPACA_DATA_URL: fake.dataStreamUrl,
    });
    const client = engineClient(engine);
    const chart = await client.call('settings.get', {});
    await client.call('settings.update', { watchlist: ['AAPL'], chart: { ...chart.chart, symbol: 'AAPL', timeframe: '1m' } });
    client.close();

    const page = await session.browser().newPage({ viewport: { width: 1500, height: 950 } });
    const errors = watchForErrors(page);
    await page.goto(engine.url);
    await page.getByTestId('workstation').waitFor();
    await expect.poll(() => page.getByTestId('mode-badge').getAttribute('data-mode')).toBe('paper');
    await expect.poll(() => page.getByTestId('broker-status').getAttribute('data-broker')).toBe('paper');

    // Keys into Settings: serve mode asks for a passphrase to encrypt them under.
    await page.getByTestId('open-settings').click();
    await page.getByTestId('broker-key-id').fill(KEY.keyId);
    await page.getByTestId('broker-secret').fill(KEY.secret);
    await page.getByTestId('broker-profile-paper').check();
    await page.getByTestId('broker-passphrase').fill('e2e passphrase 123');
    await page.getByTestId('broker-connect').click();
    await expect.poll(() => page.getByTestId('broker-status').getAttribute('data-broker'), { timeout: 15_000 }).toBe('alpaca');
    await expect.poll(() => page.getByTestId('broker-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    expect(await page.getByTestId('broker-masked-key').textContent()).toContain('PKE2…01');
    // The secret never comes back to the page.
    expect(await page.getByTestId('broker-secret').inputValue()).toBe('');
    expect(await page.content()).not.toContain(KEY.secret);
    await page.getByTestId('settings-cancel').click();

    // The account is Alpaca's.
    await expect.poll(() => page.getByTestId('account-cash').getAttribute('data-value'), { timeout: 10_000 }).toBe('50000');
    expect(await page.getByTestId('mode-badge').getAttribute('data-mode')).toBe('paper');

    // A working limit order from the ticket, canceled from the blotter.
    await expect.poll(() => page.getByTestId('ticket-symbol').textContent()).toContain('AAPL');
    await page.getByTestId('ticket-side-buy').click();
    await page.getByTestId('ticket-type').selectOption('limit');
    await page.getByTestId('ticket-quantity').fill('5');
    await page.getByTestId('ticket-limit-price').fill('150');
    await page.getByTestId('ticket-submit').click();
    await page.getByTestId('order-confirm-send').click();
    await expect.poll(() => page.getByTestId('ticket-result').getAttribute('data-status'), { timeout: 10_000 }).toBe('accepted');
    await page.getByTestId('tab-orders').click();
    const working = page.locator('[data-testid^="order-row-"][data-status="accepted"]');
    await expect.poll(() => working.count()).toBe(1);
    const firstId = (await working.getAttribute('data-order-id')) ?? '';
    expect(fake.orders()).toHaveLength(1);
    await page.getByTestId(`order-cancel-${firstId}`).click();
    await expect.poll(() => page.locator(`[data-order-id="${firstId}"]`).getAttribute('data-status'), { timeout: 10_000 }).toBe('canceled');
    expect(fake.orders()[0]?.status).toBe('canceled');

    // A second order (a different price: the duplicate guard would refuse the same one) fills
    // at Alpaca; the fill arrives on the stream.
    await page.getByTestId('ticket-quantity').fill('5');
    await page.getByTestId('ticket-limit-price').fill('151');
    await page.getByTestId('ticket-submit').click();
    await page.getByTestId('order-confirm-send').click();
    await expect.poll(() => fake?.orders().length).toBe(2);
    const second = fake.orders()[1]!;
    fake.fill(second.client_order_id, null, '149.25');
    await expect.poll(() => page.locator('[data-testid^="order-row-"][data-status="filled"]').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('tab-positions').click();
    await expect.poll(() => page.getByTestId('position-row-AAPL').getAttribute('data-quantity'), { timeout: 10_000 }).toBe('5');
    // 50,000 − 5 × 149.25.
    await expect.poll(() => page.getByTestId('account-cash').getAttribute('data-value')).toBe('49253.75');
    await page.getByTestId('tab-fills').click();
    await expect.poll(() => page.locator('[data-testid^="fill-row-"]').count()).toBe(1);

    expect(errors).toEqual([]);
    await page.close();
  });
});
