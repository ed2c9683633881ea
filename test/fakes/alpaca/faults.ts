/**
 * Scripted REST faults. A target is a path ("/v2/orders", exact, any method), a method and
 * path ("POST /v2/orders"), or a group name:
 *   submit    POST /v2/orders          orders     anything under /v2/orders
 *   account   /v2/account              positions  /v2/positions…
 *   market    /v2/clock, /v2/calendar  assets     /v2/assets/…
 *   all       every request
 */
export type FaultTarget = string;

export interface FailOptions {
  status: 500 | 502 | 503 | 504;
  /** How many matching requests fail; default 1. */
  count?: number;
  /** Process the request first (an order IS created), then answer with the failure. */
  afterProcessing?: boolean;
}

export interface StallOptions {
  count?: number;
  /** Answer after this many (real) milliseconds; never answer when omitted. */
  delayMs?: number;
}

interface Script<T> {
  target: FaultTarget;
  remaining: number;
  options: T;
}

const GROUPS: Record<string, (method: string, path: string) => boolean> = {
  all: () => true,
  submit: (m, p) => m === 'POST' && p === '/v2/orders',
  orders: (_m, p) => p === '/v2/orders' || p.startsWith('/v2/orders/') || p.startsWith('/v2/orders:'),
  account: (_m, p) => p === '/v2/account',
  positions: (_m, p) => p === '/v2/positions' || p.startsWith('/v2/positions/'),
  market: (_m, p) => p === '/v2/clock' || p === '/v2/calendar',
  assets: (_m, p) => p.startsWith('/v2/assets'),
};

export function matches(target: FaultTarget, method: string, path: string): boolean {
  const group = GROUPS[target];
  if (group) return group(method, path);
  const space = target.indexOf(' ');
  if (space > 0) return target.slice(0, space).toUpperCase() === method && target.slice(space + 1) === path;
  return target === path;
}

export class Faults {
  private readonly fails: Script<FailOptions>[] = [];
  private readonly stalls: Script<StallOptions>[] = [];
  /** Requests still to be refused with 429, whatever the budget says. */
  storm = 0;

  failNext(target: FaultTarget, options: FailOptions): void {
    this.fails.push({ target, remaining: options.count ?? 1, options });
  }

  stallNext(target: FaultTarget, options: StallOptions = {}): void {
    this.stalls.push({ target, remaining: options.count ?? 1, options });
  }

  clear(): void {
    this.fails.length = 0;
    this.stalls.length = 0;
    this.storm = 0;
  }

  takeFail(method: string, path: string): FailOptions | null {
    return take(this.fails, method, path);
  }

  takeStall(method: string, path: string): StallOptions | null {
    return take(this.stalls, method, path);
  }
}

function take<T>(scripts: Script<T>[], method: string, path: string): T | null {
  const script = scripts.find((s) => s.remaining > 0 && matches(s.target, method, path));
  if (!script) return null;
  script.remaining -= 1;
  if (script.remaining === 0) scripts.splice(scripts.indexOf(script), 1);
  return script.options;
}

/** Bodies Alpaca's edge sends for 5xx: JSON from the API, HTML from the load balancer. */
export function failureBody(status: number): { type: string; text: string } {
  if (status === 500) return { type: 'application/json; charset=UTF-8', text: '{"code":50010000,"message":"internal server error occurred"}' };
  const reason = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' }[status] ?? 'Error';
  return { type: 'text/html', text: `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n` };
}

/** A fixed window per key (Alpaca's is one minute; tests may shorten it), on the fake's clock. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    public limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; `ok` false when over the limit. */
  take(key: string, now: number): { ok: boolean; limit: number; remaining: number; reset: number } {
    let w = this.windows.get(key);
    if (!w || now >= w.start + this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    w.used += 1;
    const reset = Math.ceil((w.start + this.windowMs) / 1000);
    return { ok: w.used <= this.limit, limit: this.limit, remaining: Math.max(0, this.limit - w.used), reset };
  }
}
