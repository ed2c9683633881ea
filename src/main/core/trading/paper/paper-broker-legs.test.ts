import { describe, expect, it } from 'vitest';
import { price } from '@shared/money/decimal';
import type { Order } from '../model/order';
import { bar, briefs, et, harness, order, quote } from './test-harness';

/** A bracket as the order manager builds it: the entry, then its exits carrying parentId. */
function bracket(entry: Partial<Parameters<typeof order>[0]> = {}): { entry: Order; tp: Order; sl: Order } {
  const parent = order({ id: 'e', orderClass: 'bracket', legRole: 'entry', ...entry });
  const leg = { symbol: parent.symbol, side: 'sell' as const, orderClass: 'bracket' as const, parentId: 'e', quantity: parent.quantity.toFixed() };
  return {
    entry: parent,
    tp: order({ ...leg, id: 'tp', type: 'limit', limitPrice: '105.00', legRole: 'take_profit' }),
    sl: order({ ...leg, id: 'sl', type: 'stop', stopPrice: '95.00', legRole: 'stop_loss' }),
  };
}

function submitAll(h: ReturnType<typeof harness>, orders: Order[]): void {
  for (const placed of orders) h.broker.submit(placed);
}

describe('brackets', () => {
  it('arms both exits when the entry fills; the take-profit fills and cancels the stop', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 100, 100.02));
    const { entry, tp, sl } = bracket();
    submitAll(h, [entry, tp, sl]);
    expect(briefs(h.take())).toEqual(['accepted e', 'fill e 100@100.02 c0 e-F1', 'accepted tp', 'accepted sl']);
    h.broker.onMarket(quote(et('10:01'), 105.1, 105.15));
    expect(briefs(h.take())).toEqual(['fill tp 100@105 c0 tp-F1', 'canceled sl oco']);
    expect(h.broker.openOrders()).toEqual([]);
  });

  it('holds the exits while the entry works, then the stop-loss fills and cancels the take-profit', () => {
    const h = harness();
    const { entry, tp, sl } = bracket({ type: 'limit', limitPrice: '100.00' });
    submitAll(h, [entry, tp, sl]);
    h.broker.onMarket(quote(et('10:01'), 94, 94.05)); // would trigger the stop, were it armed… and fills the resting entry at its limit
    expect(briefs(h.take())).toEqual(['accepted e', 'accepted tp', 'accepted sl', 'fill e 100@100 c0 e-F1']);
    h.broker.onMarket(quote(et('10:02'), 93.9, 93.95));
    expect(briefs(h.take())).toEqual(['triggered sl', 'fill sl 100@93.9 c0 sl-F1', 'canceled tp oco']);
  });

  it('does not work the exits on the bar that filled the entry', () => {
    const h = harness();
    const { entry, tp, sl } = bracket();
    submitAll(h, [entry, tp, sl]);
    h.broker.onMarket(bar(et('10:01'), [100, 106, 99, 104]));
    expect(briefs(h.take())).toEqual(['accepted e', 'accepted tp', 'accepted sl', 'fill e 100@100 c0 e-F1']);
    h.broker.onMarket(bar(et('10:02'), [104, 105.5, 103, 105]));
    expect(briefs(h.take())).toEqual(['fill tp 100@105 c0 tp-F1', 'canceled sl oco']);
  });

  it('keeps the exits held through a partial entry fill', () => {
    const h = harness();
    const { entry, tp, sl } = bracket();
    h.broker.onMarket(quote(et('09:59'), 100, 100.02, 100, 40));
    submitAll(h, [entry, tp, sl]);
    h.broker.onMarket(quote(et('10:01'), 105.1, 105.15, 100, 500));
    expect(briefs(h.take())).toEqual(['accepted e', 'fill e 40@100.02 c0 e-F1', 'accepted tp', 'accepted sl', 'fill e 60@105.15 c0 e-F2']);
    h.broker.onMarket(quote(et('10:02'), 105.1, 105.15));
    expect(briefs(h.take())).toEqual(['fill tp 100@105 c0 tp-F1', 'canceled sl oco']);
  });

  it('cancels the held exits with the entry', () => {
    const h = harness();
    const { entry, tp, sl } = bracket({ type: 'limit', limitPrice: '90.00' });
    submitAll(h, [entry, tp, sl]);
    h.broker.cancel(entry);
    expect(briefs(h.reports).slice(3)).toEqual(['canceled e user', 'canceled tp parent canceled', 'canceled sl parent canceled']);
  });

  it('cancels exits that arrive after their entry was canceled, and rejects those of a rejected entry', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 100, 100.02));
    const { entry, tp } = bracket({ timeInForce: 'fok', quantity: '5000' });
    submitAll(h, [entry, tp]);
    expect(briefs(h.take())).toEqual(['accepted e', 'canceled e fok unfilled', 'accepted tp', 'canceled tp parent canceled']);
    const bad = bracket({ id: 'e', symbol: 'NOPE' });
    submitAll(h, [{ ...bad.entry, id: 'e2' }, { ...bad.tp, id: 'tp2', parentId: 'e2' }]);
    expect(briefs(h.take())).toEqual(['rejected e2', 'rejected tp2']);
  });

  it('moves the exits to a replacing entry', () => {
    const h = harness();
    const { entry, tp, sl } = bracket({ type: 'limit', limitPrice: '90.00' });
    submitAll(h, [entry, tp, sl]);
    h.broker.replace(entry, { ...entry, id: 'e2', limitPrice: price('100.05'), replaces: 'e' });
    h.broker.onMarket(quote(et('10:01'), 100, 100.02));
    h.broker.onMarket(quote(et('10:02'), 105.1, 105.15));
    expect(briefs(h.reports).slice(3)).toEqual(['replaced e by e2', 'accepted e2', 'fill e2 100@100.05 c0 e2-F1', 'fill tp 100@105 c0 tp-F1', 'canceled sl oco']);
  });

  it('restores exits held for a working entry', () => {
    const h = harness();
    const { entry, tp, sl } = bracket({ type: 'limit', limitPrice: '100.00' });
    h.broker.restore([entry, tp, sl].map((placed) => ({ ...placed, status: 'accepted' as const })));
    h.broker.onMarket(quote(et('10:01'), 105.1, 105.15));
    expect(briefs(h.reports)).toEqual([]);
    h.broker.onMarket(quote(et('10:02'), 99.9, 100));
    h.broker.onMarket(quote(et('10:03'), 105.1, 105.15));
    expect(briefs(h.reports)).toEqual(['fill e 100@100 c0 e-F1', 'fill tp 100@105 c0 tp-F1', 'canceled sl oco']);
  });
});

describe('oco', () => {
  /** An OCO as the order manager builds it: the take-profit is the parent, the stop-loss its child. */
  const tp = order({ id: 'tp', side: 'sell', type: 'limit', limitPrice: '110.00', orderClass: 'oco', legRole: 'take_profit', timeInForce: 'gtc' });
  const sl = order({ id: 'sl', side: 'sell', type: 'stop', stopPrice: '90.00', orderClass: 'oco', legRole: 'stop_loss', parentId: 'tp', timeInForce: 'gtc' });

  it('arms both legs at once; the stop fills and cancels the take-profit', () => {
    const h = harness();
    submitAll(h, [tp, sl]);
    h.broker.onMarket(quote(et('10:01'), 89.5, 89.6));
    expect(briefs(h.reports)).toEqual(['accepted tp', 'accepted sl', 'triggered sl', 'fill sl 100@89.5 c0 sl-F1', 'canceled tp oco']);
  });

  it('cancels the other leg on a partial fill', () => {
    const h = harness();
    submitAll(h, [tp, sl]);
    h.broker.onMarket(quote(et('10:01'), 110.2, 110.25, 30, 100));
    expect(briefs(h.reports)).toEqual(['accepted tp', 'accepted sl', 'fill tp 30@110 c0 tp-F1', 'canceled sl oco']);
    expect(h.broker.openOrders().map((open) => [open.id, open.status, open.filledQuantity.toFixed()])).toEqual([['tp', 'partially_filled', '30']]);
  });

  it('cancels a stop-loss that arrives after its take-profit already filled', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 111, 111.05));
    submitAll(h, [tp, sl]);
    expect(briefs(h.reports)).toEqual(['accepted tp', 'fill tp 100@111 c0 tp-F1', 'accepted sl', 'canceled sl oco']);
  });
});
