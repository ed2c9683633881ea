import { describe, expect, it } from 'vitest';
import type { OrderSide } from '@shared/dto/trading';
import { Decimal, money, price, quantity } from '@shared/money/decimal';
import { tradingDayOf, wallClockToMs } from '../../market-data/calendar';
import type { Fill } from '../model/fill';
import { Ledger } from './ledger';

/** New York wall-clock time on a date. 2024-03-04 is a Monday. */
const at = (date: string, time: string) => wallClockToMs(date, time);
const MON = (time: string) => at('2024-03-04', time);
const TUE = (time: string) => at('2024-03-05', time);

let fills = 0;
function fill(symbol: string, side: OrderSide, qty: string, px: string, time: number, commission = '0'): Fill {
  fills += 1;
  return {
    id: `f-${fills}`,
    orderId: `o-${fills}`,
    clientOrderId: `c-${fills}`,
    symbol,
    side,
    quantity: quantity(qty),
    price: price(px),
    commission: money(commission),
    time,
  };
}

function ledger(multiplier = '1', opening = '10000'): Ledger {
  const books = new Ledger({ currency: 'USD', marginMultiplier: new Decimal(multiplier), tradingDayOf });
  books.deposit(money(opening), MON('08:00'));
  return books;
}

const text = (value: Decimal) => value.toFixed();

describe('Ledger: cash and valuation', () => {
  it('pays for a buy and its commission, and values the position at cost until marked', () => {
    const books = ledger();
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00'), '1'));
    expect(text(books.cash())).toBe('4999'); // 10000 − 5000 − 1
    expect(text(books.equity())).toBe('9999'); // no mark yet: at cost, only the commission is gone
    expect(text(books.unrealizedPnl())).toBe('0');
    books.mark('AAPL', price('52'), MON('10:01'));
    expect(text(books.equity())).toBe('10199'); // 4999 + 100 × 52
    expect(text(books.unrealizedPnl())).toBe('200');
    expect(text(books.realizedPnl())).toBe('-1'); // net of the commission
    expect(text(books.longMarketValue())).toBe('5200');
    expect(text(books.shortMarketValue())).toBe('0');
    expect(text(books.grossExposure())).toBe('5200');
  });

  it('realizes a round trip net of both commissions', () => {
    const books = ledger();
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00'), '1'));
    books.applyFill(fill('AAPL', 'sell', '100', '55', MON('14:00'), '1'));
    expect(text(books.cash())).toBe('10498'); // 4999 + 5500 − 1
    expect(text(books.realizedPnl())).toBe('498'); // 500 − 2
    expect(text(books.commissions())).toBe('2');
    expect(text(books.equity())).toBe('10498');
    expect(books.positions()).toEqual([]);
    expect(books.allPositions().map((position) => [position.symbol, text(position.realizedPnl)])).toEqual([['AAPL', '500']]);
    expect(books.position('AAPL')?.isFlat()).toBe(true);
    expect(books.position('MSFT')).toBeNull();
    expect(books.openPositionSymbols().size).toBe(0);
  });

  it('values shorts as negative market value and counts them in gross exposure', () => {
    const books = ledger('2');
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00')));
    books.applyFill(fill('XYZ', 'sell', '100', '40', MON('10:05')));
    books.mark('AAPL', price('50'), MON('10:06'));
    books.mark('XYZ', price('38'), MON('10:06'));
    expect(text(books.cash())).toBe('9000'); // 10000 − 5000 + 4000
    expect(text(books.shortMarketValue())).toBe('-3800');
    expect(text(books.longMarketValue())).toBe('5000');
    expect(text(books.grossExposure())).toBe('8800');
    expect(text(books.equity())).toBe('10200'); // 9000 + 5000 − 3800
    expect(text(books.unrealizedPnl())).toBe('200');
    expect([...books.openPositionSymbols()].sort()).toEqual(['AAPL', 'XYZ']);
    expect(books.positions().map((position) => position.symbol)).toEqual(['AAPL', 'XYZ']);
  });

  it('ignores a mark older than the one it holds', () => {
    const books = ledger();
    books.applyFill(fill('AAPL', 'buy', '10', '50', MON('10:00')));
    books.mark('AAPL', price('51'), MON('10:02'));
    books.mark('AAPL', price('49'), MON('10:01'));
    expect(books.lastMark('AAPL')?.price.toFixed()).toBe('51');
    expect(text(books.equity())).toBe('10010');
  });

  it('counts deposits and withdrawals', () => {
    const books = ledger();
    books.deposit(money('-2500'), MON('09:00'));
    expect(text(books.cash())).toBe('7500');
    expect(books.cashMovementCount()).toBe(2);
  });
});

describe('Ledger: settlement and buying power in a cash account', () => {
  it('holds sale proceeds unsettled until the next trading day', () => {
    const books = ledger();
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00'), '1'));
    books.applyFill(fill('AAPL', 'sell', '100', '55', MON('14:00'), '1'));
    expect(text(books.settledCash(MON('15:00')))).toBe('4999'); // the 5499 proceeds wait
    expect(text(books.buyingPower(money('999'), MON('15:00')))).toBe('4000');
    expect(text(books.settledCash(TUE('09:30')))).toBe('10498');
  });

  it('spends settled cash first and only then unsettled proceeds', () => {
    const books = ledger();
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00'), '1')); // cash 4999, settled
    books.applyFill(fill('AAPL', 'sell', '100', '55', MON('14:00'), '1')); // +5499 unsettled
    books.applyFill(fill('MSFT', 'buy', '60', '100', MON('15:00'))); // 6000: 4999 settled + 1001 unsettled
    expect(text(books.cash())).toBe('4498');
    expect(text(books.settledCash(MON('15:30')))).toBe('0');
    expect(text(books.buyingPower(money(0), MON('15:30')))).toBe('0');
    expect(text(books.settledCash(TUE('09:30')))).toBe('4498');
  });

  it('settles a Friday sale on Monday, not over the weekend', () => {
    const books = ledger();
    books.applyFill(fill('AAPL', 'buy', '10', '100', at('2024-03-07', '10:00'))); // cash 9000
    books.applyFill(fill('AAPL', 'sell', '10', '110', at('2024-03-08', '15:00'))); // Friday: +1100
    expect(text(books.settledCash(at('2024-03-08', '15:59')))).toBe('9000');
    expect(text(books.settledCash(at('2024-03-11', '09:30')))).toBe('10100');
  });

  it('never reports negative buying power', () => {
    const books = ledger();
    expect(text(books.buyingPower(money('25000'), MON('10:00')))).toBe('0');
  });
});

describe('Ledger: buying power on margin', () => {
  it('is equity × multiplier less gross exposure and reservations', () => {
    const books = ledger('2');
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00')));
    books.mark('AAPL', price('50'), MON('10:00'));
    expect(text(books.buyingPower(money(0), MON('10:00')))).toBe('15000'); // 2 × 10000 − 5000
    books.applyFill(fill('XYZ', 'sell', '100', '40', MON('10:05')));
    books.mark('XYZ', price('38'), MON('10:06'));
    // equity 10200 → 20400 − (5000 + 3800) − 600 reserved
    expect(text(books.buyingPower(money('600'), MON('10:06')))).toBe('11000');
  });
});

describe('Ledger: day P&L', () => {
  it('counts from the equity at the first look of each trading day', () => {
    const books = ledger();
    expect(text(books.dayPnl())).toBe('0');
    books.rollDay(MON('09:00'));
    expect(text(books.dayStartEquity())).toBe('10000');
    books.applyFill(fill('AAPL', 'buy', '100', '50', MON('10:00'), '1'));
    books.mark('AAPL', price('51'), MON('11:00'));
    books.rollDay(MON('11:00')); // same day: no reset
    expect(text(books.dayPnl())).toBe('99'); // +100 on the mark, −1 commission
    books.rollDay(TUE('09:00'));
    expect(text(books.dayStartEquity())).toBe('10099');
    expect(text(books.dayPnl())).toBe('0');
    books.mark('AAPL', price('49'), TUE('10:00'));
    expect(text(books.dayPnl())).toBe('-200');
  });

  it('does not count a deposit as profit', () => {
    const books = ledger();
    books.rollDay(MON('09:00'));
    books.deposit(money('1000'), MON('12:00'));
    expect(text(books.equity())).toBe('11000');
    expect(text(books.dayPnl())).toBe('0');
  });
});

describe('Ledger with immediate settlement', () => {
  it('lets sale proceeds buy again the same day', () => {
    const ledger = new Ledger({ currency: 'USD', marginMultiplier: new Decimal(1), tradingDayOf, settlement: 'immediate' });
    const day = Date.UTC(2024, 2, 15, 15);
    ledger.deposit(money('1000'), day);
    const fill = (side: 'buy' | 'sell', qty: string, px: string) => ({
      id: `${side}${qty}${px}`,
      orderId: 'o',
      clientOrderId: 'c',
      symbol: 'AAPL',
      side,
      quantity: quantity(qty),
      price: price(px),
      commission: money('0'),
      time: day,
    });
    ledger.applyFill(fill('buy', '10', '100'));
    ledger.applyFill(fill('sell', '10', '101'));
    expect(ledger.settledCash(day).toFixed()).toBe('1010');
    expect(ledger.buyingPower(money('0'), day).toFixed()).toBe('1010');
  });
});
