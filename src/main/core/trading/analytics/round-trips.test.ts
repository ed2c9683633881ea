import { describe, expect, it } from 'vitest';
import type { OrderSide } from '@shared/dto/trading';
import { money, price, quantity } from '@shared/money/decimal';
import type { Fill } from '../model/fill';
import { roundTrips, type RoundTrip } from './round-trips';

let count = 0;
function fill(symbol: string, side: OrderSide, qty: string, px: string, time: number, commission = '0'): Fill {
  count += 1;
  const id = `f-${count}`;
  return { id, orderId: id, clientOrderId: id, symbol, side, quantity: quantity(qty), price: price(px), commission: money(commission), time };
}

/** The decimals of a trip as text, for exact comparison. */
function plain(trip: RoundTrip) {
  return {
    ...trip,
    quantity: trip.quantity.toFixed(),
    entryPrice: trip.entryPrice.toFixed(),
    exitPrice: trip.exitPrice.toFixed(),
    pnl: trip.pnl.toFixed(),
  };
}

describe('round trips', () => {
  it('makes one long trip from scaling in and out, net of every commission', () => {
    const trips = roundTrips([
      fill('AAPL', 'buy', '100', '10', 1, '1'),
      fill('AAPL', 'buy', '50', '13', 2, '1'),
      fill('AAPL', 'sell', '120', '12.5', 3, '1'),
      fill('AAPL', 'sell', '30', '12', 4, '1'),
    ]);
    // In: 1000 + 650 = 1650 for 150 (11). Out: 1500 + 360 = 1860 (12.4). 210 − 4 commissions.
    expect(trips.map(plain)).toEqual([
      { symbol: 'AAPL', side: 'long', entryTime: 1, exitTime: 4, quantity: '150', entryPrice: '11', exitPrice: '12.4', pnl: '206', returnPct: (206 / 1650) * 100 },
    ]);
  });

  it('makes a short trip', () => {
    const trips = roundTrips([fill('TSLA', 'sell', '100', '20', 1, '0.5'), fill('TSLA', 'buy', '100', '18', 2, '0.5')]);
    expect(trips.map(plain)).toEqual([
      { symbol: 'TSLA', side: 'short', entryTime: 1, exitTime: 2, quantity: '100', entryPrice: '20', exitPrice: '18', pnl: '199', returnPct: 9.95 },
    ]);
  });

  it('splits a flipping fill and its commission by quantity', () => {
    const trips = roundTrips([
      fill('MSFT', 'buy', '100', '10', 1, '2'),
      fill('MSFT', 'sell', '150', '11', 2, '3'), // 100 close the long (commission 2), 50 open a short (1)
      fill('MSFT', 'buy', '50', '10', 3, '1'),
    ]);
    expect(trips.map(plain)).toEqual([
      // 1100 − 1000 − 2 − 2
      { symbol: 'MSFT', side: 'long', entryTime: 1, exitTime: 2, quantity: '100', entryPrice: '10', exitPrice: '11', pnl: '96', returnPct: 9.6 },
      // 550 − 500 − 1 − 1
      { symbol: 'MSFT', side: 'short', entryTime: 2, exitTime: 3, quantity: '50', entryPrice: '11', exitPrice: '10', pnl: '48', returnPct: 8.727272727272727 },
    ]);
  });

  it('keeps the largest size when a trip is trimmed and added to before it closes', () => {
    const trips = roundTrips([
      fill('SPY', 'buy', '10', '100', 1),
      fill('SPY', 'sell', '5', '110', 2),
      fill('SPY', 'buy', '5', '105', 3),
      fill('SPY', 'sell', '10', '120', 4),
    ]);
    // In: 1000 + 525 = 1525 for 15; out: 550 + 1200 = 1750 for 15.
    expect(trips.map(plain)).toEqual([
      { symbol: 'SPY', side: 'long', entryTime: 1, exitTime: 4, quantity: '10', entryPrice: '101.6666666667', exitPrice: '116.6666666667', pnl: '225', returnPct: (225 / 1525) * 100 },
    ]);
  });

  it('keeps symbols apart, orders fills by time and leaves open trips out', () => {
    const trips = roundTrips([
      fill('B', 'sell', '5', '50', 4),
      fill('A', 'buy', '10', '20', 1),
      fill('B', 'buy', '5', '40', 2),
      fill('A', 'sell', '10', '19', 3),
      fill('C', 'buy', '1', '1', 5), // still open
    ]);
    expect(trips.map((trip) => [trip.symbol, trip.side, trip.exitTime, trip.pnl.toFixed()])).toEqual([
      ['A', 'long', 3, '-10'],
      ['B', 'long', 4, '50'],
    ]);
  });

  it('returns nothing for no fills', () => {
    expect(roundTrips([])).toEqual([]);
  });
});

describe('round trips back to back', () => {
  it('starts the next trip with the next entry, not with an empty trip at the exit', () => {
    const trips = roundTrips([fill('X', 'buy', '10', '5', 1), fill('X', 'sell', '10', '6', 2), fill('X', 'buy', '4', '7', 3), fill('X', 'sell', '4', '8', 4)]);
    expect(trips.map((trip) => [trip.entryTime, trip.exitTime, trip.quantity.toFixed(), trip.pnl.toFixed()])).toEqual([
      [1, 2, '10', '10'],
      [3, 4, '4', '4'],
    ]);
  });
});
