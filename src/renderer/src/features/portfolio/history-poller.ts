import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EquityHistory } from '@shared/dto/trading';
import { errorMessage, type EngineClient } from '../../store/engine-client';

/** How often the portfolio tab asks for the equity history while it is shown. */
export const HISTORY_REFRESH_MS = 10_000;
/** Snapshots asked for; the engine keeps at most 100 000. */
export const HISTORY_LIMIT = 20_000;

export interface HistoryState {
  history: EquityHistory | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
}

export interface HistoryPollerOptions {
  /** Runs `run` after `ms`; returns a cancel function. */
  delay?: (run: () => void, ms: number) => () => void;
  /** False while the page is hidden: the poll is skipped, the timer keeps going. */
  visible?: () => boolean;
}

const defaultDelay = (run: () => void, ms: number): (() => void) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/**
 * Fetches `portfolio.history` now and every HISTORY_REFRESH_MS until stopped. The next poll
 * is scheduled after an answer, so a slow engine never has two requests from here at once.
 */
export class HistoryPoller {
  readonly state: StoreApi<HistoryState> = createStore<HistoryState>()(() => ({ history: null, status: 'loading', error: null }));
  private token = 0;
  private cancelTimer: (() => void) | null = null;
  private readonly delay: (run: () => void, ms: number) => () => void;
  private readonly visible: () => boolean;

  constructor(
    private readonly client: Pick<EngineClient, 'call'>,
    options: HistoryPollerOptions = {},
  ) {
    this.delay = options.delay ?? defaultDelay;
    this.visible = options.visible ?? (() => true);
  }

  /** Polls now and then on the interval; starting again restarts the cycle. */
  start(): void {
    this.stop();
    void this.poll(++this.token);
  }

  stop(): void {
    this.token += 1;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private async poll(token: number): Promise<void> {
    if (this.visible()) {
      try {
        const history = await this.client.call('portfolio.history', { limit: HISTORY_LIMIT });
        if (token !== this.token) return;
        this.state.setState({ history, status: 'ready', error: null });
      } catch (error) {
        if (token !== this.token) return;
        this.state.setState({ status: 'error', error: errorMessage(error) });
      }
    }
    if (token !== this.token) return;
    this.cancelTimer = this.delay(() => void this.poll(token), HISTORY_REFRESH_MS);
  }
}
