import type { RawData } from 'ws';

/** A ws message as text, whether it arrived as one buffer, fragments or an ArrayBuffer. */
export function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
