import { describe, expect, it } from 'vitest';
import { order } from '../../store/trading/testing/trading-fixtures';
import { draftOf, replaceRequest } from './order-edit';

describe('replaceRequest', () => {
  const working = order('o1', { quantity: '100', limitPrice: '450.25', filledQuantity: '40', status: 'partially_filled' });

  it('sends only the fields that changed, in canonical form', () => {
    expect(replaceRequest(working, { ...draftOf(working), limitPrice: '449.50' })).toEqual({ ok: true, params: { id: 'o1', limitPrice: '449.5' } });
    expect(replaceRequest(working, { ...draftOf(working), quantity: '1,000' })).toEqual({ ok: true, params: { id: 'o1', quantity: '1000' } });
  });

  it('treats the same number written differently as unchanged', () => {
    expect(replaceRequest(working, { ...draftOf(working), limitPrice: '450.250' })).toEqual({ ok: false, error: 'Nothing changed' });
  });

  it('refuses a quantity at or below what is already filled, and non-numbers', () => {
    expect(replaceRequest(working, { ...draftOf(working), quantity: '40' })).toEqual({ ok: false, error: 'Quantity must be more than the 40 already filled' });
    expect(replaceRequest(working, { ...draftOf(working), quantity: '0' }).ok).toBe(false);
    expect(replaceRequest(working, { ...draftOf(working), limitPrice: '-1' })).toEqual({ ok: false, error: 'Limit price must be a number above zero' });
  });

  it('changes the stop price of a stop order and ignores the empty limit field', () => {
    const stop = order('o2', { type: 'stop', limitPrice: null, stopPrice: '440' });
    expect(replaceRequest(stop, { quantity: '100', limitPrice: '', stopPrice: '441.5' })).toEqual({ ok: true, params: { id: 'o2', stopPrice: '441.5' } });
  });
});
