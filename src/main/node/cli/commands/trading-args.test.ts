import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { EXIT_USAGE, onePositional, parseUsage, validParams } from './trading-args';

function usageError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('trading command arguments', () => {
  it('turns an unknown flag into a usage error (exit 2)', () => {
    const error = usageError(() => parseUsage(() => parseArgs({ args: ['--bogus'], options: {}, strict: true })));
    expect(error.exitCode).toBe(EXIT_USAGE);
    expect(error.message).toMatch(/--bogus/);
  });

  it('names the flag behind an invalid field and applies the contract defaults', () => {
    const error = usageError(() =>
      validParams('orders.place', { symbol: 'SIM:SPY', side: 'hold', type: 'limit', quantity: '-5' }, { side: '--side', quantity: '--qty' }),
    );
    expect(error.exitCode).toBe(EXIT_USAGE);
    expect(error.message).toMatch(/^Invalid arguments:\n {2}--side: .+\n {2}--qty: Must be greater than zero$/);
    const ok = validParams('orders.place', { symbol: 'SIM:SPY', side: 'buy', type: 'market', quantity: '5', source: 'cli' });
    expect(ok).toMatchObject({ timeInForce: 'day', orderClass: 'simple', extendedHours: false, source: 'cli' });
  });

  it('wants exactly one positional', () => {
    expect(onePositional(['O1'], 'order ID')).toBe('O1');
    expect(usageError(() => onePositional([], 'order ID')).message).toBe('Expected exactly one order ID.');
    expect(usageError(() => onePositional(['O1', 'O2'], 'order ID')).exitCode).toBe(EXIT_USAGE);
  });
});
