import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import { fullJitterDelay, mathRandom, REST_BACKOFF, type BackoffPolicy } from '../backoff';
import { describeStatus, kindForStatus, PolygonApiError } from './errors';
import { errorText } from '../error-text';

export type Query = Record<string, string | number | boolean | undefined>;
export type JsonObject = Record<string, unknown>;

export interface PolygonRestOptions {
  baseUrl: string;
  apiKey: string;
  /** Polygon accepts `?apiKey=` and `Authorization: Bearer`; the query form is the default. */
  auth?: 'query' | 'bearer';
  timeoutMs?: number;
  /** Tries per request, the first included (429, 5xx, timeouts and network errors are retried). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  random?: RandomSource;
  /** Waits between retries; a referenced timer so a CLI run is not cut short while it waits. */
  sleep?: (ms: number) => Promise<void>;
  logger: Logger;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polygon's REST API: timeouts, retries with full-jitter backoff (Polygon's 429 carries no
 * Retry-After), typed errors for a bad key or a missing entitlement, and `next_url` paging.
 * Only URL paths are logged: the key travels in the query string or a header.
 */
export class PolygonRestClient {
  private readonly base: URL;
  private readonly auth: 'query' | 'bearer';
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: RandomSource;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger: Logger;
  requests = 0;
  retries = 0;

  constructor(private readonly options: PolygonRestOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.auth = options.auth ?? 'query';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 6);
    this.backoff = options.backoff ?? REST_BACKOFF;
    this.random = options.random ?? mathRandom;
    this.sleep = options.sleep ?? defaultSleep;
    this.logger = options.logger;
  }

  /** `path` is relative to the base URL (e.g. `v2/aggs/…`), or an absolute `next_url`. */
  async getJson(path: string, query: Query = {}, signal?: AbortSignal): Promise<JsonObject> {
    const url = this.urlFor(path, query);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once(url, signal);
      } catch (error) {
        const failure = error instanceof PolygonApiError ? error : new PolygonApiError('network', `Polygon request failed: ${this.scrub(errorText(error))}`);
        if (signal?.aborted) throw failure;
        if (!failure.retryable || attempt >= this.maxAttempts) throw failure;
        const waitMs = fullJitterDelay(attempt - 1, this.backoff, this.random);
        this.retries += 1;
        this.logger.warn('Polygon REST call failed; retrying', { path: url.pathname, kind: failure.kind, status: failure.status, attempt, waitMs });
        await this.sleep(waitMs);
      }
    }
  }

  /** Every page of a listing, following `next_url` (which never carries the key) to the end. */
  async *pages(path: string, query: Query = {}, signal?: AbortSignal): AsyncGenerator<JsonObject> {
    let next: string | null = path;
    let nextQuery = query;
    const seen = new Set<string>();
    while (next !== null) {
      const page = await this.getJson(next, nextQuery, signal);
      yield page;
      const link = page.next_url;
      if (typeof link !== 'string' || link.length === 0) return;
      if (seen.has(link)) throw new PolygonApiError('malformed', 'Polygon returned the same next_url twice');
      seen.add(link);
      next = link;
      nextQuery = {};
    }
  }

  /** Belt and braces: no error text leaves here with the key in it. */
  private scrub(text: string): string {
    return this.options.apiKey ? text.split(this.options.apiKey).join('[key]') : text;
  }

  private urlFor(path: string, query: Query): URL {
    const absolute = /^https?:\/\//i.test(path);
    const url = absolute ? new URL(path) : new URL(path.replace(/^\/+/, ''), this.base);
    // Our key goes only to the configured host, whatever a response's next_url says.
    if (url.origin !== this.base.origin) {
      throw new PolygonApiError('malformed', `Polygon pointed to another host (${url.origin}); not sending the key there`);
    }
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    if (this.auth === 'query') url.searchParams.set('apiKey', this.options.apiKey);
    return url;
  }

  private async once(url: URL, external?: AbortSignal): Promise<JsonObject> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signal = external ? AbortSignal.any([timeout.signal, external]) : timeout.signal;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.auth === 'bearer') headers.authorization = `Bearer ${this.options.apiKey}`;
    this.requests += 1;
    try {
      let response: Response;
      try {
        response = await fetch(url, { headers, signal });
      } catch (error) {
        if (timeout.signal.aborted) throw new PolygonApiError('timeout', `Polygon did not answer within ${this.timeoutMs} ms (${url.pathname})`);
        throw new PolygonApiError('network', `Polygon is unreachable (${url.pathname}): ${this.scrub(errorText(error))}`);
      }
      const text = await response.text();
      const body = parseObject(text);
      if (!response.ok) {
        const detail = body ? stringField(body, 'error') ?? stringField(body, 'message') : null;
        const requestId = body ? stringField(body, 'request_id') : null;
        throw new PolygonApiError(kindForStatus(response.status), describeStatus(response.status, detail), response.status, requestId);
      }
      if (!body) throw new PolygonApiError('malformed', `Polygon sent a body that is not a JSON object (${url.pathname})`, response.status);
      return body;
    } catch (error) {
      if (error instanceof PolygonApiError) throw error;
      if (timeout.signal.aborted) throw new PolygonApiError('timeout', `Polygon did not answer within ${this.timeoutMs} ms (${url.pathname})`);
      throw new PolygonApiError('network', `Polygon request failed (${url.pathname}): ${this.scrub(errorText(error))}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseObject(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

function stringField(body: JsonObject, name: string): string | null {
  const value = body[name];
  return typeof value === 'string' ? value : null;
}
