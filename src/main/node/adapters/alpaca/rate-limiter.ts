import type { Clock } from '../../../core/ports/clock';
import type { RandomSource } from '../../../core/ports/random';

/** Alpaca's default Trading API budget. */
export const ALPACA_REQUESTS_PER_MINUTE = 200;
const MINUTE_MS = 60_000;

export interface RateLimiterOptions {
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: RandomSource;
  /** The token bucket's budget until Alpaca's headers say otherwise. */
  requestsPerMinute?: number;
  /** Backoff after a 429 without usable headers: equal jitter, doubling from base to cap. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

/** The three X-RateLimit-* headers of one response; null when absent or unreadable. */
export interface RateLimitWindow {
  limit: number;
  remaining: number;
  /** Epoch ms (the header is unix seconds). */
  resetAtMs: number;
}

export function readRateLimitHeaders(headers: Headers): RateLimitWindow | null {
  const limit = wholeNumber(headers.get('x-ratelimit-limit'));
  const remaining = wholeNumber(headers.get('x-ratelimit-remaining'));
  const reset = wholeNumber(headers.get('x-ratelimit-reset'));
  if (limit === null || remaining === null || reset === null) return null;
  return { limit, remaining, resetAtMs: reset * 1000 };
}

function wholeNumber(text: string | null): number | null {
  if (text === null || !/^\d{1,15}$/.test(text.trim())) return null;
  return Number(text.trim());
}

/**
 * Keeps the client inside Alpaca's request budget. Alpaca's headers rule once seen: with none
 * remaining, requests wait for the window's reset; a 429 blocks everyone until the reset (or a
 * jittered backoff when the 429 has no headers). Before any header, and between a window's end
 * and the next answer, a token bucket of the nominal budget paces requests.
 */
export class AlpacaRateLimiter {
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: RandomSource;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private capacity: number;
  private tokens: number;
  private refilledAt: number;
  private window: RateLimitWindow | null = null;
  private blockedUntil = 0;
  private throttles = 0;

  constructor(options: RateLimiterOptions) {
    this.clock = options.clock;
    this.sleep = options.sleep;
    this.random = options.random;
    this.backoffBaseMs = options.backoffBaseMs ?? 1_000;
    this.backoffCapMs = options.backoffCapMs ?? 30_000;
    this.capacity = Math.max(1, options.requestsPerMinute ?? ALPACA_REQUESTS_PER_MINUTE);
    this.tokens = this.capacity;
    this.refilledAt = this.clock.now();
  }

  /**
   * Waits until a request may go, then counts it. With `maxWaitMs`, returns false instead of
   * waiting longer than that (the caller reports it as rate limited, nothing sent).
   */
  async acquire(maxWaitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    for (;;) {
      const waitMs = this.delayMs();
      if (waitMs <= 0) {
        this.take();
        return true;
      }
      if (waitMs > maxWaitMs) return false;
      await this.sleep(waitMs);
    }
  }

  /** How long a request made now would wait. */
  delayMs(): number {
    const now = this.clock.now();
    if (now < this.blockedUntil) return this.blockedUntil - now;
    const window = this.activeWindow(now);
    if (window) return window.remaining > 0 ? 0 : window.resetAtMs - now;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.ratePerMs());
  }

  /** Epoch ms until which every request waits, when known (0 when not blocked). */
  get resumesAtMs(): number {
    const now = this.clock.now();
    const waitMs = this.delayMs();
    return waitMs > 0 ? now + waitMs : 0;
  }

  /** Learns from an answer: its headers, and whether it was a 429. */
  observe(status: number, headers: Headers): void {
    const now = this.clock.now();
    const window = readRateLimitHeaders(headers);
    if (window) this.learn(window);
    if (status !== 429) {
      this.throttles = 0;
      return;
    }
    this.throttles += 1;
    // A reset in our past means the clocks disagree; back off rather than hammer. A reset
    // beyond one window is not believed either.
    const resetUsable = window !== null && window.resetAtMs > now && window.resetAtMs <= now + MINUTE_MS + 1_000;
    this.blockedUntil = Math.max(this.blockedUntil, resetUsable ? window.resetAtMs : now + this.backoffMs());
  }

  private learn(window: RateLimitWindow): void {
    const previous = this.window;
    // Answers can arrive out of order: within one window the smallest remaining count is the newest.
    const remaining = previous && previous.resetAtMs === window.resetAtMs ? Math.min(previous.remaining, window.remaining) : window.remaining;
    this.window = { ...window, remaining };
    if (window.limit > 0 && window.limit !== this.capacity) {
      this.capacity = window.limit;
      this.tokens = Math.min(this.tokens, this.capacity);
    }
  }

  private activeWindow(now: number): RateLimitWindow | null {
    return this.window && now < this.window.resetAtMs ? this.window : null;
  }

  private take(): void {
    const now = this.clock.now();
    const window = this.activeWindow(now);
    // Requests in flight have not been counted by Alpaca's last answer yet; count them here.
    if (window) window.remaining = Math.max(0, window.remaining - 1);
    this.refill(now);
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.refilledAt);
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerMs());
    this.refilledAt = now;
  }

  private ratePerMs(): number {
    return this.capacity / MINUTE_MS;
  }

  /** Equal jitter: at least half the doubled delay, so a 429 always buys some quiet. */
  private backoffMs(): number {
    const ceiling = Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** Math.min(this.throttles - 1, 30));
    return Math.ceil(ceiling / 2 + (this.random.next() * ceiling) / 2);
  }
}
