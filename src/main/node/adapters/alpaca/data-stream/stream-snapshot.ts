import type { MalformedReason } from './parse-frame';

export type StreamPhase = 'idle' | 'connecting' | 'authenticating' | 'live' | 'waiting' | 'rejected' | 'stopped';

export interface StreamSnapshot {
  phase: StreamPhase;
  /** Connections that failed since the last login. */
  attempt: number;
  everLive: boolean;
  lastError: string | null;
  /** Alpaca refused us for another connection on the key (406); set until a login succeeds. */
  connectionLimited: boolean;
  /** The wait before the next try, while `waiting`. */
  retryInMs: number | null;
  /** Wanted symbols Alpaca has not subscribed, once every request is answered. */
  unconfirmed: readonly string[];
  /** The last refused request (405 symbol limit …) on this connection. */
  requestError: string | null;
}

export interface DataStreamStats {
  frames: number;
  connects: number;
  malformed: number;
  malformedByReason: Record<MalformedReason, number>;
  /** Documented messages we do not use, and data for symbols no longer wanted. */
  ignored: number;
}
