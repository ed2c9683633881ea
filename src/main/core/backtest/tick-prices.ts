import { Decimal, fromFloat, type Price } from '@shared/money/decimal';

/** Slots of the direct-mapped cache: 2^16, about 1.5 MB a symbol. */
const SHIFT = 16;
const SLOTS = 1 << SHIFT;
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/**
 * fromFloat for one tick, remembered: bars repeat the same few thousand prices, and each
 * conversion is a decimal division, rounding and multiplication. fromFloat is a pure function
 * and decimals are immutable, so a remembered answer is the answer. A slot is found from the
 * float's bits and holds the last float that hashed there (compared exactly); 0 is never
 * cached, so −0 and 0 keep their own answers.
 */
export class TickPrices {
  private readonly keys = new Float64Array(SLOTS);
  private readonly values = new Array<Price | undefined>(SLOTS).fill(undefined);

  /** k for a tick of 10^-k: rounding to k places is then fromFloat's division, rounding and product in one step. */
  private readonly places: number | null;

  constructor(readonly tick: Decimal) {
    const k = tick.decimalPlaces();
    this.places = tick.equals(new Decimal(10).pow(-k)) ? k : null;
  }

  of(value: number): Price {
    bits[0] = value;
    const slot = Math.imul(words[0]! ^ Math.imul(words[1]!, 0x9e3779b1), 0x85ebca6b) >>> (32 - SHIFT); // multiplicative hash of the bits
    const known = this.values[slot];
    if (known !== undefined && this.keys[slot] === value) return known;
    const px = this.places === null || !Number.isFinite(value) ? fromFloat(value, this.tick) : (new Decimal(value).toDecimalPlaces(this.places, Decimal.ROUND_HALF_EVEN) as Price);
    if (value !== 0) {
      this.keys[slot] = value;
      this.values[slot] = px;
    }
    return px;
  }
}
