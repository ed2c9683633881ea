import { describe, expect, it } from 'vitest';
import { EMPTY_TICKET, type TicketForm } from './ticket-form';
import { hasErrors, validateTicket, visibleErrors } from './ticket-validation';

const form = (change: Partial<TicketForm>): TicketForm => ({ ...EMPTY_TICKET, quantity: '100', ...change });

describe('validateTicket: sizes and prices', () => {
  it('passes a complete market order', () => {
    expect(validateTicket(form({}))).toEqual({});
  });

  it('asks for the size the ticket shows', () => {
    expect(validateTicket(form({ quantity: '' }))).toEqual({ quantity: 'Quantity is required' });
    expect(validateTicket(form({ sizeMode: 'notional', notional: '0' }))).toEqual({ notional: 'Notional must be greater than zero' });
    // A notional left over from a market order does not count once the order is a limit.
    expect(validateTicket(form({ type: 'limit', limitPrice: '10', sizeMode: 'notional', quantity: '', notional: '500' }))).toEqual({
      quantity: 'Quantity is required',
    });
  });

  it('asks for exactly the prices the type uses', () => {
    expect(validateTicket(form({ type: 'limit' }))).toEqual({ limitPrice: 'Limit price is required' });
    expect(validateTicket(form({ type: 'stop', limitPrice: 'junk' }))).toEqual({ stopPrice: 'Stop price is required' });
    expect(validateTicket(form({ type: 'stop_limit', stopPrice: 'x' }))).toEqual({
      limitPrice: 'Limit price is required',
      stopPrice: 'Stop price must be a number, e.g. 100 or 12.5',
    });
    expect(validateTicket(form({ type: 'trailing_stop' }))).toEqual({ trailAmount: 'Trail amount is required' });
  });

  it('keeps a trail percent below 100', () => {
    const trailing = { type: 'trailing_stop', trailMode: 'percent' } as const;
    expect(validateTicket(form({ ...trailing, trailPercent: '100' }))).toEqual({ trailPercent: 'Trail percent must be below 100' });
    expect(validateTicket(form({ ...trailing, trailPercent: '99.5' }))).toEqual({});
  });
});

describe('validateTicket: time in force', () => {
  it('takes at-the-open and at-the-close for market and limit orders only', () => {
    expect(validateTicket(form({ timeInForce: 'opg' }))).toEqual({});
    expect(validateTicket(form({ type: 'stop', stopPrice: '9', timeInForce: 'cls' }))).toEqual({
      timeInForce: 'At the open or close takes market and limit orders only',
    });
  });

  it('keeps trailing stops and multi-leg orders to day or GTC', () => {
    expect(validateTicket(form({ type: 'trailing_stop', trailAmount: '1', timeInForce: 'ioc' }))).toEqual({
      timeInForce: 'A trailing stop is day or GTC',
    });
    expect(validateTicket(form({ orderClass: 'bracket', takeProfitLimit: '110', stopLossStop: '90', timeInForce: 'fok' }))).toEqual({
      timeInForce: 'A bracket order is day or GTC',
    });
  });

  it('allows extended hours on a day or GTC limit', () => {
    const limit = { type: 'limit', limitPrice: '10', extendedHours: true } as const;
    expect(validateTicket(form({ ...limit, timeInForce: 'gtc' }))).toEqual({});
    expect(validateTicket(form({ ...limit, timeInForce: 'ioc' }))).toEqual({ extendedHours: 'Extended hours needs a day or GTC limit order' });
    // Not a limit: the box is hidden and ignored.
    expect(validateTicket(form({ extendedHours: true, timeInForce: 'ioc' }))).toEqual({});
  });
});

describe('validateTicket: exit legs', () => {
  it('needs both legs of a bracket', () => {
    expect(validateTicket(form({ orderClass: 'bracket' }))).toEqual({
      takeProfitLimit: 'Take-profit limit is required',
      stopLossStop: 'Stop-loss stop is required',
    });
  });

  it('needs exactly one exit on an OTO', () => {
    expect(validateTicket(form({ orderClass: 'oto' }))).toEqual({ orderClass: 'An OTO needs one exit: a take-profit or a stop-loss' });
    expect(validateTicket(form({ orderClass: 'oto', stopLossStop: '90' }))).toEqual({});
    expect(validateTicket(form({ orderClass: 'oto', takeProfitLimit: '110', stopLossStop: '90' }))).toEqual({
      orderClass: 'An OTO has one exit: clear the take-profit or the stop-loss',
    });
  });

  it('puts a buy bracket’s take-profit above its stop-loss and around its entry limit', () => {
    const bracket = { orderClass: 'bracket', type: 'limit', limitPrice: '100' } as const;
    expect(validateTicket(form({ ...bracket, takeProfitLimit: '110', stopLossStop: '95' }))).toEqual({});
    expect(validateTicket(form({ ...bracket, takeProfitLimit: '95', stopLossStop: '110' }))).toEqual({
      takeProfitLimit: 'Take-profit must be above the stop-loss for a sell exit',
      stopLossStop: 'Stop-loss must be below the entry limit price',
    });
    expect(validateTicket(form({ ...bracket, takeProfitLimit: '100', stopLossStop: '95' }))).toEqual({
      takeProfitLimit: 'Take-profit must be above the entry limit price',
    });
  });

  it('mirrors the sides for a sell bracket and for an OCO', () => {
    expect(validateTicket(form({ side: 'sell', orderClass: 'bracket', takeProfitLimit: '90', stopLossStop: '110' }))).toEqual({});
    expect(validateTicket(form({ side: 'sell', orderClass: 'bracket', takeProfitLimit: '110', stopLossStop: '90' }))).toEqual({
      takeProfitLimit: 'Take-profit must be below the stop-loss for a buy exit',
    });
    // An OCO has no entry: its side is the exits' side (sell to close a long).
    expect(validateTicket(form({ side: 'sell', orderClass: 'oco', takeProfitLimit: '110', stopLossStop: '90' }))).toEqual({});
  });

  it('needs a stop with a stop-loss limit, and refuses a trailing entry with legs', () => {
    expect(validateTicket(form({ orderClass: 'oto', takeProfitLimit: '110', stopLossLimit: '89' }))).toEqual({
      stopLossStop: 'Stop-loss stop is required with a stop-loss limit',
    });
    expect(validateTicket(form({ orderClass: 'bracket', type: 'trailing_stop', trailAmount: '1', takeProfitLimit: '110', stopLossStop: '90' }))).toEqual({
      orderClass: 'A trailing stop entry cannot carry exit legs',
    });
  });
});

describe('visibleErrors', () => {
  it('shows a message on a field with text at once, and on empty fields only after a send was tried', () => {
    const ticket = form({ quantity: '', type: 'limit', limitPrice: '-3' });
    const errors = validateTicket(ticket);
    expect(hasErrors(errors)).toBe(true);
    expect(visibleErrors(errors, ticket, false)).toEqual({ limitPrice: 'Limit price must be greater than zero' });
    expect(visibleErrors(errors, ticket, true)).toEqual({ quantity: 'Quantity is required', limitPrice: 'Limit price must be greater than zero' });
  });

  it('always shows messages that belong to a choice, not a typed field', () => {
    const ticket = form({ orderClass: 'oto' });
    expect(visibleErrors(validateTicket(ticket), ticket, false)).toEqual({ orderClass: 'An OTO needs one exit: a take-profit or a stop-loss' });
  });
});
