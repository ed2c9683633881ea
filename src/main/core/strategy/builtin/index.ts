import type { StrategyDefinition } from '../strategy-api';
import { bollingerBreakout } from './bollinger-breakout';
import { buyAndHold } from './buy-and-hold';
import { donchianTrend } from './donchian-trend';
import { rsiMeanReversion } from './rsi-mean-reversion';
import { smaCrossover } from './sma-crossover';

export { bollingerBreakout, buyAndHold, donchianTrend, rsiMeanReversion, smaCrossover };

/** The built-in strategies by id. */
export const BUILTIN_STRATEGIES: ReadonlyMap<string, StrategyDefinition> = new Map<string, StrategyDefinition>(
  [smaCrossover, rsiMeanReversion, bollingerBreakout, donchianTrend, buyAndHold].map((definition) => [definition.id, definition as StrategyDefinition]),
);
