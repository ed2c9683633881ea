export { aggregateBars, type AggregateBarsOptions, type SessionFilter } from './aggregate-bars';
export { bucketEnd, bucketStart, dailyZoneFor, UTC_ZONE, type BucketOptions } from './bucket';
export { TradeAggregator, type BarListener, type BarVisitor, type TradeAggregatorOptions } from './trade-aggregator';
export {
  conditionName,
  conditionRules,
  eligibilityMask,
  UPDATES_ALL,
  UPDATES_HIGH_LOW,
  UPDATES_LAST,
  UPDATES_VOLUME,
  type ConditionRule,
  type RuleSet,
} from './trade-conditions';
