import { describe, expect, it } from 'vitest';
import type { AccountDto, OrderDto, PositionDto, RiskStatus } from '@shared/dto/trading';
import {
  formatAccount,
  formatMoney,
  formatOrderLine,
  formatOrdersTable,
  formatPercent,
  formatPositionsTable,
  formatRejection,
  formatRiskStatus,
  formatTable,
  formatUnitPrice,
} from './trading-tables';
import { orderDto } from '@shared/testing/order-dto';

const SENT = Date.UTC(2024, 2, 15, 14, 30, 5);
const order = (overrides: Partial<OrderDto> = {}): OrderDto =>
  orderDto('O12', { clientOrderId: 'cli-1', quantity: '10', limitPrice: '101.5', source: 'cli', createdAt: SENT, updatedAt: SENT, ...overrides });

describe('money and prices for display', () => {
  it('rounds money half-even to cents without floats', () => {
    expect(formatMoney('100000')).toBe('100000.00');
    expect(formatMoney('1234.565')).toBe('1234.56');
    expect(formatMoney('1234.575')).toBe('1234.58');
    expect(formatMoney('-0.004')).toBe('0.00');
    expect(formatMoney('12345678901234567.891')).toBe('12345678901234567.89');
    expect(formatMoney(null)).toBe('-');
  });
  it('shows a unit price with at least cents and at most four places', () => {
    expect(formatUnitPrice('101.5')).toBe('101.50');
    expect(formatUnitPrice('101.333333')).toBe('101.3333');
    expect(formatUnitPrice('0.00125')).toBe('0.0012');
    expect(formatPercent(12.345)).toBe('12.35%');
    expect(formatPercent(null)).toBe('-');
  });
});

describe('formatTable', () => {
  it('pads every column to its widest cell and right-aligns numbers', () => {
    const text = formatTable(['NAME', 'QTY'], [['SPY', '5'], ['SIM:QQQ', '1200']], ['left', 'right']);
    expect(text.split('\n')).toEqual(['NAME      QTY', 'SPY         5', 'SIM:QQQ  1200']);
  });
});

describe('orders', () => {
  it('prints one line per placed order', () => {
    expect(formatOrderLine('Accepted', order())).toBe('Accepted O12 buy 10 SIM:SPY limit 101.5 day — accepted');
    expect(formatOrderLine('Accepted', order({ type: 'market', limitPrice: null, status: 'filled', filledQuantity: '10', averageFillPrice: '100.02' }))).toBe(
      'Accepted O12 buy 10 SIM:SPY market day — filled 10 @ 100.02',
    );
    expect(formatOrderLine('Accepted', order({ type: 'stop_limit', stopPrice: '100', side: 'sell', timeInForce: 'gtc' }))).toBe(
      'Accepted O12 sell 10 SIM:SPY stop_limit stop 100 limit 101.5 gtc — accepted',
    );
    expect(formatOrderLine('Accepted', order({ type: 'trailing_stop', limitPrice: null, trailPercent: '1.5', orderClass: 'oto' }))).toBe(
      'Accepted O12 buy 10 SIM:SPY trailing_stop 1.5% day oto — accepted',
    );
    expect(formatOrderLine('Canceled', order({ type: 'market', limitPrice: null, quantity: '0', notional: '2500', status: 'canceled' }))).toBe(
      'Canceled O12 buy $2500 SIM:SPY market day — canceled',
    );
  });

  it('says which rule refused an order and the numbers it compared', () => {
    expect(formatRejection({ rule: 'max_order_quantity', message: 'Quantity exceeds the limit', limit: '100000', actual: '200000' })).toBe(
      'Rejected by max_order_quantity: Quantity exceeds the limit (limit 100000, actual 200000)',
    );
    expect(formatRejection({ rule: 'kill_switch', message: 'The kill switch is tripped', limit: null, actual: null })).toBe(
      'Rejected by kill_switch: The kill switch is tripped',
    );
    expect(formatRejection(null)).toBe('Rejected.');
  });

  it('lists orders as a table with ISO times', () => {
    const lines = formatOrdersTable([order(), order({ id: 'O13', clientOrderId: 'x', side: 'sell', quantity: '250', stopPrice: '99', limitPrice: null, type: 'stop', timeInForce: 'gtc' })]).split('\n');
    expect(lines[0]).toBe('ID   CLIENT ID  TIME                      SYMBOL   SIDE  TYPE   QTY  FILLED  LIMIT  STOP  TIF  STATUS');
    expect(lines[1]).toBe('O12  cli-1      2024-03-15T14:30:05.000Z  SIM:SPY  buy   limit   10       0  101.5     -  day  accepted');
    expect(lines[2]).toBe('O13  x          2024-03-15T14:30:05.000Z  SIM:SPY  sell  stop   250       0      -    99  gtc  accepted');
    expect(formatOrdersTable([])).toBe('No orders.');
  });
});

describe('positions and account', () => {
  it('lists positions with money in cents', () => {
    const position: PositionDto = {
      symbol: 'SIM:SPY',
      quantity: '-30',
      averageCost: '101.333333',
      costBasis: '-3040',
      lastPrice: '100.255',
      marketValue: '-3007.65',
      unrealizedPnl: '32.35',
      realizedPnl: '-12.005',
      percentOfEquity: -3.00765,
    };
    expect(formatPositionsTable([position]).split('\n')).toEqual([
      'SYMBOL   QTY  AVG COST     LAST  MARKET VALUE  UNREALIZED  REALIZED  % EQUITY',
      'SIM:SPY  -30  101.3333  100.255      -3007.65       32.35    -12.00    -3.01%',
    ]);
    expect(formatPositionsTable([])).toBe('No positions.');
  });

  it('prints the account as aligned key/value lines', () => {
    const account: AccountDto = {
      broker: 'paper',
      mode: 'paper',
      currency: 'USD',
      cash: '98984.995',
      settledCash: '100000',
      buyingPower: '98984.995',
      equity: '100012.5',
      longMarketValue: '1027.505',
      shortMarketValue: '0',
      realizedPnl: '0',
      unrealizedPnl: '12.5',
      dayPnl: '12.5',
      dayStartEquity: '100000',
      marginMultiplier: '1',
      time: 0,
    };
    expect(formatAccount(account).split('\n')).toEqual([
      'equity          100012.50',
      'cash             98985.00',
      'settled cash    100000.00',
      'buying power     98985.00',
      'day P&L             12.50',
      'realized P&L         0.00',
      'unrealized P&L      12.50',
      'margin          1x',
      'mode            paper (paper, USD)',
    ]);
  });
});

describe('kill switch', () => {
  const limits = {
    maxOrderQuantity: '100000',
    maxOrderNotional: '250000',
    maxPositionNotional: null,
    maxOpenPositions: 50,
    maxGrossExposure: null,
    maxPriceDeviationPercent: '10',
    duplicateWindowMs: 2000,
    maxDailyLoss: null,
  };
  it('shows when and why it was tripped', () => {
    const status: RiskStatus = { limits, dayPnl: '-5012.345', killSwitch: { tripped: true, reason: 'manual', trippedAt: Date.UTC(2024, 0, 2, 15) } };
    expect(formatRiskStatus(status).split('\n')).toEqual([
      'kill switch        TRIPPED at 2024-01-02T15:00:00.000Z — manual',
      'day P&L            -5012.34',
      'max daily loss     none',
      'max order qty      100000',
      'max order notional 250000',
    ]);
  });
  it('says orders are allowed when it is off', () => {
    const status: RiskStatus = { limits, dayPnl: '0', killSwitch: { tripped: false, reason: null, trippedAt: null } };
    expect(formatRiskStatus(status).split('\n')[0]).toBe('kill switch        off (orders allowed)');
  });
});
