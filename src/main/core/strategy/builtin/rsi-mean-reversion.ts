import { defineStrategy, type IndicatorHandle } from '../strategy-api';
import { buyAllIn, perSymbol, sellAll } from './all-in';

export type RsiMeanReversionParams = { period: number; oversold: number; overbought: number };

interface SymbolState {
  rsi: IndicatorHandle;
  previous: number;
}

/**
 * Long-only mean reversion on each symbol: when flat, buys all-in (market) as the RSI crosses
 * below `oversold` (previous ≥ oversold, now < oversold); when long, sells everything (market)
 * once the RSI is above `overbought`.
 */
export const rsiMeanReversion = defineStrategy<RsiMeanReversionParams>({
  id: 'rsi-mean-reversion',
  name: 'RSI mean reversion',
  description: 'Buys all-in when the RSI crosses below the oversold level; sells when it is above the overbought level.',
  params: {
    period: { kind: 'int', default: 14, min: 2, max: 100, label: 'RSI period' },
    oversold: { kind: 'float', default: 30, min: 1, max: 50, label: 'Oversold below' },
    overbought: { kind: 'float', default: 70, min: 50, max: 99, label: 'Overbought above' },
  },
  validate: (p) => (p.oversold < p.overbought ? [] : [`oversold (${p.oversold}) must be below overbought (${p.overbought})`]),
  warmup: (params) => params.period + 1,
  create(params) {
    let state: (symbol: string) => SymbolState = () => {
      throw new Error('rsi-mean-reversion: onBar before onStart');
    };
    return {
      onStart(ctx) {
        state = perSymbol((symbol) => ({ rsi: ctx.indicators.rsi(symbol, params.period), previous: Number.NaN }));
        for (const symbol of ctx.symbols) state(symbol);
      },
      onBar(ctx, bar) {
        const s = state(bar.symbol);
        const value = s.rsi.value;
        const previous = s.previous;
        s.previous = value;
        if (Number.isNaN(value)) return;
        const held = ctx.portfolio.position(bar.symbol);
        if (held.isZero() && previous >= params.oversold && value < params.oversold) buyAllIn(ctx, bar.symbol, bar.close);
        else if (held.greaterThan(0) && value > params.overbought) sellAll(ctx, bar.symbol);
      },
    };
  },
});
