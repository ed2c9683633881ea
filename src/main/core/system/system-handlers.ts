import type { EngineInfo } from '@shared/dto/system';
import type { Clock } from '../ports/clock';
import type { DomainHandlers } from '../api/handlers';

/** `info` is asked on every call: the trading mode follows the broker in use. */
export function systemHandlers(info: () => EngineInfo, clock: Clock): DomainHandlers<'system.info' | 'system.ping'> {
  return {
    'system.info': () => info(),
    'system.ping': ({ echo }) => (echo === undefined ? { time: clock.now() } : { echo, time: clock.now() }),
  };
}
