export {
  EXCHANGE_ZONE,
  extendedSessionFor,
  isTradingDay,
  marketPhase,
  nextTradingDay,
  previousTradingDay,
  sessionFor,
  startOfDayMs,
  tradingDayOf,
  wallClockToMs,
  type IsoDate,
  type MarketPhase,
  type Session,
} from './us-equity-calendar';
export { FIRST_YEAR, LAST_YEAR, specialDaysOf, type SpecialDay } from './us-equity-holidays';
