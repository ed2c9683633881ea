import { describe, expect, it } from 'vitest';
import { RpcError } from '@shared/client/rpc-error';
import type { ReplayStatus } from '@shared/dto/replay';
import { FakeEngineClient, flush } from '../../store/testing/fake-engine-client';
import { attachReplayStore, createReplayStore, IDLE_REPLAY } from './replay-store';
import { replayReloadNeeded } from './use-reload-on-replay';

const PLAYING: ReplayStatus = { state: 'playing', symbol: 'AAPL', timeframe: '1d', speed: 1000, replayTime: 1_000, from: 0, to: 9_000, revision: 1 };

describe('replay store', () => {
  it('takes the status from commands and pushes, and fetches it again on reconnect', async () => {
    const client = new FakeEngineClient()
      .handle('md.replay.status', () => PLAYING)
      .handle('md.replay.pause', () => ({ ...PLAYING, state: 'paused' }));
    const store = createReplayStore(client);
    const detach = attachReplayStore(client, store);
    client.setState('open');
    await flush();
    expect(store.getState().status).toEqual(PLAYING);

    client.emit('md.replay.status', { ...PLAYING, replayTime: 2_000 });
    expect(store.getState().status.replayTime).toBe(2_000);
    await store.getState().pause();
    expect(store.getState()).toMatchObject({ status: { state: 'paused' }, busy: false, error: null });
    detach();
    client.emit('md.replay.status', IDLE_REPLAY);
    expect(store.getState().status.state).toBe('paused');
  });

  it('keeps the status and shows the reason when the engine refuses a command', async () => {
    const client = new FakeEngineClient().handle('md.replay.start', () => {
      throw new RpcError({ code: 'NOT_FOUND', message: 'No stored 5m bars of AAPL to replay' });
    });
    const store = createReplayStore(client);
    await store.getState().start({ symbol: 'AAPL', timeframe: '5m', from: 0 });
    expect(store.getState()).toMatchObject({ status: IDLE_REPLAY, busy: false, error: 'No stored 5m bars of AAPL to replay' });
  });
});

describe('chart reload on replay', () => {
  const seen = (revision: number, symbol: string | null) => ({ revision, symbol });

  it('reloads a chart when a replay of its symbol starts, seeks or stops, and not on clock ticks', () => {
    expect(replayReloadNeeded(seen(0, null), seen(1, 'AAPL'), 'AAPL')).toBe(true); // start
    expect(replayReloadNeeded(seen(1, 'AAPL'), seen(1, 'AAPL'), 'AAPL')).toBe(false); // tick, pause
    expect(replayReloadNeeded(seen(1, 'AAPL'), seen(2, 'AAPL'), 'AAPL')).toBe(true); // seek
    expect(replayReloadNeeded(seen(2, 'AAPL'), seen(3, null), 'AAPL')).toBe(true); // stop
    expect(replayReloadNeeded(seen(0, null), seen(1, 'MSFT'), 'AAPL')).toBe(false); // another symbol
    // The first status seen: reload only when it is about this chart's symbol.
    expect(replayReloadNeeded(null, seen(4, 'AAPL'), 'AAPL')).toBe(true);
    expect(replayReloadNeeded(null, seen(0, null), 'AAPL')).toBe(false);
  });
});
