import { defineStrategy, type BandsHandle } from '../strategy-api';
import { buyAllIn, perSymbol, sellAll } from './all-in';

export type DonchianTrendParams = { entry: number; exit: number };

interface SymbolState {
  entry: BandsHandle;
  exit: BandsHandle;
}

/**
 * Long-only channel breakout on each symbol (the turtle rule): when flat, buys all-in (market)
 * on a close above the highest high of the previous `entry` bars; when long, sells everything
 * (market) on a close below the lowest low of the previous `exit` bars.
 */
export const donchianTrend = defineStrategy<DonchianTrendParams>({
  id: 'donchian-trend',
  name: 'Donchian trend',
  description: 'Buys all-in on a close above the previous N-bar high; sells on a close below the previous M-bar low.',
  params: {
    entry: { kind: 'int', default: 20, min: 2, max: 200, label: 'Entry channel (bars)' },
    exit: { kind: 'int', default: 10, min: 2, max: 200, label: 'Exit channel (bars)' },
  },
  warmup: (params) => Math.max(params.entry, params.exit) + 1,
  create(params) {
    let state: (symbol: string) => SymbolState = () => {
      throw new Error('donchian-trend: onBar before onStart');
    };
    return {
      onStart(ctx) {
        state = perSymbol((symbol) => ({ entry: ctx.indicators.donchian(symbol, params.entry), exit: ctx.indicators.donchian(symbol, params.exit) }));
        for (const symbol of ctx.symbols) state(symbol);
      },
      onBar(ctx, bar) {
        const s = state(bar.symbol);
        const held = ctx.portfolio.position(bar.symbol);
        if (held.isZero()) {
          if (bar.close > s.entry.upper) buyAllIn(ctx, bar.symbol, bar.close); // NaN while warming up: false
        } else if (held.greaterThan(0) && bar.close < s.exit.lower) sellAll(ctx, bar.symbol);
      },
    };
  },
});
