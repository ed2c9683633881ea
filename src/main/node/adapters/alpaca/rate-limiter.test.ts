import { describe, expect, it } from 'vitest';
import { AlpacaRateLimiter, readRateLimitHeaders } from './rate-limiter';

/** Simulated time: sleeping moves the clock, so waits are measured, not endured. */
function setup(options: { requestsPerMinute?: number; random?: number } = {}) {
  let now = 1_700_000_000_000;
  const slept: number[] = [];
  const limiter = new AlpacaRateLimiter({
    clock: { now: () => now },
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: { next: () => options.random ?? 0.5 },
    requestsPerMinute: options.requestsPerMinute,
    backoffBaseMs: 1_000,
    backoffCapMs: 8_000,
  });
  return {
    limiter,
    slept,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const headers = (limit: number, remaining: number, resetSeconds: number) =>
  new Headers({ 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(resetSeconds) });

describe('readRateLimitHeaders', () => {
  it('reads the three headers, the reset from unix seconds to epoch ms', () => {
    expect(readRateLimitHeaders(headers(200, 199, 1_700_000_060))).toEqual({ limit: 200, remaining: 199, resetAtMs: 1_700_000_060_000 });
  });

  it('ignores a partial or unreadable set', () => {
    expect(readRateLimitHeaders(new Headers({ 'X-RateLimit-Remaining': '3' }))).toBeNull();
    expect(readRateLimitHeaders(new Headers({ 'X-RateLimit-Limit': '200', 'X-RateLimit-Remaining': '-1', 'X-RateLimit-Reset': '5' }))).toBeNull();
  });
});

describe('AlpacaRateLimiter', () => {
  it('paces with a token bucket before any header: a burst of the budget, then one per 60/N seconds', async () => {
    const t = setup({ requestsPerMinute: 200 });
    for (let i = 0; i < 200; i += 1) await t.limiter.acquire();
    expect(t.slept).toEqual([]);
    await t.limiter.acquire();
    // 200 tokens a minute is one every 300 ms.
    expect(t.slept).toEqual([300]);
  });

  it('lets requests go while Alpaca says some remain, and holds them until the reset at zero', async () => {
    const t = setup();
    const reset = Math.floor(t.now() / 1000) + 42;
    t.limiter.observe(200, headers(200, 2, reset));
    await t.limiter.acquire();
    await t.limiter.acquire();
    expect(t.slept).toEqual([]);
    await t.limiter.acquire();
    expect(t.now()).toBe(reset * 1000);
    expect(t.slept).toEqual([42_000]);
  });

  it('waits for the reset when an answer says none remain', () => {
    const t = setup();
    t.limiter.observe(200, headers(200, 0, Math.floor(t.now() / 1000) + 10));
    expect(t.limiter.delayMs()).toBe(10_000);
    expect(t.limiter.resumesAtMs).toBe(t.now() + 10_000);
  });

  it('keeps the smallest remaining count when answers of one window arrive out of order', () => {
    const t = setup();
    const reset = Math.floor(t.now() / 1000) + 30;
    t.limiter.observe(200, headers(200, 0, reset));
    t.limiter.observe(200, headers(200, 5, reset));
    expect(t.limiter.delayMs()).toBe(30_000);
  });

  it('blocks every request until the reset after a 429', async () => {
    const t = setup();
    t.limiter.observe(429, headers(200, 0, Math.floor(t.now() / 1000) + 7));
    await t.limiter.acquire();
    expect(t.slept).toEqual([7_000]);
  });

  it('backs off with jitter after a 429 without headers, longer each time, shorter after success', () => {
    const t = setup({ random: 0.5 });
    t.limiter.observe(429, new Headers());
    // Equal jitter of a 1,000 ms ceiling at random 0.5: 500 + 250.
    expect(t.limiter.delayMs()).toBe(750);
    t.advance(750);
    t.limiter.observe(429, new Headers());
    expect(t.limiter.delayMs()).toBe(1_500);
    t.advance(1_500);
    t.limiter.observe(200, new Headers());
    t.limiter.observe(429, new Headers());
    expect(t.limiter.delayMs()).toBe(750);
  });

  it('does not trust a 429 reset in the past (clock skew) and backs off instead', () => {
    const t = setup({ random: 0 });
    t.limiter.observe(429, headers(200, 0, Math.floor(t.now() / 1000) - 5));
    expect(t.limiter.delayMs()).toBe(500);
  });

  it('refuses instead of waiting longer than the caller accepts', async () => {
    const t = setup();
    t.limiter.observe(429, headers(200, 0, Math.floor(t.now() / 1000) + 30));
    await expect(t.limiter.acquire(5_000)).resolves.toBe(false);
    expect(t.slept).toEqual([]);
    await expect(t.limiter.acquire(30_000)).resolves.toBe(true);
  });

  it('falls back to the bucket once a window has passed without news', () => {
    const t = setup({ requestsPerMinute: 200 });
    t.limiter.observe(200, headers(200, 0, Math.floor(t.now() / 1000) + 1));
    t.advance(1_000);
    expect(t.limiter.delayMs()).toBe(0);
  });
});
