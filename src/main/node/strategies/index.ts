export { listUserStrategies, loadUserStrategy, userStrategiesDir } from './user-strategies';
export { UserStrategyError } from './guard-strategy';
