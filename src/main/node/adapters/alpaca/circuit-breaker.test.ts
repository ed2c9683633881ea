import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CallVerdict, type CircuitState } from './circuit-breaker';
import { AlpacaCircuitOpenError } from './errors';

class Boom extends Error {
  constructor(readonly verdict: CallVerdict) {
    super(verdict);
  }
}

const verdictOf = (error: unknown): CallVerdict => (error instanceof Boom ? error.verdict : 'neutral');

function setup(threshold = 3, coolDownMs = 10_000) {
  let now = 1_000;
  const changes: CircuitState[] = [];
  const breaker = new CircuitBreaker({
    group: 'orders',
    clock: { now: () => now },
    failureThreshold: threshold,
    coolDownMs,
    onStateChange: (state) => changes.push(state),
  });
  let calls = 0;
  const succeed = () => breaker.run(() => Promise.resolve(++calls), verdictOf);
  const fail = (verdict: CallVerdict = 'failure') =>
    breaker.run(() => {
      calls += 1;
      return Promise.reject(new Boom(verdict));
    }, verdictOf);
  return {
    breaker,
    changes,
    succeed,
    fail,
    calls: () => calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and then refuses without calling', async () => {
    const t = setup(3);
    for (let i = 0; i < 3; i += 1) await expect(t.fail()).rejects.toBeInstanceOf(Boom);
    expect(t.breaker.state).toBe('open');
    const refused = await t.succeed().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AlpacaCircuitOpenError);
    expect((refused as AlpacaCircuitOpenError).group).toBe('orders');
    expect((refused as AlpacaCircuitOpenError).retryAtMs).toBe(11_000);
    expect(t.calls()).toBe(3);
    expect(t.changes).toEqual(['open']);
  });

  it('counts only consecutive failures: a success in between starts the count again', async () => {
    const t = setup(3);
    await t.fail().catch(() => {});
    await t.fail().catch(() => {});
    await t.succeed();
    await t.fail().catch(() => {});
    await t.fail().catch(() => {});
    expect(t.breaker.state).toBe('closed');
  });

  it('does not count answers that prove the server is up (a 4xx is reported as success)', async () => {
    const t = setup(2);
    for (let i = 0; i < 5; i += 1) await t.fail('success').catch(() => {});
    expect(t.breaker.state).toBe('closed');
  });

  it('lets one probe through after the cool-down; its success closes the circuit', async () => {
    const t = setup(1, 10_000);
    await t.fail().catch(() => {});
    t.advance(9_999);
    expect(t.breaker.state).toBe('open');
    t.advance(1);
    expect(t.breaker.state).toBe('half-open');

    let release: (value: number) => void = () => {};
    const probe = t.breaker.run(() => new Promise<number>((resolve) => (release = resolve)), verdictOf);
    // While the probe is out, everyone else is refused.
    await expect(t.succeed()).rejects.toBeInstanceOf(AlpacaCircuitOpenError);
    release(42);
    await expect(probe).resolves.toBe(42);
    expect(t.breaker.state).toBe('closed');
    expect(t.changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens for a new cool-down when the probe fails', async () => {
    const t = setup(1, 10_000);
    await t.fail().catch(() => {});
    t.advance(10_000);
    await expect(t.fail()).rejects.toBeInstanceOf(Boom);
    expect(t.breaker.state).toBe('open');
    t.advance(9_999);
    await expect(t.succeed()).rejects.toBeInstanceOf(AlpacaCircuitOpenError);
    t.advance(1);
    await t.succeed();
    expect(t.changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('frees the probe slot when the probe ends neutrally, without changing state', async () => {
    const t = setup(1, 0);
    await t.fail().catch(() => {});
    await expect(t.fail('neutral')).rejects.toBeInstanceOf(Boom);
    expect(t.breaker.state).toBe('half-open');
    await t.succeed();
    expect(t.breaker.state).toBe('closed');
  });
});
