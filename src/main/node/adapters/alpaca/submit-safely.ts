import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import { fullJitterDelay, type BackoffPolicy } from '../backoff';
import { AlpacaApiError, AlpacaCircuitOpenError, AlpacaRateLimitedError, outcomeUnknown } from './errors';
import type { AlpacaTradingApi } from './trading-api';
import type { AlpacaOrder, AlpacaOrderRequest } from './wire';

export type SubmitOutcome =
  /** Alpaca has the order: it answered the POST, or a lookup found it (`adopted`). */
  | { kind: 'created'; order: AlpacaOrder; adopted: boolean }
  /** Alpaca refused it, or it was never sent: nothing exists there. */
  | { kind: 'rejected'; reason: string; code: number | null }
  /** It may exist and no lookup could tell: leave the order pending; reconciliation decides. */
  | { kind: 'unknown'; reason: string };

export interface SubmitSafelyOptions {
  api: Pick<AlpacaTradingApi, 'submitOrder' | 'orderByClientOrderId'>;
  sleep: (ms: number) => Promise<void>;
  random: RandomSource;
  logger: Logger;
  /** Waits between lookups and between sends. */
  backoff: BackoffPolicy;
  /** POSTs at most; every one carries the same client order id. */
  maxPosts: number;
  /** Lookups per decision before giving up as `unknown`. */
  maxLookups: number;
}

export const CIRCUIT_OPEN_REASON = 'Alpaca orders endpoint unavailable, order not sent';

export type Lookup = { kind: 'found'; order: AlpacaOrder } | { kind: 'absent' } | { kind: 'unknown'; reason: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Sends one order intent to Alpaca without ever creating it twice. A POST whose outcome is
 * unknown (timeout, broken connection, 5xx) is followed by a lookup by client order id: found
 * means adopt it; a definite 404 means it was not created, so sending again with the SAME
 * client order id is safe (should the first POST land late after all, Alpaca refuses the
 * duplicate id with 422, which leads to the lookup again).
 */
export async function submitSafely(request: AlpacaOrderRequest, options: SubmitSafelyOptions): Promise<SubmitOutcome> {
  const clientOrderId = request.client_order_id;
  let lastProblem = 'no attempt';
  for (let post = 0; post < options.maxPosts; post += 1) {
    if (post > 0) await options.sleep(fullJitterDelay(post - 1, options.backoff, options.random));
    try {
      return { kind: 'created', order: await options.api.submitOrder(request), adopted: false };
    } catch (error) {
      lastProblem = messageOf(error);
      const unknown = outcomeUnknown(error);
      const refusal = unknown ? null : refusalOf(error);
      // 422 is also Alpaca's answer to a client order id it already has: look before refusing.
      const maybeDuplicate = error instanceof AlpacaApiError && error.status === 422;
      if (!unknown && !maybeDuplicate) {
        if (refusal) return refusal;
        if (error instanceof AlpacaCircuitOpenError) return { kind: 'rejected', reason: CIRCUIT_OPEN_REASON, code: null };
        continue; // rate-limited: nothing was created; wait and send again
      }
      options.logger.warn('Alpaca order submit did not answer clearly; looking it up', { clientOrderId, error: lastProblem });
      const found = await lookUp(clientOrderId, options);
      if (found.kind === 'found') {
        options.logger.info('Adopted the order Alpaca already has', { clientOrderId, alpacaId: found.order.id });
        return { kind: 'created', order: found.order, adopted: true };
      }
      if (found.kind === 'unknown') return found;
      if (refusal) return refusal;
      // Definitely not created: sending again with the same client order id is safe.
    }
  }
  return { kind: 'rejected', reason: `Alpaca did not take the order after ${options.maxPosts} attempts (${lastProblem})`, code: null };
}

/** A definite refusal (403, 422, other 4xx) with Alpaca's message and code; null otherwise. */
function refusalOf(error: unknown): SubmitOutcome | null {
  if (error instanceof AlpacaRateLimitedError || error instanceof AlpacaCircuitOpenError) return null;
  if (error instanceof AlpacaApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
    const code = error.code === null ? '' : `, code ${error.code}`;
    return { kind: 'rejected', reason: `Alpaca refused the order: ${error.message} (HTTP ${error.status}${code})`, code: error.code };
  }
  return null;
}

/** GET /v2/orders:by_client_order_id, retried with backoff until it answers found or 404. */
export async function lookUp(clientOrderId: string, options: Omit<SubmitSafelyOptions, 'api'> & { api: Pick<AlpacaTradingApi, 'orderByClientOrderId'> }): Promise<Lookup> {
  let problem = '';
  for (let attempt = 0; attempt < options.maxLookups; attempt += 1) {
    if (attempt > 0) await options.sleep(fullJitterDelay(attempt - 1, options.backoff, options.random));
    try {
      const order = await options.api.orderByClientOrderId(clientOrderId);
      return order ? { kind: 'found', order } : { kind: 'absent' };
    } catch (error) {
      problem = messageOf(error);
      options.logger.warn('Alpaca order lookup failed; retrying', { clientOrderId, attempt: attempt + 1, error: problem });
    }
  }
  return { kind: 'unknown', reason: `Could not tell whether Alpaca has order ${clientOrderId}: ${problem}` };
}
