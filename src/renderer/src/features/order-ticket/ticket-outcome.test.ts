import { describe, expect, it } from 'vitest';
import type { OrderDto } from '@shared/dto/trading';
import { RpcError } from '@shared/client/rpc-error';
import { order as fixture } from '../../store/trading/testing/trading-fixtures';
import { failureText, followOutcome, outcomeOf } from './ticket-outcome';

const order = (change: Partial<OrderDto> = {}): OrderDto => fixture('o-1', { type: 'market', limitPrice: null, createdAt: 1_000, updatedAt: 1_000, ...change });

describe('outcomeOf', () => {
  it('reads an accepted order as accepted', () => {
    expect(outcomeOf(order())).toEqual({ kind: 'accepted', order: order() });
  });

  it('reads a rejected order with its rule and numbers', () => {
    const rejection = { rule: 'buying_power', message: 'Not enough buying power', limit: '1000', actual: '10050' } as const;
    const refused = order({ status: 'rejected', rejection });
    expect(outcomeOf(refused)).toEqual({ kind: 'rejected', order: refused, rejection });
  });

  it('still names a rule when a rejection comes without one', () => {
    const outcome = outcomeOf(order({ status: 'rejected' }));
    expect(outcome.kind === 'rejected' && outcome.rejection.rule).toBe('broker');
  });
});

describe('followOutcome', () => {
  it('follows the sent order to its fill', () => {
    const filled = order({ status: 'filled', filledQuantity: '100', updatedAt: 2_000 });
    expect(followOutcome(outcomeOf(order()), filled)).toEqual({ kind: 'accepted', order: filled });
  });

  it('ignores other orders, older updates and a failed send', () => {
    const sent = outcomeOf(order({ updatedAt: 2_000 }));
    expect(followOutcome(sent, order({ id: 'o-2', status: 'filled', updatedAt: 3_000 }))).toBe(sent);
    expect(followOutcome(sent, order({ status: 'pending_new', updatedAt: 1_500 }))).toBe(sent);
    const failed = { kind: 'error', message: 'Engine unavailable' } as const;
    expect(followOutcome(failed, order())).toBe(failed);
    expect(followOutcome(null, order())).toBeNull();
  });
});

describe('failureText', () => {
  it('adds the engine’s issues to its message', () => {
    const error = new RpcError({ code: 'INVALID_PARAMS', message: 'Invalid params', issues: [{ path: 'limitPrice', message: 'Must be greater than zero' }] });
    expect(failureText(error)).toBe('Invalid params: limitPrice Must be greater than zero');
    expect(failureText(new RpcError({ code: 'UNAVAILABLE', message: 'Engine not reachable' }))).toBe('Engine not reachable');
    expect(failureText('boom')).toBe('boom');
  });
});
