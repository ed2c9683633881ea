import { defineStrategy, type BandsHandle } from '../strategy-api';
import { buyAllIn, perSymbol, sellAll } from './all-in';

export type BollingerBreakoutParams = { period: number; deviations: number };

/**
 * Long-only breakout on each symbol: when flat, buys all-in (market) on a close above the
 * upper band; when long, sells everything (market) on a close below the middle band.
 */
export const bollingerBreakout = defineStrategy<BollingerBreakoutParams>({
  id: 'bollinger-breakout',
  name: 'Bollinger breakout',
  description: 'Buys all-in on a close above the upper Bollinger band; sells on a close below the middle band.',
  params: {
    period: { kind: 'int', default: 20, min: 2, max: 200, label: 'Period' },
    deviations: { kind: 'float', default: 2, min: 0.5, max: 5, label: 'Standard deviations' },
  },
  warmup: (params) => params.period,
  create(params) {
    let bands: (symbol: string) => BandsHandle = () => {
      throw new Error('bollinger-breakout: onBar before onStart');
    };
    return {
      onStart(ctx) {
        bands = perSymbol((symbol) => ctx.indicators.bollinger(symbol, params.period, params.deviations));
        for (const symbol of ctx.symbols) bands(symbol);
      },
      onBar(ctx, bar) {
        const b = bands(bar.symbol);
        if (Number.isNaN(b.middle)) return;
        const held = ctx.portfolio.position(bar.symbol);
        if (held.isZero() && bar.close > b.upper) buyAllIn(ctx, bar.symbol, bar.close);
        else if (held.greaterThan(0) && bar.close < b.middle) sellAll(ctx, bar.symbol);
      },
    };
  },
});
