import { describe, expect, it } from 'vitest';
import { bar, briefs, et, harness, order, quote, trade } from './test-harness';

const CLOSE = Date.UTC(2024, 2, 15, 20, 0); // 16:00 ET
const MONDAY_CLOSE = Date.UTC(2024, 2, 18, 20, 0);

describe('ioc and fok', () => {
  it('fills an ioc order as far as the touch allows and cancels the rest', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 99.98, 100.02, 500, 60));
    h.broker.submit(order({ type: 'limit', limitPrice: '100.05', timeInForce: 'ioc' }));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 60@100.02 c0 o1-F1', 'canceled o1 ioc remainder']);
  });

  it('cancels a fok order that cannot fill entirely, without a fill', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 99.98, 100.02, 500, 60));
    h.broker.submit(order({ timeInForce: 'fok' }));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'canceled o1 fok unfilled']);
  });

  it('fills a fok order that the touch covers', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 99.98, 100.02, 500, 100));
    h.broker.submit(order({ timeInForce: 'fok' }));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 100@100.02 c0 o1-F1']);
  });

  it('gives an ioc order without market data its one chance on the first event', () => {
    const h = harness();
    h.broker.submit(order({ type: 'limit', limitPrice: '99.00', timeInForce: 'ioc' }));
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onMarket(quote(et('10:01'), 99.98, 100.02));
    expect(briefs(h.take())).toEqual(['canceled o1 ioc remainder']);
  });
});

describe('cancel', () => {
  it('cancels a working order for the user, and says so for an order it never held', () => {
    const h = harness();
    const working = order({ type: 'limit', limitPrice: '1' });
    h.broker.submit(working);
    h.broker.cancel(working);
    h.broker.cancel(order({ id: 'ghost' }));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'canceled o1 user', 'canceled ghost user']);
    expect(h.broker.openOrders()).toEqual([]);
  });
});

describe('sessions', () => {
  it('holds a market order through the pre-market and fills it on the first regular quote', () => {
    const h = harness({ now: et('08:00') });
    h.broker.onMarket(quote(et('07:59'), 99.5, 99.6));
    h.broker.submit(order({ createdAt: et('08:00') }));
    h.broker.onMarket(quote(et('09:29'), 99.7, 99.8));
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onMarket(quote(et('09:30'), 100.1, 100.2));
    expect(briefs(h.take())).toEqual(['fill o1 100@100.2 c0 o1-F1']);
  });

  it('does not trigger a regular-hours stop in the post-market', () => {
    const h = harness();
    h.broker.submit(order({ side: 'sell', type: 'stop', stopPrice: '95', timeInForce: 'gtc' }));
    h.broker.onMarket(trade(et('16:30'), 90));
    expect(briefs(h.reports)).toEqual(['accepted o1']);
  });

  it('fills an extended-hours limit in the pre-market but not while the market is closed', () => {
    const h = harness({ now: et('03:00') });
    h.broker.submit(order({ type: 'limit', limitPrice: '100.00', extendedHours: true, createdAt: et('03:00') }));
    h.broker.onMarket(quote(et('03:30'), 99.8, 99.9));
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onMarket(quote(et('04:00'), 99.8, 99.9));
    expect(briefs(h.take())).toEqual(['fill o1 100@100 c0 o1-F1']);
  });

  it('trades crypto on a Saturday', () => {
    const h = harness({ now: et('12:00', '2024-03-16') });
    h.broker.onMarket(trade(et('11:59', '2024-03-16'), 65000.5, 10, 'X:BTCUSD'));
    h.broker.submit(order({ symbol: 'X:BTCUSD', quantity: '0.5', createdAt: et('12:00', '2024-03-16') }));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 0.5@65000.5 c0 o1-F1']);
  });
});

describe('day expiry', () => {
  it('expires a day order at the regular close, 20:00 UTC on 2024-03-15', () => {
    const h = harness();
    h.broker.submit(order({ type: 'limit', limitPrice: '90' }));
    h.broker.onClock(CLOSE - 1);
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onClock(CLOSE);
    expect(h.take()).toEqual([{ kind: 'expired', orderId: 'o1', time: CLOSE }]);
  });

  it('expires a day order on a post-market event before matching it', () => {
    const h = harness();
    h.broker.submit(order({ type: 'limit', limitPrice: '100', extendedHours: true }));
    h.broker.onMarket(quote(et('16:05'), 98.9, 99));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'expired o1']);
  });

  it('gives a day order placed after the close the next trading day, Monday', () => {
    const h = harness({ now: et('17:00') });
    h.broker.submit(order({ type: 'limit', limitPrice: '90', createdAt: et('17:00') }));
    h.broker.onClock(et('12:00', '2024-03-16'));
    h.broker.onClock(et('15:59', '2024-03-18'));
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onClock(MONDAY_CLOSE);
    expect(briefs(h.take())).toEqual(['expired o1']);
  });

  it('never expires a gtc order', () => {
    const h = harness();
    h.broker.submit(order({ type: 'limit', limitPrice: '90', timeInForce: 'gtc' }));
    h.broker.onClock(MONDAY_CLOSE + 1);
    expect(briefs(h.reports)).toEqual(['accepted o1']);
  });
});

describe('opening and closing orders', () => {
  it('fills an opg order on the first regular event and expires an unfilled one on it', () => {
    const h = harness({ now: et('08:00') });
    h.broker.submit(order({ id: 'mkt', timeInForce: 'opg', createdAt: et('08:00') }));
    h.broker.submit(order({ id: 'lim', type: 'limit', limitPrice: '99', timeInForce: 'opg', createdAt: et('08:00') }));
    h.broker.onMarket(bar(et('09:29'), [99, 99, 99, 99]));
    expect(briefs(h.take())).toEqual(['accepted mkt', 'accepted lim']);
    h.broker.onMarket(bar(et('09:30'), [100.5, 101, 98.5, 100]));
    h.broker.onMarket(bar(et('09:31'), [100, 100, 98, 98]));
    expect(briefs(h.take())).toEqual(['fill mkt 100@100.5 c0 mkt-F1', 'fill lim 100@99 c0 lim-F1']);
  });

  it('expires an opg limit the open did not reach, and refuses opg during the session', () => {
    const h = harness({ now: et('08:00') });
    h.broker.submit(order({ type: 'limit', limitPrice: '95', timeInForce: 'opg', createdAt: et('08:00') }));
    h.broker.onMarket(quote(et('09:30'), 99.9, 100));
    h.clock.time = et('10:00');
    h.broker.submit(order({ id: 'late', timeInForce: 'opg' }));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'expired o1', 'rejected late']);
  });

  it('fills a cls order in the last minute and expires an unfilled one at the close', () => {
    const h = harness();
    h.broker.submit(order({ id: 'mkt', timeInForce: 'cls' }));
    h.broker.submit(order({ id: 'lim', type: 'limit', limitPrice: '90', timeInForce: 'cls' }));
    h.broker.onMarket(trade(et('15:58'), 101));
    expect(briefs(h.take())).toEqual(['accepted mkt', 'accepted lim']);
    h.broker.onMarket(trade(et('15:59') + 10_000, 101.5));
    expect(briefs(h.take())).toEqual(['fill mkt 100@101.5 c0 mkt-F1']);
    h.broker.onClock(CLOSE);
    expect(briefs(h.take())).toEqual(['expired lim']);
  });
});

describe('replace', () => {
  it('reports the old order replaced, accepts the new one and works only the new one', () => {
    const h = harness();
    const old = order({ type: 'limit', limitPrice: '99.00' });
    h.broker.submit(old);
    h.broker.replace(old, order({ id: 'o2', type: 'limit', limitPrice: '99.60', replaces: 'o1' }));
    h.broker.onMarket(quote(et('10:01'), 99.4, 99.5));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'replaced o1 by o2', 'accepted o2', 'fill o2 100@99.6 c0 o2-F1']);
  });

  it('rejects a replacement of an order that is no longer working', () => {
    const h = harness();
    h.broker.replace(order(), order({ id: 'o2' }));
    expect(h.reports).toEqual([{ kind: 'rejected', orderId: 'o2', time: et('10:00'), reason: 'Order o1 is no longer working' }]);
  });
});

describe('restore', () => {
  it('re-arms a part-filled order silently and continues it with distinct fill ids', () => {
    const h = harness({ commission: { model: 'per_share', perShare: '0.01', minimum: '1', maximumPercent: null } });
    const restored = order({ type: 'limit', limitPrice: '100', status: 'partially_filled', filledQuantity: '40', averageFillPrice: '99', commission: '1' });
    h.broker.restore([restored, order({ id: 'done', status: 'filled' })]);
    expect(h.reports).toEqual([]);
    expect(h.broker.openOrders().map((open) => open.id)).toEqual(['o1']);
    h.broker.onMarket(quote(et('10:01'), 99.9, 100));
    // 100 × 0.01 = 1.00 for the whole order, and 1.00 was charged before.
    expect(briefs(h.reports)).toEqual(['fill o1 60@100 c0 o1-R40-F1']);
  });

  it('keeps a restored trailing stop where it was', () => {
    const h = harness();
    h.broker.restore([order({ side: 'sell', type: 'trailing_stop', trailAmount: '2', trailReference: '105', stopPrice: '103', status: 'accepted' })]);
    h.broker.onMarket(trade(et('10:01'), 103));
    expect(briefs(h.reports)).toEqual(['triggered o1', 'fill o1 100@103 c0 o1-F1']);
  });
});
