// The indicator library: batch functions over Float64Arrays and one streaming class each.
export { atr, AtrStream, trueRange } from './atr';
export { bollinger, type BollingerLines, BollingerStream } from './bollinger';
export { computeIndicator, computeRawLines, type RawLine, resolveSpec, type ResolvedSpec, toWireValues } from './compute';
export { ema, EmaStream } from './ema';
export { DEFAULT_BAR_LIMIT, indicatorHandlers } from './indicator-handlers';
export { macd, type MacdLines, MacdStream } from './macd';
export { obv, ObvStream } from './obv';
export { rsi, RsiStream } from './rsi';
export type { CloseVolumeBar, HlcBar, HlcvBar } from './series';
export { sma, SmaStream } from './sma';
export { stochastic, type StochasticLines, StochasticStream } from './stochastic';
export { type SessionBreaks, utcDaySessions, vwap, VwapStream } from './vwap';
export { warmupBars } from './warm-up';
export { wma, WmaStream } from './wma';
