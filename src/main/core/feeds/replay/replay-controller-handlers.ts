import type { DomainHandlers } from '../../api/handlers';
import { DomainError } from '../../api/domain-error';
import type { ReplayController } from './replay-controller';

export type ReplayMethods = 'md.replay.start' | 'md.replay.pause' | 'md.replay.resume' | 'md.replay.stop' | 'md.replay.speed' | 'md.replay.seek' | 'md.replay.status';

/** The `md.replay.*` methods; without a controller (an engine with no live feed) replays are UNAVAILABLE. */
export function replayHandlers(controller: ReplayController | null): DomainHandlers<ReplayMethods> {
  const use = (): ReplayController => {
    if (!controller) throw new DomainError('UNAVAILABLE', 'Replay needs the live market-data feed, which this engine runs without');
    return controller;
  };
  return {
    'md.replay.start': (request) => use().start(request),
    'md.replay.pause': () => use().pause(),
    'md.replay.resume': () => use().resume(),
    'md.replay.stop': () => use().stop(),
    'md.replay.speed': ({ speed }) => use().setSpeed(speed),
    'md.replay.seek': ({ time }) => use().seek(time),
    'md.replay.status': () =>
      controller?.status() ?? { state: 'idle', symbol: null, timeframe: null, speed: 1, replayTime: null, from: null, to: null, revision: 0 },
  };
}
