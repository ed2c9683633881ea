import { describe, expect, it } from 'vitest';
import { attachStores, createStores } from '../stores';
import { FakeEngineClient, flush } from '../testing/fake-engine-client';
import { T0, fill, order, riskStatus, snapshot } from './testing/trading-fixtures';

function engine(): FakeEngineClient {
  return new FakeEngineClient()
    .handle('orders.list', () => [order('o1')])
    .handle('orders.fills', () => [fill('f1')])
    .handle('portfolio.snapshot', () => snapshot(T0))
    .handle('risk.status', () => riskStatus());
}

describe('the trading store in the app stores', () => {
  it('loads the books each time the transport opens', async () => {
    const client = engine();
    const stores = createStores(client);
    attachStores(client, stores);
    client.setState('open');
    await flush();
    expect(stores.trading.getState()).toMatchObject({ status: 'ready' });
    expect(Object.keys(stores.trading.getState().orders)).toEqual(['o1']);

    client.setState('connecting');
    client.setState('open');
    await flush();
    for (const method of ['orders.list', 'orders.fills', 'portfolio.snapshot', 'risk.status'] as const) expect(client.callsTo(method)).toBe(2);
  });

  it('applies pushed orders, fills, portfolio and risk status', () => {
    const client = engine();
    const stores = createStores(client);
    const detach = attachStores(client, stores);
    client.emit('orders.update', order('o9', { status: 'filled' }));
    client.emit('orders.fill', fill('f9'));
    client.emit('portfolio.update', snapshot(T0 + 1, []));
    client.emit('risk.status', riskStatus(true, 'Daily loss limit reached'));
    const state = stores.trading.getState();
    expect(state.orders['o9']?.status).toBe('filled');
    expect(state.fills.map((f) => f.id)).toEqual(['f9']);
    expect(state.portfolio?.positions).toEqual([]);
    expect(state.risk?.killSwitch.reason).toBe('Daily loss limit reached');

    detach();
    client.emit('orders.fill', fill('f10'));
    expect(stores.trading.getState().fills).toHaveLength(1);
  });
});
