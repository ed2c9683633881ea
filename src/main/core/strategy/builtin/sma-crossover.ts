import { defineStrategy, type BarEvent, type IndicatorHandle, type Strategy, type StrategyContext } from '../strategy-api';
import { buyAllIn, PerSymbol, sellAll } from './all-in';

export type SmaCrossoverParams = { fast: number; slow: number };

interface SymbolState {
  fast: IndicatorHandle;
  slow: IndicatorHandle;
  /** The sign of fast − slow when it was last non-zero; 0 before that. */
  lastSign: number;
}

/**
 * Long-only SMA crossover on each symbol. A cross is a change of the sign of fast − slow
 * from its last non-zero value (a touch, fast = slow, is no cross). On a cross up, when
 * flat, it buys with all available cash in whole shares, floor(cash ÷ the signal bar's
 * close), at market; on a cross down it sells the whole position at market. Both fill at
 * the next bar's open (the backtest's convention).
 */
export const smaCrossover = defineStrategy<SmaCrossoverParams>({
  id: 'sma-crossover',
  name: 'SMA crossover',
  description: 'Long when the fast simple moving average crosses above the slow one; flat when it crosses below. All-in, whole shares, market orders.',
  params: {
    fast: { kind: 'int', default: 10, min: 2, max: 200, label: 'Fast SMA period' },
    slow: { kind: 'int', default: 30, min: 3, max: 400, label: 'Slow SMA period' },
  },
  validate: (params) => (params.fast < params.slow ? [] : [`fast (${params.fast}) must be below slow (${params.slow})`]),
  warmup: (params) => params.slow,
  create: (params) => new SmaCrossover(params),
});

/** A class (not closures made per run): the same hidden class and methods in every run, so optimised code survives between runs. */
class SmaCrossover implements Strategy<SmaCrossoverParams> {
  private state: PerSymbol<SymbolState> | null = null;

  constructor(private readonly params: SmaCrossoverParams) {}

  onStart(ctx: StrategyContext<SmaCrossoverParams>): void {
    const state = new SmaStates(ctx, this.params);
    for (const symbol of ctx.symbols) state.get(symbol);
    this.state = state;
  }

  onBar(ctx: StrategyContext<SmaCrossoverParams>, bar: BarEvent): void {
    if (this.state === null) throw new Error('sma-crossover: onBar before onStart');
    const s = this.state.get(bar.symbol);
    const diff = s.fast.value - s.slow.value;
    const sign = diff > 0 ? 1 : diff < 0 ? -1 : 0; // NaN while warming up: no sign
    if (sign === 0 || sign === s.lastSign) return;
    const crossed = s.lastSign !== 0;
    s.lastSign = sign;
    if (!crossed) return;
    if (sign > 0) {
      if (ctx.portfolio.position(bar.symbol).isZero()) buyAllIn(ctx, bar.symbol, bar.close);
    } else sellAll(ctx, bar.symbol);
  }
}

class SmaStates extends PerSymbol<SymbolState> {
  constructor(
    private readonly ctx: StrategyContext<SmaCrossoverParams>,
    private readonly params: SmaCrossoverParams,
  ) {
    super();
  }

  protected make(symbol: string): SymbolState {
    return { fast: this.ctx.indicators.sma(symbol, this.params.fast), slow: this.ctx.indicators.sma(symbol, this.params.slow), lastSign: 0 };
  }
}
