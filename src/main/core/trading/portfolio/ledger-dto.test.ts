import { describe, expect, it } from 'vitest';
import { AccountDto, PositionDto } from '@shared/dto/trading';
import { Decimal, money, price, quantity } from '@shared/money/decimal';
import { tradingDayOf, wallClockToMs } from '../../market-data/calendar';
import type { Fill } from '../model/fill';
import { Ledger } from './ledger';
import { accountToDto, positionsToDto } from './ledger-dto';

const MON = (time: string) => wallClockToMs('2024-03-04', time);

function fill(id: string, symbol: string, side: 'buy' | 'sell', qty: string, px: string, time: number, commission = '0'): Fill {
  return { id, orderId: id, clientOrderId: id, symbol, side, quantity: quantity(qty), price: price(px), commission: money(commission), time };
}

function books(): Ledger {
  const ledger = new Ledger({ currency: 'USD', marginMultiplier: new Decimal(2), tradingDayOf });
  ledger.deposit(money('10000'), MON('08:00'));
  ledger.rollDay(MON('09:00'));
  ledger.applyFill(fill('a', 'AAPL', 'buy', '100', '50', MON('10:00'), '1'));
  ledger.applyFill(fill('b', 'XYZ', 'sell', '50', '40', MON('10:01')));
  ledger.mark('AAPL', price('52.5'), MON('10:02'));
  return ledger;
}

describe('ledger DTOs', () => {
  it('reports the account to the cent, in canonical decimal strings', () => {
    const dto = accountToDto(books(), { broker: 'paper', mode: 'paper', now: MON('10:03'), reserved: money('500') });
    expect(AccountDto.parse(dto)).toEqual(dto);
    expect(dto).toEqual({
      broker: 'paper',
      mode: 'paper',
      currency: 'USD',
      cash: '6999', // 10000 − 5000 − 1 + 2000
      settledCash: '4999', // the short sale's 2000 settles tomorrow
      buyingPower: '12748', // 2 × 10249 − (5250 + 2000) − 500
      equity: '10249', // 6999 + 5250 − 2000 (XYZ unmarked: at cost)
      longMarketValue: '5250',
      shortMarketValue: '-2000',
      realizedPnl: '-1',
      unrealizedPnl: '250',
      dayPnl: '249',
      dayStartEquity: '10000',
      marginMultiplier: '2',
      time: MON('10:03'),
    });
  });

  it('reports open positions with nulls where there is no mark', () => {
    const dtos = positionsToDto(books());
    for (const dto of dtos) expect(PositionDto.parse(dto)).toEqual(dto);
    expect(dtos).toEqual([
      {
        symbol: 'AAPL',
        quantity: '100',
        averageCost: '50',
        costBasis: '5000',
        lastPrice: '52.5',
        marketValue: '5250',
        unrealizedPnl: '250',
        realizedPnl: '0',
        percentOfEquity: (5250 / 10249) * 100,
      },
      {
        symbol: 'XYZ',
        quantity: '-50',
        averageCost: '40',
        costBasis: '-2000',
        lastPrice: null,
        marketValue: null,
        unrealizedPnl: null,
        realizedPnl: '0',
        percentOfEquity: (-2000 / 10249) * 100,
      },
    ]);
  });

  it('trims a repeating average cost to the wire limit of 18 places', () => {
    const ledger = new Ledger({ currency: 'USD', marginMultiplier: new Decimal(1), tradingDayOf });
    ledger.deposit(money('1000'), MON('08:00'));
    ledger.applyFill(fill('a', 'KO', 'buy', '1', '10', MON('10:00')));
    ledger.applyFill(fill('b', 'KO', 'buy', '2', '10.01', MON('10:00')));
    const [dto] = positionsToDto(ledger);
    expect(dto?.averageCost).toBe('10.006666666666666667');
    expect(dto?.costBasis).toBe('30.02');
  });

  it('gives no share of equity when equity is not positive', () => {
    const ledger = new Ledger({ currency: 'USD', marginMultiplier: new Decimal(4), tradingDayOf });
    ledger.applyFill(fill('a', 'AAPL', 'buy', '10', '50', MON('10:00')));
    ledger.mark('AAPL', price('0'), MON('10:01'));
    expect(positionsToDto(ledger)[0]?.percentOfEquity).toBeNull();
  });
});
