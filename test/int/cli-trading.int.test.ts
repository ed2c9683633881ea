import { describe, expect, it } from 'vitest';
import type { AccountDto, OrderDto, RiskStatus } from '@shared/dto/trading';
import { runCli } from '../../src/main/node/cli/run-cli';
import type { CliIo } from '../../src/main/node/cli/io';
import { listen } from '../../src/main/node/headless/listen';
import { inProcessClient, testEngine } from '../support/engine';
import { tempDir } from '../support/temp-dir';

/**
 * The trading commands against a real data directory. With no engine running each command
 * starts a short-lived one (feed 'none', so no last price: a limit buy far below any market
 * just sits working), so these also check that orders and the kill switch outlive the engine.
 */

interface Captured extends CliIo {
  stdout: string[];
  stderr: string[];
}

function captureIo(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, untilStopped: () => new Promise(() => {}) };
}

const context = { version: '9.9.9', rendererDir: '/nonexistent' };

/** One CLI run on its own captured streams. */
async function kestrel(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli([...args, '--data-dir', dataDir], io, context);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function kestrelJson<T>(dataDir: string, ...args: string[]): Promise<T> {
  const run = await kestrel(dataDir, ...args, '--json');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as T;
}

const limitBuy = (price: string, qty = '10') => ['order', 'place', '--symbol', 'SIM:SPY', '--side', 'buy', '--type', 'limit', '--qty', qty, '--limit', price];

describe('kestrel trading commands', () => {
  it('shows the opening account and no positions', async () => {
    const dataDir = tempDir();
    const account = await kestrelJson<AccountDto>(dataDir, 'account');
    expect(account).toMatchObject({ cash: '100000', mode: 'paper' });
    const human = await kestrel(dataDir, 'account');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^cash +100000\.00$/m);
    expect(human.out).toMatch(/^equity +100000\.00$/m);
    expect(await kestrelJson<unknown[]>(dataDir, 'positions')).toEqual([]);
    expect((await kestrel(dataDir, 'positions')).out).toBe('No positions.');
  });

  it('places, lists and cancels an order; a repeated client order id returns the same order', async () => {
    const dataDir = tempDir();
    const placed = await kestrel(dataDir, ...limitBuy('10'), '--client-order-id', 'cli-test-1');
    expect(placed.err).toBe('');
    expect(placed.code).toBe(0);
    const line = /^Accepted (\S+) buy 10 SIM:SPY limit 10 day — accepted$/.exec(placed.out);
    expect(line).not.toBeNull();
    const id = line![1]!;

    const open = await kestrelJson<OrderDto[]>(dataDir, 'orders', '--status', 'open');
    expect(open.map((o) => [o.id, o.clientOrderId, o.status, o.source, o.limitPrice])).toEqual([[id, 'cli-test-1', 'accepted', 'cli', '10']]);
    const table = await kestrel(dataDir, 'orders', '--status', 'open', '--symbol', 'SIM:SPY');
    expect(table.out.split('\n')[0]).toMatch(/^ID +CLIENT ID +TIME +SYMBOL +SIDE +TYPE +QTY +FILLED +LIMIT +STOP +TIF +STATUS$/);
    expect(table.out).toMatch(new RegExp(`^${id} +cli-test-1 +\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z +SIM:SPY +buy +limit +10 +0 +10 +- +day +accepted$`, 'm'));

    const again = await kestrelJson<OrderDto>(dataDir, ...limitBuy('10'), '--client-order-id', 'cli-test-1');
    expect(again.id).toBe(id);
    expect(await kestrelJson<OrderDto[]>(dataDir, 'orders')).toHaveLength(1);

    const canceled = await kestrel(dataDir, 'order', 'cancel', id);
    expect(canceled.code).toBe(0);
    expect(canceled.out).toBe(`Canceled ${id} buy 10 SIM:SPY limit 10 day — canceled`);
    expect(await kestrelJson<OrderDto[]>(dataDir, 'orders', '--status', 'open')).toEqual([]);
    expect((await kestrelJson<OrderDto[]>(dataDir, 'orders', '--status', 'closed')).map((o) => o.status)).toEqual(['canceled']);
  });

  it('cancels every working order of a symbol', async () => {
    const dataDir = tempDir();
    expect((await kestrel(dataDir, ...limitBuy('10'))).code).toBe(0);
    expect((await kestrel(dataDir, ...limitBuy('11'))).code).toBe(0);
    expect(await kestrelJson<{ canceled: number }>(dataDir, 'order', 'cancel-all', '--symbol', 'SIM:SPY')).toEqual({ canceled: 2 });
    expect((await kestrel(dataDir, 'order', 'cancel-all')).out).toBe('Canceled 0 working orders.');
  });

  it('exits with 3 and names the rule when risk refuses an order', async () => {
    const dataDir = tempDir();
    // 200000 × 0.4 = 80000: inside buying power and the notional limit, so only the quantity limit trips.
    const refused = await kestrel(dataDir, ...limitBuy('0.4', '200000'));
    expect(refused.code).toBe(3);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^Rejected by max_order_quantity: .+ \(limit 100000, actual 200000\)$/);

    const asJson = await kestrel(dataDir, ...limitBuy('0.4', '200000'), '--json');
    expect(asJson.code).toBe(3);
    const order = JSON.parse(asJson.out) as OrderDto;
    expect(order).toMatchObject({ status: 'rejected', rejection: { rule: 'max_order_quantity', limit: '100000', actual: '200000' } });
  });

  it('refuses every order while the kill switch is tripped, and allows them after a reset', async () => {
    const dataDir = tempDir();
    const tripped = await kestrelJson<RiskStatus>(dataDir, 'kill-switch', 'trip', '--reason', 'cli test');
    expect(tripped.killSwitch).toMatchObject({ tripped: true, reason: 'cli test' });
    expect((await kestrel(dataDir, 'kill-switch')).out).toMatch(/^kill switch +TRIPPED at .+ — cli test$/m);

    const refused = await kestrel(dataDir, ...limitBuy('10'));
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/^Rejected by kill_switch: /);

    const reset = await kestrel(dataDir, 'kill-switch', 'reset');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/^kill switch +off \(orders allowed\)$/m);
    const allowed = await kestrel(dataDir, ...limitBuy('12'));
    expect(allowed.code).toBe(0);
    expect(allowed.out).toMatch(/^Accepted \S+ buy 10 SIM:SPY limit 12 day — accepted$/);
  });

  it('reports usage errors with exit code 2 and engine errors with 1', async () => {
    const dataDir = tempDir();
    const badSide = await kestrel(dataDir, 'order', 'place', '--symbol', 'SIM:SPY', '--side', 'hold', '--type', 'limit', '--qty', '0', '--limit', '10');
    expect(badSide.code).toBe(2);
    expect(badSide.err).toMatch(/Invalid arguments:[\s\S]*--side:[\s\S]*--qty: Must be greater than zero/);
    expect((await kestrel(dataDir, 'order', 'place', '--bogus')).code).toBe(2);
    expect((await kestrel(dataDir, 'order', 'cancel')).code).toBe(2);
    expect((await kestrel(dataDir, 'orders', '--status', 'working')).code).toBe(2);
    expect((await kestrel(dataDir, 'kill-switch', 'explode')).code).toBe(2);

    const unknown = await kestrel(dataDir, 'order', 'cancel', 'NO-SUCH-ORDER');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/NOT_FOUND/);
  });

  it('places through the running engine that owns the data directory', async () => {
    const dataDir = tempDir();
    const engine = await testEngine({ dataDir });
    const listening = await listen(engine, { port: 0, host: '127.0.0.1', rendererDir: null });
    try {
      const placed = await kestrelJson<OrderDto>(dataDir, ...limitBuy('10'), '--client-order-id', 'via-running');
      const seen = await inProcessClient(engine).call('orders.list', { status: 'open' });
      expect(seen.map((o) => [o.id, o.clientOrderId, o.source])).toEqual([[placed.id, 'via-running', 'cli']]);
    } finally {
      await listening.close();
    }
  });
});
