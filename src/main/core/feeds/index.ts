// The offline feeds: a seeded market simulator and a replay of stored data.
export { FeedEmitter } from './feed-emitter';
export { SimulatorFeed, SIMULATED_LABEL, type SimulatorFeedOptions } from './simulator/simulator-feed';
export { generateHistory, generateMarketHistory, type HistoryOptions, type MarketHistory, type MarketHistoryOptions } from './simulator/sim-history';
export { SIM_INSTRUMENTS, SIM_PARAMS, toInstrument, type SimInstrument } from './simulator/sim-instruments';
export { DEFAULT_SIM_MODEL, type SimMarketState, type SimModelConfig } from './simulator/sim-market';
export { ReplayFeed, MAX_REPLAY_SPEED, MIN_REPLAY_SPEED, speedLabel, type ReplayFeedOptions, type ReplaySource } from './replay/replay-feed';
export type { TradeRange, TradeSource } from './replay/trade-source';
export { RoutingFeed, type FeedRoute } from './routing-feed';
