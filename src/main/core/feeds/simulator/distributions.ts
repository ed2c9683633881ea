import { seededRandom, type RandomSource } from '../../ports/random';

/**
 * A new independent stream seeded from `random`. The simulator keeps price paths and order
 * flow on separate streams so which symbols are subscribed never changes the prices.
 */
export function forkRandom(random: RandomSource): RandomSource {
  return seededRandom(Math.floor(random.next() * 4294967296));
}

/** Standard normal draws (Box–Muller, both halves used). */
export class Gaussian {
  private spare: number | null = null;

  constructor(private readonly random: RandomSource) {}

  next(): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return value;
    }
    const u1 = 1 - this.random.next(); // (0, 1]: log(0) is -Infinity
    const u2 = this.random.next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }
}

/** Poisson count: exact (Knuth) for small means, rounded normal beyond 30 where it is close. */
export function poisson(random: RandomSource, gaussian: Gaussian, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian.next()));
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random.next(); product > limit; product *= random.next()) count += 1;
  return count;
}

/** Share of prints that are odd lots (1–99 shares); the rest are round lots of 100. */
export const ODD_LOT_SHARE = 0.2;
const MAX_ROUND_LOTS = 50;

/** Trade size: mostly round lots (100 × a geometric count, mean ≈ 1.8 lots), some odd lots. */
export function tradeSize(random: RandomSource): number {
  if (random.next() < ODD_LOT_SHARE) return 1 + Math.floor(random.next() * 99);
  let lots = 1;
  while (lots < MAX_ROUND_LOTS && random.next() < 0.45) lots += 1;
  return lots * 100;
}

/** Mean and standard deviation of `tradeSize` (0.2 × U{1..99} + 0.8 × 100 × Geometric(0.55)), for summing many trades without drawing each. */
export const TRADE_SIZE_MEAN = 155.45;
export const TRADE_SIZE_SD = 121.8;
