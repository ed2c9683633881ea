import { mulberry32 } from '../../../src/main/core/ports/random';

/** Seeded UUID v4-shaped ids, so two runs of a test see the same order and execution ids. */
export class IdSource {
  private readonly random: () => number;

  constructor(seed = 1) {
    this.random = mulberry32(seed >>> 0 || 1);
  }

  uuid(): string {
    const hex = Array.from({ length: 4 }, () => this.next().toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** 32 random bits (mulberry32's output before it is scaled to [0, 1): exact). */
  private next(): number {
    return this.random() * 4294967296;
  }
}

/** A stable asset id per symbol (Alpaca's asset ids are UUIDs that never change). */
export function assetIdOf(symbol: string): string {
  let h = 2166136261;
  for (const ch of symbol) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const source = new IdSource(h);
  return source.uuid();
}
