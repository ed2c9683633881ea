import { describe, expect, it } from 'vitest';
import { Instrument } from '@shared/dto/market-data';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { SIM_INSTRUMENTS, SIM_PARAMS, roundToTick, tickDecimals } from './sim-instruments';

describe('simulated instruments', () => {
  it('are the default watchlist, valid Instrument DTOs on the SIM exchange', () => {
    expect(SIM_INSTRUMENTS.map((i) => i.symbol)).toEqual(DEFAULT_SETTINGS.watchlist);
    for (const instrument of SIM_INSTRUMENTS) {
      expect(Instrument.parse(instrument)).toEqual(instrument);
      expect(instrument).toMatchObject({ exchange: 'SIM', currency: 'USD', tickSize: '0.01', lotSize: '1', active: true });
      expect(instrument.name).toMatch(/^Simulated /);
    }
    expect(SIM_INSTRUMENTS.find((i) => i.symbol === 'SIM:SPY')).toMatchObject({ name: 'Simulated S&P 500 ETF', assetClass: 'etf' });
  });

  it('load TLT against the market and everything else with it', () => {
    for (const p of SIM_PARAMS) expect(Math.sign(p.marketCorrelation)).toBe(p.symbol === 'SIM:TLT' ? -1 : 1);
  });

  it('round prices onto the tick, never to zero', () => {
    expect(tickDecimals(0.01)).toBe(2);
    expect(tickDecimals(0.0001)).toBe(4);
    expect(tickDecimals(1)).toBe(0);
    expect(roundToTick(100.126, 0.01, 2)).toBe(100.13);
    expect(roundToTick(0.1 + 0.2, 0.01, 2)).toBe(0.3);
    expect(roundToTick(0.001, 0.01, 2)).toBe(0.01);
    expect(roundToTick(1.23456, 0.0005, 4)).toBe(1.2345);
  });
});
