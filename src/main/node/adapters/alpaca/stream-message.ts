import { TradeUpdate } from './wire';

/** One message of Alpaca's trading stream, as far as the adapter cares. */
export type StreamMessage =
  | { kind: 'authorized' }
  | { kind: 'unauthorized'; status: string }
  | { kind: 'listening'; streams: string[] }
  | { kind: 'update'; update: TradeUpdate }
  | { kind: 'other'; stream: string }
  | { kind: 'malformed'; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses one frame (text, or a binary frame already decoded as UTF-8): a single JSON object
 * `{"stream": …, "data": …}`. Anything else is `malformed`, with a reason fit for a log.
 */
export function parseStreamMessage(text: string): StreamMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (!isRecord(value)) return { kind: 'malformed', reason: 'not a JSON object' };
  const { stream, data } = value;
  if (typeof stream !== 'string') return { kind: 'malformed', reason: 'no stream name' };
  if (stream === 'authorization') {
    const status = isRecord(data) && typeof data.status === 'string' ? data.status : 'missing';
    return status === 'authorized' ? { kind: 'authorized' } : { kind: 'unauthorized', status };
  }
  if (stream === 'listening') {
    const streams = isRecord(data) && Array.isArray(data.streams) ? data.streams.filter((s): s is string => typeof s === 'string') : [];
    return { kind: 'listening', streams };
  }
  if (stream !== 'trade_updates') return { kind: 'other', stream };
  const parsed = TradeUpdate.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'malformed', reason: `trade update: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}` };
  }
  return { kind: 'update', update: parsed.data };
}
