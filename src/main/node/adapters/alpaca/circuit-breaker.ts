import type { Clock } from '../../../core/ports/clock';
import { AlpacaCircuitOpenError } from './errors';

/** Alpaca endpoints that fail together: one breaker each, so a broken calendar does not stop orders. */
export const ALPACA_ENDPOINT_GROUPS = ['account', 'orders', 'positions', 'market'] as const;
export type AlpacaEndpointGroup = (typeof ALPACA_ENDPOINT_GROUPS)[number];

export type CircuitState = 'closed' | 'open' | 'half-open';

/** What one call says about the endpoint's health. 'neutral' neither heals nor hurts (e.g. never sent). */
export type CallVerdict = 'success' | 'failure' | 'neutral';

export interface CircuitBreakerOptions {
  group: AlpacaEndpointGroup;
  clock: Clock;
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses calls before it lets one probe through. */
  coolDownMs?: number;
  onStateChange?: (state: CircuitState) => void;
}

export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_COOL_DOWN_MS = 30_000;

/**
 * closed → open after N consecutive failures; open refuses at once until the cool-down ends;
 * half-open lets exactly one probe through, whose outcome closes or reopens the circuit.
 * Only the caller knows what a failure is (network, timeout, 5xx — never a 4xx, which proves
 * the server is answering), so calls report a verdict.
 */
export class CircuitBreaker {
  readonly group: AlpacaEndpointGroup;
  private readonly clock: Clock;
  private readonly threshold: number;
  private readonly coolDownMs: number;
  private readonly onStateChange: ((state: CircuitState) => void) | undefined;
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;

  constructor(options: CircuitBreakerOptions) {
    this.group = options.group;
    this.clock = options.clock;
    this.threshold = Math.max(1, options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD);
    this.coolDownMs = Math.max(0, options.coolDownMs ?? DEFAULT_COOL_DOWN_MS);
    this.onStateChange = options.onStateChange;
  }

  /** The state now; an open circuit whose cool-down has ended reads (and becomes) half-open. */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() >= this.retryAtMs()) this.moveTo('half-open');
    return this.current;
  }

  /**
   * Runs `call` if the circuit admits it, otherwise throws AlpacaCircuitOpenError without
   * calling. `verdict` classifies a thrown error; a value returned counts as a success.
   */
  async run<T>(call: () => Promise<T>, verdict: (error: unknown) => CallVerdict): Promise<T> {
    const probe = this.admit();
    let outcome: CallVerdict = 'neutral';
    try {
      const value = await call();
      outcome = 'success';
      return value;
    } catch (error) {
      outcome = verdict(error);
      throw error;
    } finally {
      this.record(outcome, probe);
    }
  }

  /** Admits a call or throws; returns whether the call is the half-open probe. */
  private admit(): boolean {
    const state = this.state;
    if (state === 'closed') return false;
    if (state === 'half-open' && !this.probing) {
      this.probing = true;
      return true;
    }
    throw new AlpacaCircuitOpenError(this.group, state === 'open' ? this.retryAtMs() : this.clock.now());
  }

  private record(outcome: CallVerdict, probe: boolean): void {
    if (probe) this.probing = false;
    if (outcome === 'success') {
      this.failures = 0;
      if (this.current !== 'closed') this.moveTo('closed');
    } else if (outcome === 'failure') {
      this.failures += 1;
      // A failed probe reopens at once; a late failure from before the opening changes nothing.
      if (probe || (this.current === 'closed' && this.failures >= this.threshold)) this.open();
    }
  }

  private open(): void {
    this.openedAt = this.clock.now();
    this.moveTo('open');
  }

  private retryAtMs(): number {
    return this.openedAt + this.coolDownMs;
  }

  private moveTo(state: CircuitState): void {
    if (state === this.current) return;
    this.current = state;
    this.onStateChange?.(state);
  }
}
