import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus, type OrderType } from '@shared/dto/trading';
import { money, price, quantity } from '@shared/money/decimal';
import type { ExecutionReport, ExecutionReportKind } from './execution-report';
import type { Order } from './order';
import { makeOrder } from './test-order';
import { applyReport, canTransition, isTerminal, ORDER_TRANSITIONS, REPORT_KINDS } from './order-state';

function order(overrides: Partial<Order> = {}): Order {
  return makeOrder({
    id: 'o-1',
    clientOrderId: 'c-1',
    side: 'sell',
    type: 'trailing_stop',
    stopPrice: price('95'),
    trailAmount: price('5'),
    trailReference: price('100'),
    status: 'accepted',
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  });
}

const T = 2_000;

function fillReport(qty: string, px: string, commission = '0', fillId = 'f-1'): ExecutionReport {
  return { kind: 'fill', orderId: 'o-1', time: T, fillId, quantity: quantity(qty), price: price(px), commission: money(commission) };
}

function report(kind: ExecutionReportKind): ExecutionReport {
  switch (kind) {
    case 'accepted':
      return { kind, orderId: 'o-1', time: T };
    case 'rejected':
      return { kind, orderId: 'o-1', time: T, reason: 'insufficient buying power' };
    case 'triggered':
      return { kind, orderId: 'o-1', time: T };
    case 'trail_moved':
      return { kind, orderId: 'o-1', time: T, reference: price('102'), stopPrice: price('97') };
    case 'fill':
      return fillReport('10', '96.5', '0.25');
    case 'canceled':
      return { kind, orderId: 'o-1', time: T, reason: 'user' };
    case 'expired':
      return { kind, orderId: 'o-1', time: T };
    case 'replaced':
      return { kind, orderId: 'o-1', time: T, newOrderId: 'o-2' };
  }
}

/** An order in a given status, consistent with it (a partial fill has something filled). */
function orderIn(status: OrderStatus): Order {
  if (status === 'partially_filled') return order({ status, filledQuantity: quantity(40), averageFillPrice: price('97') });
  if (status === 'filled') return order({ status, filledQuantity: quantity(100), averageFillPrice: price('97') });
  return order({ status });
}

// The expected status after each report, written out by hand; '✗' means the report is refused.
type Outcome = OrderStatus | '✗';
const EXPECTED: Record<OrderStatus, Record<ExecutionReportKind, Outcome>> = {
  pending_new: { accepted: 'accepted', rejected: 'rejected', triggered: '✗', trail_moved: '✗', fill: '✗', canceled: 'canceled', expired: '✗', replaced: '✗' },
  accepted: { accepted: '✗', rejected: '✗', triggered: 'accepted', trail_moved: 'accepted', fill: 'partially_filled', canceled: 'canceled', expired: 'expired', replaced: 'replaced' },
  partially_filled: { accepted: '✗', rejected: '✗', triggered: 'partially_filled', trail_moved: 'partially_filled', fill: 'partially_filled', canceled: 'canceled', expired: 'expired', replaced: 'replaced' },
  filled: { accepted: '✗', rejected: '✗', triggered: '✗', trail_moved: '✗', fill: '✗', canceled: '✗', expired: '✗', replaced: '✗' },
  canceled: { accepted: '✗', rejected: '✗', triggered: '✗', trail_moved: '✗', fill: '✗', canceled: '✗', expired: '✗', replaced: '✗' },
  rejected: { accepted: '✗', rejected: '✗', triggered: '✗', trail_moved: '✗', fill: '✗', canceled: '✗', expired: '✗', replaced: '✗' },
  expired: { accepted: '✗', rejected: '✗', triggered: '✗', trail_moved: '✗', fill: '✗', canceled: '✗', expired: '✗', replaced: '✗' },
  replaced: { accepted: '✗', rejected: '✗', triggered: '✗', trail_moved: '✗', fill: '✗', canceled: '✗', expired: '✗', replaced: '✗' },
};

describe('order state machine: every status × every report', () => {
  it('lists every status and every report kind in the table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(REPORT_KINDS).toHaveLength(8);
  });

  const cases = ORDER_STATUSES.flatMap((status) => REPORT_KINDS.map((kind) => [status, kind, EXPECTED[status][kind]] as const));
  it.each(cases)('%s + %s → %s', (status, kind, expected) => {
    const before = orderIn(status);
    const result = applyReport(before, report(kind));
    if (expected === '✗') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/\S/);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.status).toBe(expected);
    expect(result.order.updatedAt).toBe(T);
    expect(result.fill === null).toBe(kind !== 'fill');
    expect(before.status).toBe(status); // never mutated
    expect(before.updatedAt).toBe(1_000);
  });

  it('agrees with canTransition for every status pair the reports reach', () => {
    for (const status of ORDER_STATUSES) {
      for (const kind of REPORT_KINDS) {
        const target = EXPECTED[status][kind];
        if (target !== '✗') expect(canTransition(status, target)).toBe(true);
      }
    }
    expect(canTransition('pending_new', 'filled')).toBe(false);
    expect(canTransition('pending_new', 'partially_filled')).toBe(false);
    expect(canTransition('partially_filled', 'accepted')).toBe(false);
    expect(canTransition('filled', 'canceled')).toBe(false);
    expect(ORDER_TRANSITIONS.replaced).toEqual([]);
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['filled', 'canceled', 'rejected', 'expired', 'replaced']);
  });
});

describe('order state machine: what each report records', () => {
  it('records a broker rejection with its reason', () => {
    const result = applyReport(order({ status: 'pending_new' }), report('rejected'));
    expect(result.ok && result.order.rejection).toEqual({ rule: 'broker', message: 'insufficient buying power', limit: null, actual: null });
  });

  it('keeps a rejection message within the wire limit of 500 characters', () => {
    const long: ExecutionReport = { kind: 'rejected', orderId: 'o-1', time: T, reason: 'x'.repeat(900) };
    const result = applyReport(order({ status: 'pending_new' }), long);
    expect(result.ok && result.order.rejection?.message.length).toBe(500);
  });

  it('marks a stop as triggered and moves a trailing stop', () => {
    const triggered = applyReport(order(), report('triggered'));
    expect(triggered.ok && triggered.order.triggered).toBe(true);
    const moved = applyReport(order(), report('trail_moved'));
    expect(moved.ok && moved.order.trailReference?.toFixed()).toBe('102');
    expect(moved.ok && moved.order.stopPrice?.toFixed()).toBe('97');
  });

  it.each<OrderType>(['market', 'limit'])('refuses a trigger on a %s order, which has no stop', (type) => {
    expect(applyReport(order({ type }), report('triggered')).ok).toBe(false);
  });

  it.each<OrderType>(['stop', 'stop_limit'])('triggers a %s order but refuses to move a trail it does not have', (type) => {
    expect(applyReport(order({ type }), report('triggered')).ok).toBe(true);
    expect(applyReport(order({ type }), report('trail_moved')).ok).toBe(false);
  });

  it('links a replaced order to its successor', () => {
    const result = applyReport(order(), report('replaced'));
    expect(result.ok && result.order.replacedBy).toBe('o-2');
  });

  it('refuses a report meant for another order', () => {
    const result = applyReport(order(), { kind: 'canceled', orderId: 'o-9', time: T, reason: 'x' });
    expect(result.ok).toBe(false);
  });
});

describe('order state machine: fills', () => {
  it('builds the fill from the report and the order', () => {
    const result = applyReport(order(), fillReport('10', '96.5', '0.25', 'exec-7'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fill).toEqual({
      id: 'exec-7',
      orderId: 'o-1',
      clientOrderId: 'c-1',
      symbol: 'AAPL',
      side: 'sell',
      quantity: quantity('10'),
      price: price('96.5'),
      commission: money('0.25'),
      time: T,
    });
  });

  it('walks partial fills to filled with a volume-weighted average and summed commission', () => {
    let current = order();
    const steps: [string, string, string, string, string][] = [
      // qty, price, commission → status, average
      ['30', '10', '1', 'partially_filled', '10'],
      ['50', '10.2', '1.5', 'partially_filled', '10.125'], // (300 + 510) / 80
      ['20', '10.5', '0.5', 'filled', '10.2'], // (810 + 210) / 100
    ];
    for (const [index, [qty, px, commission, status, average]] of steps.entries()) {
      const result = applyReport(current, fillReport(qty, px, commission, `f-${index}`));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      current = result.order;
      expect(current.status).toBe(status);
      expect(current.averageFillPrice?.toFixed()).toBe(average);
    }
    expect(current.filledQuantity.toFixed()).toBe('100');
    expect(current.commission.toFixed()).toBe('3');
  });

  it('rounds a repeating average to ten places, half-even', () => {
    const first = applyReport(order({ quantity: quantity(3) }), fillReport('1', '10', '0', 'a'));
    if (!first.ok) throw new Error(first.reason);
    const second = applyReport(first.order, fillReport('2', '10.01', '0', 'b'));
    if (!second.ok) throw new Error(second.reason);
    expect(second.order.averageFillPrice?.toFixed()).toBe('10.0066666667'); // 30.02 / 3
  });

  it('refuses a fill larger than what remains', () => {
    const partial = orderIn('partially_filled'); // 40 of 100 filled
    expect(applyReport(partial, fillReport('60', '97')).ok).toBe(true);
    const result = applyReport(partial, fillReport('60.0001', '97'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('exceeds the 60 remaining');
  });

  it.each(['0', '-5'])('refuses a fill of %s', (qty) => {
    expect(applyReport(order(), fillReport(qty, '97')).ok).toBe(false);
  });

  it('refuses a fill before the broker accepted the order', () => {
    expect(applyReport(order({ status: 'pending_new' }), fillReport('10', '97')).ok).toBe(false);
  });
});
