import { describe, expect, it } from 'vitest';
import type { OrderSide } from '@shared/dto/trading';
import { price, quantity } from '@shared/money/decimal';
import { Position } from './position';

/** Applies fills in turn and returns the realized P&L of each, as text. */
function trade(position: Position, fills: [OrderSide, string, string][]): string[] {
  return fills.map(([side, qty, px]) => position.applyFill(side, quantity(qty), price(px)).toFixed());
}

describe('Position on average cost', () => {
  it('adds to a long at a blended average and realizes against it on a sale', () => {
    const position = new Position('AAPL');
    // 100 @ 10 + 50 @ 13 = 1650 for 150 → average 11; selling 120 @ 12.5 realizes 120 × (12.5 − 11).
    expect(trade(position, [['buy', '100', '10'], ['buy', '50', '13'], ['sell', '120', '12.5']])).toEqual(['0', '0', '180']);
    expect(position.quantity.toFixed()).toBe('30');
    expect(position.costBasis.toFixed()).toBe('330');
    expect(position.averageCost()?.toFixed()).toBe('11');
    expect(position.realizedPnl.toFixed()).toBe('180');
  });

  it('profits when a short is covered lower', () => {
    const position = new Position('TSLA');
    // Short 100 @ 20, cover 40 @ 18: 40 × (20 − 18) = 80.
    expect(trade(position, [['sell', '100', '20'], ['buy', '40', '18']])).toEqual(['0', '80']);
    expect(position.quantity.toFixed()).toBe('-60');
    expect(position.costBasis.toFixed()).toBe('-1200');
    expect(position.averageCost()?.toFixed()).toBe('20');
  });

  it('loses when a short is covered higher', () => {
    const position = new Position('TSLA');
    expect(trade(position, [['sell', '10', '20'], ['buy', '10', '21.35']])).toEqual(['0', '-13.5']);
    expect(position.isFlat()).toBe(true);
  });

  it('flips a long into a short: closes all at the fill price, opens the rest there', () => {
    const position = new Position('MSFT');
    // Long 100 @ 10, sell 150 @ 11: realizes 100 × 1 = 100, then short 50 @ 11.
    expect(trade(position, [['buy', '100', '10'], ['sell', '150', '11']])).toEqual(['0', '100']);
    expect(position.quantity.toFixed()).toBe('-50');
    expect(position.costBasis.toFixed()).toBe('-550');
    expect(position.averageCost()?.toFixed()).toBe('11');
  });

  it('flips a short into a long', () => {
    const position = new Position('MSFT');
    // Short 50 @ 20, buy 80 @ 22: realizes 50 × (20 − 22) = −100, then long 30 @ 22.
    expect(trade(position, [['sell', '50', '20'], ['buy', '80', '22']])).toEqual(['0', '-100']);
    expect(position.quantity.toFixed()).toBe('30');
    expect(position.costBasis.toFixed()).toBe('660');
  });

  it('builds and closes a position from partial fills', () => {
    const position = new Position('SPY');
    // 10 @ 500.10, 15 @ 500.20, 25 @ 500.05 → cost 5001 + 7503 + 12501.25 = 25005.25 for 50.
    trade(position, [['buy', '10', '500.10'], ['buy', '15', '500.20'], ['buy', '25', '500.05']]);
    expect(position.costBasis.toFixed()).toBe('25005.25');
    expect(position.averageCost()?.toFixed()).toBe('500.105');
    // Sell 20 @ 501: removes 25005.25 × 20/50 = 10002.1 → +17.9. Then 30 @ 499: removes the rest, 15003.15 → −33.15.
    expect(trade(position, [['sell', '20', '501'], ['sell', '30', '499']])).toEqual(['17.9', '-33.15']);
    expect(position.realizedPnl.toFixed()).toBe('-15.25');
    expect(position.isFlat()).toBe(true);
    expect(position.averageCost()).toBeNull();
  });

  it('leaves no residue when a repeating average is sold down in pieces', () => {
    const position = new Position('KO');
    // 2 @ 10 + 4 @ 10.01 = 60.04 for 6: average 10.00666…
    trade(position, [['buy', '2', '10'], ['buy', '4', '10.01']]);
    // Sell 1 @ 11: removes 60.04/6 → 10.0066666667 (ten places), realizes 0.9933333333.
    // Sell 1 @ 11: removes 50.0333333333/5 = 10.00666666666 → 10.0066666667, realizes 0.9933333333.
    // Sell 4 @ 11: closes fully, removes the remaining 40.0266666666, realizes 3.9733333334.
    expect(trade(position, [['sell', '1', '11'], ['sell', '1', '11'], ['sell', '4', '11']])).toEqual(['0.9933333333', '0.9933333333', '3.9733333334']);
    expect(position.costBasis.isZero()).toBe(true);
    // Altogether exactly 6 × 11 − 60.04.
    expect(position.realizedPnl.toFixed()).toBe('5.96');
  });

  it('leaves no residue when a repeating short is covered in pieces', () => {
    const position = new Position('KO');
    // Short 1 @ 10 + 2 @ 10.01 = −30.02 for −3.
    trade(position, [['sell', '1', '10'], ['sell', '2', '10.01']]);
    // Cover 1 @ 9: removes −10.0066666667, realizes 1.0066666667; cover 2 @ 9: removes −20.0133333333, realizes 2.0133333333.
    expect(trade(position, [['buy', '1', '9'], ['buy', '2', '9']])).toEqual(['1.0066666667', '2.0133333333']);
    expect(position.costBasis.isZero()).toBe(true);
    expect(position.realizedPnl.toFixed()).toBe('3.02');
  });

  it('values a long and a short at a mark', () => {
    const long = new Position('A');
    trade(long, [['buy', '30', '11']]);
    expect(long.marketValue(price('12')).toFixed()).toBe('360');
    expect(long.unrealizedPnl(price('12')).toFixed()).toBe('30');
    const short = new Position('B');
    trade(short, [['sell', '60', '20']]);
    expect(short.marketValue(price('19')).toFixed()).toBe('-1140');
    expect(short.unrealizedPnl(price('19')).toFixed()).toBe('60');
    expect(short.unrealizedPnl(price('20.5')).toFixed()).toBe('-30');
  });

  it('is flat and worth nothing before any fill', () => {
    const position = new Position('A');
    expect(position.isFlat()).toBe(true);
    expect(position.averageCost()).toBeNull();
    expect(position.unrealizedPnl(price('5')).isZero()).toBe(true);
  });

  it('refuses a fill of zero or negative quantity', () => {
    const position = new Position('A');
    expect(() => position.applyFill('buy', quantity(0), price(1))).toThrow(RangeError);
    expect(() => position.applyFill('sell', quantity(-1), price(1))).toThrow(RangeError);
  });
});
