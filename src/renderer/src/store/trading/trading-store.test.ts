import { describe, expect, it } from 'vitest';
import type { FillDto, OrderDto } from '@shared/dto/trading';
import { RpcError } from '@shared/client/rpc-error';
import { FakeEngineClient } from '../testing/fake-engine-client';
import { createTradingStore } from './trading-store';
import { T0, fill, order, riskStatus, snapshot } from './testing/trading-fixtures';

/** A promise the test resolves when it wants the engine to answer. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function engine(orders: OrderDto[] = [order('o1')], fills: FillDto[] = [fill('f1')]): FakeEngineClient {
  return new FakeEngineClient()
    .handle('orders.list', () => orders)
    .handle('orders.fills', () => fills)
    .handle('portfolio.snapshot', () => snapshot(T0))
    .handle('risk.status', () => riskStatus());
}

describe('trading store', () => {
  it('loads orders, fills, portfolio and risk status', async () => {
    const client = engine();
    const store = createTradingStore(client);
    await store.getState().load();
    const state = store.getState();
    expect(Object.keys(state.orders)).toEqual(['o1']);
    expect(state.fills.map((f) => f.id)).toEqual(['f1']);
    expect(state.portfolio?.account.equity).toBe('100050');
    expect(state.risk?.killSwitch.tripped).toBe(false);
    expect(state).toMatchObject({ status: 'ready', error: null });
    expect(client.calls.find((c) => c.method === 'orders.list')?.params).toEqual({ status: 'all', limit: 500 });
  });

  it('applies pushed order updates, newest updatedAt winning', () => {
    const store = createTradingStore(new FakeEngineClient());
    store.getState().receiveOrder(order('o1', { status: 'partially_filled', filledQuantity: '40', updatedAt: T0 + 2 }));
    store.getState().receiveOrder(order('o1', { status: 'accepted', updatedAt: T0 + 1 }));
    expect(store.getState().orders['o1']).toMatchObject({ status: 'partially_filled', filledQuantity: '40' });
    store.getState().receiveOrder(order('o1', { status: 'filled', filledQuantity: '100', updatedAt: T0 + 3 }));
    expect(store.getState().orders['o1']?.status).toBe('filled');
  });

  it('keeps each pushed fill once', () => {
    const store = createTradingStore(new FakeEngineClient());
    let changes = 0;
    store.subscribe(() => (changes += 1));
    store.getState().receiveFill(fill('f1'));
    store.getState().receiveFill(fill('f1'));
    expect(store.getState().fills).toHaveLength(1);
    expect(changes).toBe(1);
  });

  it('ignores a pushed snapshot older than the one shown', () => {
    const store = createTradingStore(new FakeEngineClient());
    store.getState().receivePortfolio(snapshot(T0 + 10));
    store.getState().receivePortfolio(snapshot(T0 + 5, []));
    expect(store.getState().portfolio?.positions).toHaveLength(1);
    store.getState().receiveRisk(riskStatus(true, 'Daily loss limit'));
    expect(store.getState().risk?.killSwitch).toMatchObject({ tripped: true, reason: 'Daily loss limit' });
  });

  it('replaces the book on reload but keeps what was pushed while the lists were loading', async () => {
    const list = deferred<OrderDto[]>();
    const client = engine().handle('orders.list', () => list.promise);
    const store = createTradingStore(client);
    store.getState().receiveOrder(order('gone', { updatedAt: T0 }));

    const loading = store.getState().load();
    expect(store.getState().status).toBe('loading');
    store.getState().receiveOrder(order('o2', { createdAt: T0 + 1, updatedAt: T0 + 1 }));
    store.getState().receiveOrder(order('o1', { status: 'filled', updatedAt: T0 + 9 }));
    store.getState().receiveFill(fill('f2', { time: T0 + 9 }));
    list.resolve([order('o1', { updatedAt: T0 + 1 })]);
    await loading;

    const { orders, fills } = store.getState();
    expect(Object.keys(orders).sort()).toEqual(['o1', 'o2']);
    expect(orders['o1']?.status).toBe('filled');
    expect(fills.map((f) => f.id)).toEqual(['f2', 'f1']);
  });

  it('reports a failed load and keeps what did load', async () => {
    const client = engine().handle('risk.status', () => Promise.reject(new RpcError({ code: 'UNAVAILABLE', message: 'Risk engine is starting' })));
    const store = createTradingStore(client);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'error', error: 'Risk engine is starting', risk: null });
    expect(Object.keys(store.getState().orders)).toEqual(['o1']);
  });

  it('ignores the answers of a load that a newer load overtook', async () => {
    const first = deferred<OrderDto[]>();
    let calls = 0;
    const client = engine().handle('orders.list', () => (++calls === 1 ? first.promise : [order('fresh')]));
    const store = createTradingStore(client);
    const slow = store.getState().load();
    await store.getState().load();
    first.resolve([order('stale')]);
    await slow;
    expect(Object.keys(store.getState().orders)).toEqual(['fresh']);
    expect(store.getState().status).toBe('ready');
  });

  it('cancels and modifies orders, applying the engine answers', async () => {
    const client = new FakeEngineClient()
      .handle('orders.cancel', ({ id }) => order(id, { status: 'canceled', updatedAt: T0 + 3 }))
      .handle('orders.replace', (params) => order('o2', { replaces: params.id, limitPrice: params.limitPrice ?? null, updatedAt: T0 + 2 }));
    const store = createTradingStore(client);
    store.getState().receiveOrder(order('o1'));

    expect(await store.getState().replaceOrder({ id: 'o1', limitPrice: '449.5' })).toEqual({ ok: true });
    expect(store.getState().orders['o2']).toMatchObject({ replaces: 'o1', limitPrice: '449.5' });
    expect(await store.getState().cancelOrder('o2')).toEqual({ ok: true });
    expect(store.getState().orders['o2']?.status).toBe('canceled');
  });

  it('returns a refusal as a message instead of throwing', async () => {
    const client = new FakeEngineClient().handle('orders.cancel', () => Promise.reject(new RpcError({ code: 'CONFLICT', message: 'Order o1 is already filled' })));
    const store = createTradingStore(client);
    expect(await store.getState().cancelOrder('o1')).toEqual({ ok: false, error: 'Order o1 is already filled' });
  });

  it('closes a position and trips and resets the kill switch', async () => {
    const client = new FakeEngineClient()
      .handle('positions.close', ({ symbol }) => order('close-1', { symbol, side: 'sell', type: 'market', limitPrice: null }))
      .handle('risk.killSwitch.trip', ({ reason }) => riskStatus(true, reason ?? null))
      .handle('risk.killSwitch.reset', () => riskStatus(false));
    const store = createTradingStore(client);

    expect(await store.getState().closePosition('SIM:SPY')).toEqual({ ok: true });
    expect(store.getState().orders['close-1']).toMatchObject({ side: 'sell', type: 'market' });
    await store.getState().tripKillSwitch('Manual');
    expect(store.getState().risk?.killSwitch).toMatchObject({ tripped: true, reason: 'Manual' });
    await store.getState().resetKillSwitch();
    expect(store.getState().risk?.killSwitch.tripped).toBe(false);
  });
});
