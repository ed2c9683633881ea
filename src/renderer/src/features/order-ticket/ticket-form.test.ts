import { describe, expect, it } from 'vitest';
import { OrderType } from '@shared/dto/trading';
import { EMPTY_TICKET, ticketLayout, withoutPrices, type TicketForm } from './ticket-form';

const form = (change: Partial<TicketForm>): TicketForm => ({ ...EMPTY_TICKET, ...change });

/** The price fields a type shows, in a fixed order. */
function priceFields(change: Partial<TicketForm>): string[] {
  const layout = ticketLayout(form(change));
  return (['limitPrice', 'stopPrice', 'trailAmount', 'trailPercent'] as const).filter((field) => layout[field]);
}

describe('ticketLayout: which fields each order type shows', () => {
  it('shows only the prices the type uses', () => {
    expect(priceFields({ type: 'market' })).toEqual([]);
    expect(priceFields({ type: 'limit' })).toEqual(['limitPrice']);
    expect(priceFields({ type: 'stop' })).toEqual(['stopPrice']);
    expect(priceFields({ type: 'stop_limit' })).toEqual(['limitPrice', 'stopPrice']);
    expect(priceFields({ type: 'trailing_stop' })).toEqual(['trailAmount']);
    expect(priceFields({ type: 'trailing_stop', trailMode: 'percent' })).toEqual(['trailPercent']);
  });

  it('offers extended hours for limit orders only', () => {
    const shown = OrderType.options.filter((type) => ticketLayout(form({ type })).extendedHours);
    expect(shown).toEqual(['limit']);
  });

  it('allows notional for market day orders only, and falls back to quantity otherwise', () => {
    expect(ticketLayout(form({ sizeMode: 'notional' }))).toMatchObject({ notionalAllowed: true, size: 'notional' });
    expect(ticketLayout(form({ sizeMode: 'notional', type: 'limit' }))).toMatchObject({ notionalAllowed: false, size: 'quantity' });
    expect(ticketLayout(form({ sizeMode: 'notional', timeInForce: 'gtc' }))).toMatchObject({ notionalAllowed: false, size: 'quantity' });
    expect(ticketLayout(form({ sizeMode: 'quantity' })).size).toBe('quantity');
  });

  it('shows the exit legs for bracket, OTO and OCO orders', () => {
    expect(ticketLayout(form({ orderClass: 'simple' }))).toMatchObject({ takeProfit: false, stopLoss: false });
    for (const orderClass of ['bracket', 'oto', 'oco'] as const) {
      expect(ticketLayout(form({ orderClass }))).toMatchObject({ takeProfit: true, stopLoss: true });
    }
  });

  it('locks an OCO to a limit whose price is the take-profit leg', () => {
    const layout = ticketLayout(form({ orderClass: 'oco', type: 'market' }));
    expect(layout).toMatchObject({ type: 'limit', typeLocked: true, limitPrice: false, extendedHours: false, notionalAllowed: false });
  });
});

describe('withoutPrices', () => {
  it('clears every price when the symbol changes and keeps the rest', () => {
    const filled = form({
      side: 'sell',
      type: 'stop_limit',
      quantity: '40',
      limitPrice: '101',
      stopPrice: '100',
      trailAmount: '2',
      trailPercent: '1.5',
      orderClass: 'bracket',
      takeProfitLimit: '90',
      stopLossStop: '105',
      stopLossLimit: '106',
    });
    expect(withoutPrices(filled)).toEqual({
      ...filled,
      limitPrice: '',
      stopPrice: '',
      trailAmount: '',
      takeProfitLimit: '',
      stopLossStop: '',
      stopLossLimit: '',
    });
  });
});
