import type { AlpacaEndpointGroup } from './circuit-breaker';

/**
 * How an Alpaca call failed. `retryable` says whether the same call may succeed later (a 5xx,
 * a 429, a timeout); it does not say the client retried: a submit is never retried here.
 * Messages carry Alpaca's own text and our request path, never the key or the secret.
 */
export abstract class AlpacaError extends Error {
  abstract readonly retryable: boolean;

  constructor(
    readonly group: AlpacaEndpointGroup,
    message: string,
  ) {
    super(message);
  }
}

export type AlpacaApiErrorKind =
  | 'auth' // 401: unknown key or secret
  | 'forbidden' // 403: e.g. insufficient buying power, or the key lacks the permission
  | 'not-found' // 404
  | 'unprocessable' // 422: the request is invalid for Alpaca (bad price, not cancelable …)
  | 'server' // 5xx
  | 'request' // any other 4xx
  | 'malformed'; // a 2xx body that does not match the wire schema

export function kindForStatus(status: number): AlpacaApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 422) return 'unprocessable';
  if (status >= 500) return 'server';
  return 'request';
}

/**
 * Alpaca answered, but not with what we asked for. `code` is the body's code (e.g. 40310000).
 * A 429 is an AlpacaRateLimitedError instead.
 */
export class AlpacaApiError extends AlpacaError {
  override readonly name = 'AlpacaApiError';
  readonly kind: AlpacaApiErrorKind;
  readonly retryable: boolean;

  constructor(
    group: AlpacaEndpointGroup,
    readonly status: number,
    readonly code: number | null,
    message: string,
    /** Alpaca's own message from the body ("insufficient buying power"), when there was one. */
    readonly detail: string | null = null,
    kind?: AlpacaApiErrorKind,
  ) {
    super(group, message);
    this.kind = kind ?? kindForStatus(status);
    this.retryable = this.kind === 'server';
  }
}

/**
 * Over Alpaca's request budget: a 429 we did not (or could no longer) retry, or a wait for the
 * budget longer than the client accepts, in which case nothing was sent (`status` is null).
 * Either way the request did not take effect.
 */
export class AlpacaRateLimitedError extends AlpacaError {
  override readonly name = 'AlpacaRateLimitedError';
  readonly retryable = true;

  constructor(
    group: AlpacaEndpointGroup,
    message: string,
    /** Epoch ms when Alpaca's window resets (from X-RateLimit-Reset), when known. */
    readonly resetAtMs: number | null,
    /** 429 when Alpaca answered; null when the local limiter refused before sending. */
    readonly status: 429 | null = 429,
    readonly code: number | null = null,
  ) {
    super(group, message);
  }
}

/** No answer within the timeout: the request may or may not have reached Alpaca. */
export class AlpacaTimeoutError extends AlpacaError {
  override readonly name = 'AlpacaTimeoutError';
  readonly retryable = true;

  constructor(
    group: AlpacaEndpointGroup,
    message: string,
    readonly timeoutMs: number,
  ) {
    super(group, message);
  }
}

/** The connection failed (refused, reset, DNS): the request may or may not have reached Alpaca. */
export class AlpacaNetworkError extends AlpacaError {
  override readonly name = 'AlpacaNetworkError';
  readonly retryable = true;
}

/** The endpoint group's circuit is open: refused at once, nothing was sent. */
export class AlpacaCircuitOpenError extends AlpacaError {
  override readonly name = 'AlpacaCircuitOpenError';
  readonly retryable = true;

  constructor(
    group: AlpacaEndpointGroup,
    /** Epoch ms when the breaker lets a probe through. */
    readonly retryAtMs: number,
  ) {
    super(group, `Alpaca ${group} endpoints are failing; calls paused until the cool-down ends`);
  }
}

/**
 * Whether a failed write may still have taken effect at Alpaca: a timeout, a broken connection,
 * a 5xx or an unreadable success body. The broker then looks the order up by its client order
 * id before deciding anything; every other failure means Alpaca did not act on the request.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof AlpacaTimeoutError || error instanceof AlpacaNetworkError) return true;
  if (error instanceof AlpacaApiError) return error.kind === 'server' || error.kind === 'malformed';
  return !(error instanceof AlpacaError);
}
