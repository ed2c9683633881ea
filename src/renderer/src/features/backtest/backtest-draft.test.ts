import { describe, expect, it } from 'vitest';
import { SMA_CROSSOVER } from '../../store/backtest/testing/backtest-fixtures';
import { draftFromRequest, draftToRequest, emptyDraft, parseDay, parseSymbols, withStrategy, type BacktestDraft } from './backtest-draft';

const base = (): BacktestDraft => withStrategy(emptyDraft('AAPL', '1d'), SMA_CROSSOVER);

describe('draftToRequest', () => {
  it('builds a run request from a valid form', () => {
    const draft = { ...base(), symbols: 'aapl, msft aapl', from: '2010-01-04', to: '2012-12-31', params: { fast: '5', slow: '50' } };
    expect(draftToRequest(draft, SMA_CROSSOVER)).toEqual({
      ok: true,
      request: {
        strategy: 'sma-crossover',
        symbols: ['AAPL', 'MSFT'],
        timeframe: '1d',
        from: Date.UTC(2010, 0, 4),
        // The whole last day is included.
        to: Date.UTC(2013, 0, 1) - 1,
        params: { fast: 5, slow: 50 },
        initialCash: '100000',
        slippage: { model: 'none' },
        commission: { model: 'none' },
      },
    });
  });

  it('passes the chosen slippage and commission models with their rates', () => {
    const draft: BacktestDraft = { ...base(), slippage: 'volume', slippageBps: '10', participation: '0.25', commission: 'per_share', commissionRate: '0.005', commissionMinimum: '1' };
    const parsed = draftToRequest(draft, SMA_CROSSOVER);
    expect(parsed.ok && parsed.request.slippage).toEqual({ model: 'volume', participation: '0.25', impactBps: '10' });
    expect(parsed.ok && parsed.request.commission).toEqual({ model: 'per_share', perShare: '0.005', minimum: '1', maximumPercent: null });
  });

  it('collects a message for each field that is wrong', () => {
    const draft: BacktestDraft = { ...base(), symbols: ' ', initialCash: '0', from: '2012-02-30', params: { fast: '1', slow: '50' }, slippage: 'volume', participation: '2' };
    expect(draftToRequest(draft, SMA_CROSSOVER)).toEqual({
      ok: false,
      errors: {
        symbols: 'Give at least one symbol',
        initialCash: 'Must be above zero',
        from: 'A date as YYYY-MM-DD',
        participation: 'At most 1 (all of the volume)',
        params: { fast: 'Between 2 and 200' },
      },
    });
  });

  it('refuses an end before the start and a missing strategy', () => {
    const parsed = draftToRequest({ ...base(), from: '2012-01-02', to: '2011-12-30' }, undefined);
    expect(parsed).toEqual({ ok: false, errors: { strategy: 'Pick a strategy', to: 'Must not be before the start' } });
  });
});

describe('draftFromRequest', () => {
  it('puts a saved run back into the form', () => {
    const draft = draftFromRequest(
      {
        strategy: 'sma-crossover',
        symbols: ['AAPL', 'MSFT'],
        timeframe: '1h',
        from: Date.UTC(2010, 0, 4),
        to: Date.UTC(2010, 5, 30) + 86_400_000 - 1,
        params: { fast: 7 },
        initialCash: '50000',
        slippage: { model: 'fixed_bps', bps: '3' },
        commission: { model: 'bps', bps: '1.5', minimum: '0.5' },
      },
      SMA_CROSSOVER,
      base(),
    );
    expect(draft).toMatchObject({
      symbols: 'AAPL, MSFT',
      timeframe: '1h',
      from: '2010-01-04',
      to: '2010-06-30',
      params: { fast: '7', slow: '30' },
      initialCash: '50000',
      slippage: 'fixed_bps',
      slippageBps: '3',
      commission: 'bps',
      commissionRate: '1.5',
      commissionMinimum: '0.5',
    });
  });
});

describe('form fields', () => {
  it('reads real calendar days only', () => {
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('24-1-1')).toBeNull();
  });

  it('reads symbols in upper case, each once', () => {
    expect(parseSymbols('spy qqq,SPY')).toEqual(['SPY', 'QQQ']);
    expect(parseSymbols('SPY, $X')).toBe('"$X" is not a symbol');
  });
});
