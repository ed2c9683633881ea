import { describe, expect, it } from 'vitest';
import { PlaceOrder } from '@shared/dto/trading';
import { Decimal, money, quantity } from '@shared/money/decimal';
import { MemoryJournal } from '../../../core/trading/execution/memory-journal';
import { orderFromRequest } from '../../../core/trading/execution/order-factory';
import { positionDifferences } from './reconcile';
import { alpacaDesk, DESK_START } from './test-desk';

const LIMIT_BUY = { clientOrderId: 'c1', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '10', limitPrice: '100' } as const;

describe('reconciliation with Alpaca', () => {
  it('books fills missed while the stream was down once, at the implied price, however often it runs', async () => {
    const desk = alpacaDesk();
    await desk.manager.start();
    const placed = await desk.place(LIMIT_BUY);
    const alpacaId = desk.api.byClientOrderId('c1')!.id;
    desk.broker.ingest(desk.api.fill(alpacaId, '3', '99.9'));
    await desk.broker.whenIdle();
    // The stream drops; these two executions never arrive.
    const missed = [desk.api.fill(alpacaId, '5', '99.8'), desk.api.fill(alpacaId, '2', '99.66')];
    desk.api.positionList = [{ symbol: 'AAPL', qty: '10', side: 'long', avg_entry_price: '99.802', cost_basis: '998.02' }];

    const first = await desk.broker.reconcile('reconnect');
    // Alpaca: 10 at 99.802 (998.02). Ours: 3 at 99.9 (299.7). Missed: 7 at 698.32 / 7 = 99.76.
    expect(desk.fills()).toEqual([
      [placed.id, '3', '99.9', 'exec-1'],
      [placed.id, '7', '99.76', `recon:${alpacaId}:10`],
    ]);
    expect(first.differences).toEqual([
      { kind: 'missed_fill', symbol: 'AAPL', orderId: placed.id, message: 'Booked 7 filled at Alpaca while the stream was away, at 99.76' },
    ]);
    expect(first).toMatchObject({ broker: 'alpaca', reason: 'reconnect', time: DESK_START });

    const second = await desk.broker.reconcile('manual');
    for (const update of missed) desk.broker.ingest(update); // the stream's late copies
    await desk.broker.whenIdle();
    expect(second.differences).toEqual([]);
    expect(desk.fills()).toHaveLength(2);
    expect(desk.order(placed.id)).toMatchObject({ status: 'filled' });
    expect(desk.order(placed.id).averageFillPrice?.toFixed()).toBe('99.802');
    expect(desk.manager.books.ledger.cash().toFixed()).toBe('99001.98');
    expect(desk.reconciliations.map((report) => report.reason)).toEqual(['start', 'reconnect', 'manual']);
  });

  it('applies stream events that arrive during a reconciliation after it, so nothing books twice', async () => {
    const desk = alpacaDesk();
    await desk.manager.start();
    const placed = await desk.place(LIMIT_BUY);
    const alpacaId = desk.api.byClientOrderId('c1')!.id;
    const update = desk.api.fill(alpacaId, '4', '99.95');
    const reconciling = desk.broker.reconcile('reconnect');
    desk.broker.ingest(update); // queued behind the reconciliation, which books these 4 itself
    await reconciling;
    await desk.broker.whenIdle();
    expect(desk.fills()).toEqual([[placed.id, '4', '99.95', `recon:${alpacaId}:4`]]);
    expect(desk.order(placed.id)).toMatchObject({ status: 'partially_filled' });
  });

  it('lists orders placed elsewhere and positions that disagree, without reporting or changing them', async () => {
    const desk = alpacaDesk();
    await desk.manager.start();
    const foreign = desk.api.placeElsewhere({ symbol: 'MSFT', qty: '5', side: 'buy', type: 'market', time_in_force: 'day', client_order_id: 'other-app-1' });
    desk.api.positionList = [{ symbol: 'AAPL', qty: '10', side: 'long', avg_entry_price: '99', cost_basis: '990' }];
    desk.broker.ingest(desk.api.fill(foreign.id, '5', '410'));
    const report = await desk.broker.reconcile('manual');
    expect(report.differences).toEqual([
      { kind: 'unknown_order', symbol: 'MSFT', orderId: null, message: `Alpaca has an order this app did not place: buy 5 MSFT market (filled), Alpaca id ${foreign.id}` },
      { kind: 'position', symbol: 'AAPL', orderId: null, message: 'Alpaca holds 10 AAPL; the journal holds 0' },
    ]);
    expect(desk.journal.load().orders).toHaveLength(0);
    expect(desk.fills()).toEqual([]);
  });

  it('after a restart, reports what ended at Alpaca while the app was away', async () => {
    const journal = new MemoryJournal();
    const before = alpacaDesk({ journal });
    await before.manager.start();
    const placed = await before.place(LIMIT_BUY);
    before.api.event(before.api.byClientOrderId('c1')!.id, 'canceled', 'canceled');

    const after = alpacaDesk({ journal, api: before.api });
    await after.manager.start();
    expect(after.order(placed.id).status).toBe('canceled');
    expect(after.reconciliations[0]).toMatchObject({ reason: 'start', differences: [{ kind: 'order_status', orderId: placed.id, message: `Order ${placed.id} was canceled at Alpaca` }] });
  });

  it('adopts an order sent just before a crash instead of sending it again', async () => {
    const journal = new MemoryJournal();
    const request = PlaceOrder.parse(LIMIT_BUY);
    const order = orderFromRequest(request, { id: 'O1', clientOrderId: 'c1' }, DESK_START, new Decimal(1), null);
    journal.append([{ kind: 'order', order, event: 'submitted', time: DESK_START }]);
    const desk = alpacaDesk({ journal });
    desk.api.placeElsewhere({ symbol: 'AAPL', qty: '10', side: 'buy', type: 'limit', limit_price: '100', time_in_force: 'day', client_order_id: 'c1' });
    await desk.manager.start();
    await desk.broker.whenIdle();
    expect(desk.order('O1').status).toBe('accepted');
    expect(desk.api.posts).toEqual([]);
  });

  it('resends an order journaled but never sent, with its own client order id', async () => {
    const journal = new MemoryJournal();
    const order = orderFromRequest(PlaceOrder.parse(LIMIT_BUY), { id: 'O1', clientOrderId: 'c1' }, DESK_START, new Decimal(1), null);
    journal.append([{ kind: 'order', order, event: 'submitted', time: DESK_START }]);
    const desk = alpacaDesk({ journal });
    await desk.manager.start();
    expect(desk.api.posts.map((post) => post.client_order_id)).toEqual(['c1']);
    expect(desk.order('O1').status).toBe('accepted');
  });
});

describe('positionDifferences', () => {
  it('compares signed quantities symbol by symbol; a short at Alpaca is negative', () => {
    const differences = positionDifferences(
      [
        { symbol: 'TSLA', qty: '-3', side: 'short', avg_entry_price: '200', cost_basis: '-600' },
        { symbol: 'AAPL', qty: '10.5', side: 'long', avg_entry_price: '99', cost_basis: '1039.5' },
      ],
      [
        { symbol: 'AAPL', quantity: quantity('10.50'), costBasis: money('1039.5') },
        { symbol: 'MSFT', quantity: quantity('2'), costBasis: money('800') },
      ],
    );
    expect(differences.map((d) => d.message)).toEqual(['Alpaca holds 0 MSFT; the journal holds 2', 'Alpaca holds -3 TSLA; the journal holds 0']);
  });
});
