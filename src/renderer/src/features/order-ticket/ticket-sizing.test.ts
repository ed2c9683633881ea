import { describe, expect, it } from 'vitest';
import { EMPTY_TICKET, type TicketForm } from './ticket-form';
import { checkSizing, lastPriceText, sizingEntryPrice } from './ticket-sizing';

const form = (change: Partial<TicketForm> = {}): TicketForm => ({ ...EMPTY_TICKET, ...change });

describe('sizingEntryPrice', () => {
  it('takes the limit, else the stop, else the last trade', () => {
    expect(sizingEntryPrice(form({ type: 'stop_limit', limitPrice: '101.5', stopPrice: '101' }), 99.87)).toBe('101.5');
    expect(sizingEntryPrice(form({ type: 'stop', stopPrice: '101', limitPrice: '500' }), 99.87)).toBe('101');
    expect(sizingEntryPrice(form({ type: 'market', limitPrice: '500' }), 99.87)).toBe('99.87');
    expect(sizingEntryPrice(form({ type: 'limit', limitPrice: 'junk' }), 99.87)).toBe('99.87');
    expect(sizingEntryPrice(form(), undefined)).toBeNull();
  });
});

describe('lastPriceText', () => {
  it('rounds a float trade to the decimals the watchlist shows', () => {
    expect(lastPriceText(412.34999999999997)).toBe('412.35');
    expect(lastPriceText(0.123456)).toBe('0.1235');
    expect(lastPriceText(0)).toBeNull();
    expect(lastPriceText(Number.NaN)).toBeNull();
  });
});

describe('checkSizing', () => {
  it('builds the request from risk %, the stop and the entry', () => {
    expect(checkSizing('SIM:SPY', { riskPercent: '0.5', stopPrice: '95.00' }, form({ type: 'limit', limitPrice: '100' }), 99)).toEqual({
      ok: true,
      request: { symbol: 'SIM:SPY', riskPercent: '0.5', entryPrice: '100', stopPrice: '95' },
    });
  });

  it('uses the stop-loss leg when the helper has no stop of its own', () => {
    const result = checkSizing('SIM:SPY', { riskPercent: '1', stopPrice: ' ' }, form({ orderClass: 'bracket', stopLossStop: '97.5' }), 100);
    expect(result).toMatchObject({ ok: true, request: { stopPrice: '97.5', entryPrice: '100' } });
  });

  it('explains what is missing', () => {
    expect(checkSizing('SIM:SPY', { riskPercent: '', stopPrice: '' }, form(), undefined)).toEqual({
      ok: false,
      errors: {
        riskPercent: 'Risk % is required',
        stopPrice: 'Stop price is required',
        entry: 'No entry price yet: enter a limit price or wait for a last price',
      },
    });
    expect(checkSizing('SIM:SPY', { riskPercent: '150', stopPrice: '100' }, form(), 100)).toEqual({
      ok: false,
      errors: { riskPercent: 'Risk % must be at most 100', stopPrice: 'The stop must differ from the entry price' },
    });
  });
});
