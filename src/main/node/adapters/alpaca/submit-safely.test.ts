import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/ports/random';
import { AlpacaApiError, AlpacaRateLimitedError, AlpacaTimeoutError } from './errors';
import { submitSafely, type SubmitSafelyOptions } from './submit-safely';
import { FakeAlpacaApi } from './test-api';
import { keepingLogger } from './test-desk';
import type { AlpacaOrder, AlpacaOrderRequest } from './wire';

const REQUEST: AlpacaOrderRequest = { symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '5', client_order_id: 'k1' };

function options(api: FakeAlpacaApi, sleeps: number[] = []): SubmitSafelyOptions {
  return {
    api,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: seededRandom(7),
    logger: keepingLogger(),
    backoff: { baseMs: 100, capMs: 1_000 },
    maxPosts: 3,
    maxLookups: 3,
  };
}

/** Alpaca still processing the first POST when we look: the lookup misses it, then it lands. */
class LateApi extends FakeAlpacaApi {
  override orderByClientOrderId(clientOrderId: string): Promise<AlpacaOrder | null> {
    const answer = super.orderByClientOrderId(clientOrderId);
    if (this.lookups.length === 1) this.placeElsewhere(REQUEST);
    return answer;
  }
}

describe('submitSafely', () => {
  it('adopts, on the duplicate-id 422, an order whose first POST landed after the lookup missed it', async () => {
    const api = new LateApi();
    api.submitFailures.push({ error: new AlpacaTimeoutError('orders', 'timed out', 10_000), created: false });
    const outcome = await submitSafely(REQUEST, options(api));
    expect(api.posts.map((post) => post.client_order_id)).toEqual(['k1', 'k1']);
    expect(api.lookups).toEqual(['k1', 'k1']);
    expect(api.all()).toHaveLength(1);
    expect(outcome).toMatchObject({ kind: 'created', adopted: true, order: { client_order_id: 'k1' } });
  });

  it('sends again after a rate limit, waiting first, without a lookup (nothing was created)', async () => {
    const api = new FakeAlpacaApi();
    const sleeps: number[] = [];
    api.submitFailures.push({ error: new AlpacaRateLimitedError('orders', 'over the limit', null, null), created: false });
    const outcome = await submitSafely(REQUEST, options(api, sleeps));
    expect(outcome).toMatchObject({ kind: 'created', adopted: false });
    expect(api.posts).toHaveLength(2);
    expect(api.lookups).toEqual([]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeLessThan(100);
  });

  it('gives up as rejected after the last POST when every lookup says Alpaca has nothing', async () => {
    const api = new FakeAlpacaApi();
    for (let i = 0; i < 3; i += 1) api.submitFailures.push({ error: new AlpacaApiError('orders', 502, null, 'bad gateway'), created: false });
    const outcome = await submitSafely(REQUEST, options(api));
    expect(outcome).toEqual({ kind: 'rejected', reason: 'Alpaca did not take the order after 3 attempts (bad gateway)', code: null });
    expect(api.lookups).toHaveLength(3);
    expect(api.all()).toHaveLength(0);
  });

  it('reports unknown, never a second POST, when the lookups themselves fail', async () => {
    const api = new FakeAlpacaApi();
    api.submitFailures.push({ error: new AlpacaTimeoutError('orders', 'timed out', 10_000), created: true });
    for (let i = 0; i < 3; i += 1) api.lookupFailures.push(new AlpacaApiError('orders', 500, null, 'internal error'));
    const outcome = await submitSafely(REQUEST, options(api));
    expect(outcome).toEqual({ kind: 'unknown', reason: 'Could not tell whether Alpaca has order k1: internal error' });
    expect(api.posts).toHaveLength(1);
  });
});
