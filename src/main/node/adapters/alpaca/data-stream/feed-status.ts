import type { FeedState } from '@shared/dto/system';
import type { StreamSnapshot } from './stream-snapshot';

/**
 * One state and a label a person can read: connecting until the first login, live, degraded
 * while reconnecting or when Alpaca withholds some symbols, down when the key or plan is
 * refused, another connection holds the key's slot, or many tries in a row have failed.
 */
export function describeStream(stream: StreamSnapshot, feed: string, started: boolean, downAfterAttempts: number): { state: FeedState; label: string } {
  if (!started) return { state: 'idle', label: 'Alpaca data stream stopped' };
  if (stream.phase === 'rejected') return { state: 'down', label: `${stream.lastError ?? 'Alpaca refused the login'}; not reconnecting` };
  if (stream.phase === 'live') return describeLive(stream, feed);
  const retry = retryText(stream);
  if (stream.connectionLimited) return { state: 'down', label: `${stream.lastError ?? 'Alpaca connection limit exceeded'}${retry}` };
  const cause = stream.lastError ? ` (attempt ${stream.attempt + 1}: ${stream.lastError})` : stream.attempt > 0 ? ` (attempt ${stream.attempt + 1})` : '';
  if (stream.attempt >= downAfterAttempts) return { state: 'down', label: `Alpaca ${feed} data stream unreachable${cause}${retry}` };
  if (stream.everLive) return { state: 'degraded', label: `Alpaca ${feed} data stream reconnecting${cause}` };
  return { state: 'connecting', label: `Connecting to the Alpaca ${feed} data stream${cause}` };
}

function describeLive(stream: StreamSnapshot, feed: string): { state: FeedState; label: string } {
  const problems: string[] = [];
  if (stream.requestError) problems.push(stream.requestError);
  const missing = stream.unconfirmed;
  if (missing.length > 0) problems.push(`not subscribed: ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''}`);
  if (problems.length > 0) return { state: 'degraded', label: `Alpaca ${feed} live; ${problems.join('; ')}` };
  return { state: 'live', label: `Alpaca ${feed} live` };
}

function retryText(stream: StreamSnapshot): string {
  if (stream.retryInMs === null) return '; retrying';
  return `; retrying in ${Math.max(1, Math.round(stream.retryInMs / 1000))} s`;
}
