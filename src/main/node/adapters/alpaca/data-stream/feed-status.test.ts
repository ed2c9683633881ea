import { describe, expect, it } from 'vitest';
import type { StreamSnapshot } from './stream-snapshot';
import { describeStream } from './feed-status';

const base: StreamSnapshot = {
  phase: 'connecting',
  attempt: 0,
  everLive: false,
  lastError: null,
  connectionLimited: false,
  retryInMs: null,
  unconfirmed: [],
  requestError: null,
};
const describe5 = (patch: Partial<StreamSnapshot>) => describeStream({ ...base, ...patch }, 'sip', true, 5);

describe('describeStream', () => {
  it('goes connecting → live → degraded while reconnecting → down after five failed tries', () => {
    expect(describe5({})).toEqual({ state: 'connecting', label: 'Connecting to the Alpaca sip data stream' });
    expect(describe5({ phase: 'live', everLive: true })).toEqual({ state: 'live', label: 'Alpaca sip live' });
    expect(describe5({ phase: 'waiting', everLive: true, attempt: 2, lastError: 'socket hang up', retryInMs: 800 })).toEqual({
      state: 'degraded',
      label: 'Alpaca sip data stream reconnecting (attempt 3: socket hang up)',
    });
    expect(describe5({ phase: 'waiting', everLive: true, attempt: 5, lastError: 'ECONNREFUSED', retryInMs: 12_400 })).toEqual({
      state: 'down',
      label: 'Alpaca sip data stream unreachable (attempt 6: ECONNREFUSED); retrying in 12 s',
    });
    expect(describeStream(base, 'sip', false, 5)).toEqual({ state: 'idle', label: 'Alpaca data stream stopped' });
  });

  it('names what Alpaca refused while the connection stays live', () => {
    expect(describe5({ phase: 'live', unconfirmed: ['A', 'B', 'C', 'D', 'E'], requestError: "Alpaca's symbol limit for the sip feed is reached (405 symbol limit exceeded)" })).toEqual({
      state: 'degraded',
      label: "Alpaca sip live; Alpaca's symbol limit for the sip feed is reached (405 symbol limit exceeded); not subscribed: A, B, C, D, …",
    });
  });
});
