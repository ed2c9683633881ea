import { describe, expect, it } from 'vitest';
import { FillLog, FillSlot, type FillRecord } from './fill-log';

const nth = (n: number): FillRecord => ({ id: n % 3 === 0 ? `X${n}` : n, orderId: `O${n}`, clientOrderId: `bt-${n}`, symbol: n % 2 === 0 ? 'SIM' : 'ALT', side: n % 2 === 0 ? 'buy' : 'sell', index: n % 2, units: n + 1, ticks: 10_000 + n, commission: n % 5, time: 1_700_000_000_000 + n * 60_000 });

describe('FillLog', () => {
  it('gives back every fill as it was handed over, past its first growth, from a reused slot', () => {
    const log = new FillLog();
    const slot = new FillSlot();
    for (let n = 0; n < 2_500; n += 1) log.push(Object.assign(slot, nth(n)));
    expect(log.length).toBe(2_500);
    for (const n of [0, 1, 1_023, 1_024, 2_047, 2_048, 2_499]) expect(log.record(n)).toEqual(nth(n));
  });
});
