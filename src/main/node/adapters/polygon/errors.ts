/**
 * How a Polygon call failed. `retryable` decides between backing off and giving up: a bad key
 * or a missing entitlement does not fix itself, a 429 or a 5xx usually does.
 */
export type PolygonErrorKind =
  | 'auth' // 401: unknown or missing key
  | 'entitlement' // 403: the plan does not include this data
  | 'rate-limit' // 429
  | 'server' // 5xx
  | 'request' // other 4xx: our request is wrong
  | 'timeout'
  | 'network'
  | 'malformed'; // a body we cannot read

const RETRYABLE: ReadonlySet<PolygonErrorKind> = new Set(['rate-limit', 'server', 'timeout', 'network']);

export class PolygonApiError extends Error {
  override readonly name = 'PolygonApiError';
  readonly retryable: boolean;

  constructor(
    readonly kind: PolygonErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.retryable = RETRYABLE.has(kind);
  }
}

export function kindForStatus(status: number): PolygonErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'entitlement';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'request';
}

/** A sentence a person can act on; Polygon's own text (never containing our key) follows. */
export function describeStatus(status: number, detail: string | null): string {
  const base =
    status === 401
      ? 'Polygon rejected the API key (401); check POLYGON_API_KEY'
      : status === 403
        ? 'Your Polygon plan does not include this data (403)'
        : status === 429
          ? 'Polygon rate limit reached (429)'
          : `Polygon answered HTTP ${status}`;
  return detail ? `${base}: ${detail}` : base;
}
