/** The engine's only source of time: wall clock live, simulated in backtests and tests. */
export interface Clock {
  /** UTC epoch milliseconds. */
  now(): number;
}
