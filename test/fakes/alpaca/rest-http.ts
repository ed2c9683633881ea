import type { IncomingMessage, ServerResponse } from 'node:http';
import { failureBody, type Faults, type RateLimiter } from './faults';
import { route, type RouteContext, type RouteResult } from './rest-routes';

/** One REST request as the fake saw it, secrets included: tests check where else they went. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface RestDeps {
  ctx: RouteContext;
  faults: Faults;
  limiter: RateLimiter;
  keys: ReadonlyMap<string, string>;
  requests: RecordedRequest[];
  /** Responses held back by stallNext, destroyed on close. */
  stalled: Set<ServerResponse>;
  now(): number;
}

// Observed: {"code":40110000,"message":"request is not authorized"} for a wrong or missing key.
const UNAUTHORIZED = { code: 40110000, message: 'request is not authorized' };
// Not in Alpaca's docs: the 429 body below is the fake's guess; clients should rely on the status.
const RATE_LIMITED = { code: 42910000, message: 'rate limit exceeded' };

export function handleRest(req: IncomingMessage, res: ServerResponse, deps: RestDeps): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => respond(req, res, deps, Buffer.concat(chunks).toString('utf8')));
}

function respond(req: IncomingMessage, res: ServerResponse, deps: RestDeps, raw: string): void {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  deps.requests.push({ method, path, query: url.searchParams.toString(), headers, body: raw, at: deps.now() });

  const keyId = headers['apca-api-key-id'] ?? '';
  const budget = deps.limiter.take(keyId, deps.now());
  const limitHeaders = {
    'X-RateLimit-Limit': String(budget.limit),
    'X-RateLimit-Remaining': String(deps.faults.storm > 0 ? 0 : budget.remaining),
    'X-RateLimit-Reset': String(budget.reset),
  };
  const write = (status: number, body?: unknown) => writeJson(res, status, limitHeaders, body);
  if (deps.faults.storm > 0 || !budget.ok) {
    if (deps.faults.storm > 0) deps.faults.storm -= 1;
    return write(429, RATE_LIMITED);
  }
  const fail = deps.faults.takeFail(method, path);
  const failNow = () => {
    const f = failureBody(fail!.status);
    res.writeHead(fail!.status, { ...limitHeaders, 'Content-Type': f.type });
    res.end(f.text);
  };
  if (fail && !fail.afterProcessing) return failNow();
  if (!keyId || deps.keys.get(keyId) !== headers['apca-api-secret-key']) return write(401, UNAUTHORIZED);

  let body: unknown = undefined;
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      return write(400, { code: 40010000, message: 'request body format is invalid' });
    }
  }
  const result: RouteResult = route(deps.ctx, method, path, url.searchParams, body);
  const stall = deps.faults.takeStall(method, path);
  const answer = () => (fail ? failNow() : write(result.status, result.body));
  if (!stall) return answer();
  deps.stalled.add(res);
  res.on('close', () => deps.stalled.delete(res));
  if (stall.delayMs !== undefined) setTimeout(() => !res.destroyed && answer(), stall.delayMs);
}

function writeJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body ?? null));
}
