/** Timers as a port, so feeds and services run on simulated time in tests and backtests. */
export interface Scheduler {
  /** Runs `task` after `ms`; returns a cancel function. */
  after(ms: number, task: () => void): () => void;
  /** Runs `task` every `ms`; returns a cancel function. */
  every(ms: number, task: () => void): () => void;
}
