import type { Clock } from '../../../core/ports/clock';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import { fullJitterDelay, type BackoffPolicy } from '../backoff';
import { ALPACA_ENDPOINT_GROUPS, CircuitBreaker, type AlpacaEndpointGroup, type CallVerdict, type CircuitState } from './circuit-breaker';
import {
  AlpacaApiError,
  AlpacaCircuitOpenError,
  AlpacaError,
  AlpacaNetworkError,
  AlpacaRateLimitedError,
  AlpacaTimeoutError,
  kindForStatus,
} from './errors';
import { AlpacaRateLimiter, readRateLimitHeaders } from './rate-limiter';
import { AlpacaErrorBody } from './wire';
import { errorText } from '../error-text';

export interface AlpacaRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** From the base, e.g. `/v2/orders`; path parameters already encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  group: AlpacaEndpointGroup;
  /** Safe to send again when the first outcome is unknown (GETs, a single cancel). */
  idempotent: boolean;
  /** Alpaca's 404 means "there is none": answer null instead of throwing. */
  nullOn404?: boolean;
}

/** A 2xx answer; `body` is parsed JSON, or undefined when there was none (204). */
export interface AlpacaAnswer {
  status: number;
  body: unknown;
}

export interface AlpacaTransportOptions {
  baseUrl: string;
  keyId: string;
  secret: string;
  timeoutMs: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Longest wait for the rate limit before a request is refused unsent. */
  maxRateWaitMs: number;
  failureThreshold?: number;
  coolDownMs?: number;
  fetch: typeof fetch;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: RandomSource;
  logger: Logger;
  onHealth?: (group: AlpacaEndpointGroup, state: CircuitState) => void;
}

/**
 * One HTTP exchange with Alpaca's Trading API, done carefully: auth headers, a timeout on every
 * request (body included), the shared rate limiter, a circuit breaker per endpoint group, and
 * retries only for requests that are safe to repeat. Errors are the classes in errors.ts.
 */
export class AlpacaTransport {
  private readonly base: string;
  private readonly limiter: AlpacaRateLimiter;
  private readonly breakers: Record<AlpacaEndpointGroup, CircuitBreaker>;

  constructor(private readonly options: AlpacaTransportOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.limiter = new AlpacaRateLimiter({ clock: options.clock, sleep: options.sleep, random: options.random });
    const breaker = (group: AlpacaEndpointGroup) =>
      new CircuitBreaker({
        group,
        clock: options.clock,
        failureThreshold: options.failureThreshold,
        coolDownMs: options.coolDownMs,
        onStateChange: (state) => this.healthChanged(group, state),
      });
    this.breakers = { account: breaker('account'), orders: breaker('orders'), positions: breaker('positions'), market: breaker('market') };
  }

  /** Each group's circuit state; anything but 'closed' means degraded. */
  health(): Record<AlpacaEndpointGroup, CircuitState> {
    const entries = ALPACA_ENDPOINT_GROUPS.map((group) => [group, this.breakers[group].state] as const);
    return Object.fromEntries(entries) as Record<AlpacaEndpointGroup, CircuitState>;
  }

  /** The answer, or null for a 404 the request allows. Retries only idempotent requests. */
  async send(request: AlpacaRequest): Promise<AlpacaAnswer | null> {
    const url = this.urlFor(request);
    const attempts = request.idempotent ? Math.max(1, this.options.maxAttempts) : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.breakers[request.group].run(() => this.exchange(request, url), verdictOf);
      } catch (error) {
        if (attempt >= attempts || !worthRetrying(error)) throw error;
        // After a 429 the limiter already holds every request until the window resets.
        const waitMs = error instanceof AlpacaRateLimitedError ? 0 : fullJitterDelay(attempt - 1, this.options.backoff, this.options.random);
        this.options.logger.warn('Alpaca call failed; retrying', {
          method: request.method,
          path: request.path,
          group: request.group,
          error: error instanceof Error ? error.name : 'unknown',
          attempt,
          waitMs,
        });
        if (waitMs > 0) await this.options.sleep(waitMs);
      }
    }
  }

  private async exchange(request: AlpacaRequest, url: URL): Promise<AlpacaAnswer | null> {
    const admitted = await this.limiter.acquire(this.options.maxRateWaitMs);
    if (!admitted) {
      const resetAt = this.limiter.resumesAtMs;
      throw new AlpacaRateLimitedError(request.group, `Alpaca's request budget is spent; ${describe(request)} was not sent`, resetAt > 0 ? resetAt : null, null);
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    try {
      const response = await this.options.fetch(url, { method: request.method, headers: this.headers(request), body: jsonBody(request), signal: timeout.signal });
      this.limiter.observe(response.status, response.headers);
      const text = await response.text();
      return this.interpret(request, response, text);
    } catch (error) {
      if (error instanceof AlpacaError) throw error;
      if (timeout.signal.aborted) {
        throw new AlpacaTimeoutError(request.group, `Alpaca did not answer ${describe(request)} within ${this.options.timeoutMs} ms`, this.options.timeoutMs);
      }
      throw new AlpacaNetworkError(request.group, `Alpaca is unreachable (${describe(request)}): ${this.scrub(errorText(error))}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private interpret(request: AlpacaRequest, response: Response, text: string): AlpacaAnswer | null {
    const json = parseJson(text);
    if (response.ok) {
      if (text.trim() === '') return { status: response.status, body: undefined };
      if (json === undefined) throw this.malformed(request, response.status, 'a body that is not JSON');
      return { status: response.status, body: json };
    }
    const parsed = AlpacaErrorBody.safeParse(json);
    const code = parsed.success ? (parsed.data.code ?? null) : null;
    const detail = parsed.success ? this.scrub(parsed.data.message) : null;
    // Only Alpaca's own 404 body means "none": a bare 404 is more likely a wrong base URL, and
    // reading it as "no such order" could make the broker send an order twice.
    if (response.status === 404 && request.nullOn404 && parsed.success) return null;
    if (response.status === 429) {
      const resetAt = readRateLimitHeaders(response.headers)?.resetAtMs ?? null;
      throw new AlpacaRateLimitedError(request.group, withDetail(`Alpaca rate limit reached (429) on ${describe(request)}`, detail), resetAt, 429, code);
    }
    const message = withDetail(`${statusSentence(response.status)} on ${describe(request)}`, detail ?? this.snippet(text));
    throw new AlpacaApiError(request.group, response.status, code, message, detail, kindForStatus(response.status));
  }

  /** A 2xx whose body we cannot use: `what` it was, and the schema's complaints. */
  malformed(request: AlpacaRequest, status: number, what: string, issues: string | null = null): AlpacaApiError {
    return new AlpacaApiError(request.group, status, null, withDetail(`Alpaca sent ${what} for ${describe(request)}`, issues), null, 'malformed');
  }

  private headers(request: AlpacaRequest): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'APCA-API-KEY-ID': this.options.keyId,
      'APCA-API-SECRET-KEY': this.options.secret,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }

  private urlFor(request: AlpacaRequest): URL {
    const url = new URL(`${this.base}${request.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  /** Belt and braces: no text leaves here with a credential in it. */
  private scrub(text: string): string {
    let clean = text;
    for (const secret of [this.options.secret, this.options.keyId]) if (secret) clean = clean.split(secret).join('[redacted]');
    return clean;
  }

  /** The start of a non-Alpaca error body (a proxy's page), for the message. */
  private snippet(text: string): string | null {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat ? this.scrub(flat.length > 160 ? `${flat.slice(0, 160)}…` : flat) : null;
  }

  private healthChanged(group: AlpacaEndpointGroup, state: CircuitState): void {
    const { logger } = this.options;
    if (state === 'open') logger.warn(`Alpaca ${group} circuit open`, { group, state });
    else logger.info(`Alpaca ${group} circuit ${state}`, { group, state });
    this.options.onHealth?.(group, state);
  }
}

/** Network trouble, timeouts and 5xx count against the circuit; any other answer proves Alpaca is up. */
function verdictOf(error: unknown): CallVerdict {
  if (error instanceof AlpacaTimeoutError || error instanceof AlpacaNetworkError) return 'failure';
  if (error instanceof AlpacaApiError) return error.kind === 'server' ? 'failure' : 'success';
  if (error instanceof AlpacaRateLimitedError) return error.status === null ? 'neutral' : 'success';
  return 'neutral';
}

function worthRetrying(error: unknown): boolean {
  if (!(error instanceof AlpacaError) || !error.retryable) return false;
  if (error instanceof AlpacaCircuitOpenError) return false;
  // Refused locally: a longer wait than we accept; retrying would only wait again.
  return !(error instanceof AlpacaRateLimitedError && error.status === null);
}

function statusSentence(status: number): string {
  if (status === 401) return 'Alpaca rejected the API key (401)';
  if (status === 403) return 'Alpaca refused the request (403)';
  if (status === 404) return 'Alpaca found nothing (404)';
  if (status === 422) return 'Alpaca found the request invalid (422)';
  if (status >= 500) return `Alpaca failed (HTTP ${status})`;
  return `Alpaca answered HTTP ${status}`;
}

function withDetail(base: string, detail: string | null): string {
  return detail ? `${base}: ${detail}` : base;
}

function describe(request: AlpacaRequest): string {
  return `${request.method} ${request.path}`;
}

function jsonBody(request: AlpacaRequest): string | undefined {
  return request.body === undefined ? undefined : JSON.stringify(request.body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
