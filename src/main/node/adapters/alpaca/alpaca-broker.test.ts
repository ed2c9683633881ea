import { describe, expect, it } from 'vitest';
import type { BrokerState } from '@shared/dto/broker';
import { AlpacaApiError, AlpacaCircuitOpenError, AlpacaNetworkError, AlpacaTimeoutError } from './errors';
import { alpacaDesk } from './test-desk';
import { FakeTradeServer, STREAM_KEY, STREAM_SECRET, until } from './test-stream-server';

const LIMIT_BUY = { clientOrderId: 'c1', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '10', limitPrice: '99.95' } as const;

async function started() {
  const desk = alpacaDesk();
  await desk.manager.start();
  return desk;
}

describe('AlpacaBroker: orders and the stream', () => {
  it('sends one request and books partial fills from the stream with exact decimals', async () => {
    const desk = await started();
    const placed = await desk.place(LIMIT_BUY);
    expect(placed.status).toBe('accepted');
    expect(desk.api.posts).toEqual([{ symbol: 'AAPL', side: 'buy', type: 'limit', time_in_force: 'day', qty: '10', limit_price: '99.95', client_order_id: 'c1' }]);
    const alpacaId = desk.api.byClientOrderId('c1')!.id;

    desk.broker.ingest(desk.api.fill(alpacaId, '3', '99.91'));
    desk.broker.ingest(desk.api.fill(alpacaId, '7', '99.935'));
    await desk.broker.whenIdle();

    expect(desk.fills()).toEqual([
      [placed.id, '3', '99.91', 'exec-1'],
      [placed.id, '7', '99.935', 'exec-2'],
    ]);
    const order = desk.order(placed.id);
    expect(order.status).toBe('filled');
    // (3 × 99.91 + 7 × 99.935) / 10 = 999.275 / 10; no commission at Alpaca.
    expect(order.averageFillPrice?.toFixed()).toBe('99.9275');
    expect(order.commission.toFixed()).toBe('0');
    expect(desk.manager.books.ledger.cash().toFixed()).toBe('99000.725');
  });

  it('books a fill the stream repeats only once', async () => {
    const desk = await started();
    const placed = await desk.place(LIMIT_BUY);
    const update = desk.api.fill(desk.api.byClientOrderId('c1')!.id, '4', '99.9');
    desk.broker.ingest(update);
    desk.broker.ingest(structuredClone(update));
    await desk.broker.whenIdle();
    expect(desk.fills()).toEqual([[placed.id, '4', '99.9', 'exec-1']]);
    expect(desk.order(placed.id).status).toBe('partially_filled');
  });

  it('cancels through DELETE, and the stream reports the cancellation', async () => {
    const desk = await started();
    const placed = await desk.place(LIMIT_BUY);
    const alpacaId = desk.api.byClientOrderId('c1')!.id;
    const afterCancel = await desk.manager.cancel(placed.id);
    expect(desk.api.cancels).toEqual([alpacaId]);
    expect(afterCancel.status).toBe('accepted'); // a 204 is not a cancellation yet

    desk.broker.ingest(desk.api.event(alpacaId, 'canceled', 'canceled'));
    await desk.broker.whenIdle();
    expect(desk.order(placed.id).status).toBe('canceled');
  });

  it('leaves an order Alpaca already filled to the stream when a cancel meets 422', async () => {
    const desk = await started();
    const placed = await desk.place(LIMIT_BUY);
    const alpacaId = desk.api.byClientOrderId('c1')!.id;
    const fill = desk.api.fill(alpacaId, '10', '99.95');
    await expect(desk.manager.cancel(placed.id)).resolves.toMatchObject({ status: 'accepted' });
    desk.broker.ingest(fill);
    await desk.broker.whenIdle();
    expect(desk.order(placed.id).status).toBe('filled');
  });

  it('replaces with PATCH and maps Alpaca’s new order to our replacement', async () => {
    const desk = await started();
    const placed = await desk.place(LIMIT_BUY);
    const oldAlpaca = desk.api.byClientOrderId('c1')!.id;
    const next = await desk.manager.replace({ id: placed.id, limitPrice: '99.5', clientOrderId: 'c1-r1' });
    expect(desk.api.patches).toEqual([{ id: oldAlpaca, body: { qty: '10', time_in_force: 'day', client_order_id: 'c1-r1', limit_price: '99.5' } }]);
    const newAlpaca = desk.api.byClientOrderId('c1-r1')!;
    expect(newAlpaca.replaces).toBe(oldAlpaca);

    desk.broker.ingest(desk.api.event(oldAlpaca, 'replaced', 'replaced'));
    desk.broker.ingest(desk.api.fill(newAlpaca.id, '10', '99.5'));
    await desk.broker.whenIdle();

    expect(desk.order(placed.id)).toMatchObject({ status: 'replaced', replacedBy: next.id });
    expect(desk.order(next.id).status).toBe('filled');
    expect(desk.fills()).toEqual([[next.id, '10', '99.5', 'exec-1']]);
  });

  it('sends a bracket as one request built from its legs and routes leg events to our legs', async () => {
    const desk = await started();
    const entry = await desk.place({ ...LIMIT_BUY, limitPrice: '100', orderClass: 'bracket', takeProfit: { limitPrice: '105' }, stopLoss: { stopPrice: '95', limitPrice: '94.5' } });
    expect(desk.api.posts).toHaveLength(1);
    expect(desk.api.posts[0]).toMatchObject({ order_class: 'bracket', type: 'limit', limit_price: '100', take_profit: { limit_price: '105' }, stop_loss: { stop_price: '95', limit_price: '94.5' } });
    const legs = desk.manager.books.book.children(entry.id);
    expect(legs.map((leg) => [leg.legRole, leg.status])).toEqual([
      ['take_profit', 'accepted'],
      ['stop_loss', 'accepted'],
    ]);

    const alpaca = desk.api.byClientOrderId('c1')!;
    const [takeProfit, stopLoss] = alpaca.legs!;
    desk.broker.ingest(desk.api.fill(alpaca.id, '10', '100'));
    desk.broker.ingest(desk.api.fill(takeProfit!.id, '10', '105'));
    desk.broker.ingest(desk.api.event(stopLoss!.id, 'canceled', 'canceled'));
    await desk.broker.whenIdle();

    const byRole = (role: string) => legs.find((leg) => leg.legRole === role)!.id;
    expect(desk.fills().map(([orderId, qty, price]) => [orderId, qty, price])).toEqual([
      [entry.id, '10', '100'],
      [byRole('take_profit'), '10', '105'],
    ]);
    expect(desk.order(byRole('stop_loss')).status).toBe('canceled');
  });
});

describe('AlpacaBroker: more of the stream', () => {
  it('sends an OCO as Alpaca’s limit order with take-profit and stop-loss, and ends the other leg', async () => {
    const desk = await started();
    const entry = await desk.place({ clientOrderId: 'e1', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '5' });
    desk.broker.ingest(desk.api.fill(desk.api.byClientOrderId('e1')!.id, '5', '100'));
    await desk.broker.whenIdle();
    const takeProfit = await desk.place({ clientOrderId: 'x1', symbol: 'AAPL', side: 'sell', type: 'limit', quantity: '5', limitPrice: '110', orderClass: 'oco', stopLoss: { stopPrice: '90' } });
    expect(desk.api.posts.slice(1)).toEqual([
      { symbol: 'AAPL', side: 'sell', type: 'limit', time_in_force: 'day', qty: '5', client_order_id: 'x1', order_class: 'oco', take_profit: { limit_price: '110' }, stop_loss: { stop_price: '90' } },
    ]);
    const [stopLoss] = desk.manager.books.book.children(takeProfit.id);
    expect([takeProfit.status, stopLoss!.status]).toEqual(['accepted', 'accepted']);

    const alpaca = desk.api.byClientOrderId('x1')!;
    desk.broker.ingest(desk.api.fill(alpaca.legs![0]!.id, '5', '89.97'));
    desk.broker.ingest(desk.api.event(alpaca.id, 'canceled', 'canceled'));
    await desk.broker.whenIdle();
    expect(desk.fills().map(([orderId, qty, price]) => [orderId, qty, price])).toEqual([
      [entry.id, '5', '100'],
      [stopLoss!.id, '5', '89.97'],
    ]);
    expect(desk.order(takeProfit.id).status).toBe('canceled');
  });

  it('reports expired and rejected orders (canceled, once accepted), and books nothing for an order placed elsewhere', async () => {
    const desk = await started();
    const day = await desk.place(LIMIT_BUY);
    const other = await desk.place({ ...LIMIT_BUY, clientOrderId: 'c2' });
    const foreign = desk.api.placeElsewhere({ symbol: 'AAPL', qty: '1', side: 'buy', type: 'market', time_in_force: 'day', client_order_id: 'elsewhere' });
    desk.broker.ingest(desk.api.event(desk.api.byClientOrderId('c1')!.id, 'expired', 'expired'));
    desk.broker.ingest(desk.api.event(desk.api.byClientOrderId('c2')!.id, 'rejected', 'rejected'));
    desk.broker.ingest(desk.api.fill(foreign.id, '1', '100'));
    await desk.broker.whenIdle();
    expect(desk.order(day.id).status).toBe('expired');
    // The state machine has no accepted → rejected: an order Alpaca rejects after accepting ends canceled.
    expect(desk.order(other.id).status).toBe('canceled');
    expect(desk.fills()).toEqual([]);
  });

  it('reconciles when the stream is back, booking the fills it missed exactly once', async () => {
    const server = await FakeTradeServer.start();
    const states: BrokerState[] = [];
    const stream = { url: server.url, keyId: STREAM_KEY, secret: STREAM_SECRET, backoff: { baseMs: 20, capMs: 20 } };
    const desk = alpacaDesk({ broker: { stream, onState: (state) => states.push(state) } });
    try {
      await desk.manager.start();
      desk.broker.start();
      await until(() => desk.reconciliations.length === 2);
      const placed = await desk.place(LIMIT_BUY);
      const alpacaId = desk.api.byClientOrderId('c1')!.id;
      server.send({ stream: 'trade_updates', data: desk.api.fill(alpacaId, '2', '99.9') });
      await until(() => desk.fills().length === 1);

      server.dropAll();
      desk.api.fill(alpacaId, '8', '99.85'); // while the stream is away
      await until(() => desk.reconciliations.length === 3);
      await desk.broker.whenIdle();

      expect(desk.fills()).toEqual([
        [placed.id, '2', '99.9', 'exec-1'],
        [placed.id, '8', '99.85', `recon:${alpacaId}:10`],
      ]);
      expect(desk.reconciliations.map((report) => report.reason)).toEqual(['start', 'start', 'reconnect']);
      expect(states).toEqual(['connecting', 'connected', 'degraded', 'connected']);
    } finally {
      await desk.broker.stop();
      await server.close();
    }
  });
});

describe('AlpacaBroker: submitting safely', () => {
  it('rejects a 403 with Alpaca’s message and code, without a lookup', async () => {
    const desk = await started();
    desk.api.submitFailures.push({ error: new AlpacaApiError('orders', 403, 40310000, 'insufficient buying power'), created: false });
    const order = await desk.place(LIMIT_BUY);
    expect(order.status).toBe('rejected');
    expect(order.rejection?.message).toBe('Alpaca refused the order: insufficient buying power (HTTP 403, code 40310000)');
    expect(desk.api.lookups).toEqual([]);
  });

  it('rejects a 422 with Alpaca’s message once a lookup shows it was not a duplicate', async () => {
    const desk = await started();
    desk.api.submitFailures.push({ error: new AlpacaApiError('orders', 422, 40010001, 'qty must be > 0'), created: false });
    const order = await desk.place(LIMIT_BUY);
    expect(order.rejection?.message).toBe('Alpaca refused the order: qty must be > 0 (HTTP 422, code 40010001)');
    expect(desk.api.lookups).toEqual(['c1']);
  });

  it('after a timeout on an order Alpaca did create: one POST, a lookup, adoption with its fill', async () => {
    const desk = await started();
    desk.api.submitFailures.push({
      error: new AlpacaTimeoutError('orders', 'POST /v2/orders timed out', 10_000),
      created: true,
      then: (created) => void desk.api.fill(created.id, '4', '99.93'),
    });
    const order = await desk.place(LIMIT_BUY);
    expect(desk.api.posts).toHaveLength(1);
    expect(desk.api.lookups).toEqual(['c1']);
    expect(desk.api.all()).toHaveLength(1);
    expect(order.status).toBe('partially_filled');
    expect(desk.fills()).toEqual([[order.id, '4', '99.93', `recon:${desk.api.byClientOrderId('c1')!.id}:4`]]);
  });

  it('after a 5xx on an order Alpaca did not create: a second POST with the same client order id', async () => {
    const desk = await started();
    desk.api.submitFailures.push({ error: new AlpacaApiError('orders', 503, null, 'service unavailable'), created: false });
    const order = await desk.place(LIMIT_BUY);
    expect(desk.api.posts.map((post) => post.client_order_id)).toEqual(['c1', 'c1']);
    expect(desk.api.lookups).toEqual(['c1']);
    expect(desk.api.all()).toHaveLength(1);
    expect(order.status).toBe('accepted');
  });

  it('refuses at once, sending nothing, while the orders circuit is open', async () => {
    const desk = await started();
    desk.api.submitFailures.push({ error: new AlpacaCircuitOpenError('orders', 0), created: false });
    const order = await desk.place(LIMIT_BUY);
    expect(order.rejection?.message).toBe('Alpaca orders endpoint unavailable, order not sent');
    expect(desk.api.all()).toHaveLength(0);
  });

  it('keeps an order pending when no lookup answers, and reconciliation adopts it later', async () => {
    const desk = await started();
    desk.api.submitFailures.push({ error: new AlpacaNetworkError('orders', 'socket hang up'), created: true });
    for (let i = 0; i < 5; i += 1) desk.api.lookupFailures.push(new AlpacaNetworkError('orders', 'ECONNRESET'));
    const order = await desk.place(LIMIT_BUY);
    expect(order.status).toBe('pending_new');
    expect(desk.api.posts).toHaveLength(1);

    const report = await desk.broker.reconcile('manual');
    expect(desk.order(order.id).status).toBe('accepted');
    expect(desk.api.posts).toHaveLength(1);
    expect(report.differences).toEqual([{ kind: 'order_status', symbol: 'AAPL', orderId: order.id, message: `Order ${order.id} was found at Alpaca (new) and adopted` }]);
  });
});
