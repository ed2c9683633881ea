import { isInteger, isSafeNumber, parse } from 'lossless-json';

/**
 * Nanosecond timestamps. Feeds such as Polygon stamp trades in ns since the epoch: 19 digits,
 * beyond Number.MAX_SAFE_INTEGER (about 9.0e15), so a plain number silently rounds them by up to
 * a few hundred ns. We keep the exact value as a bigint and derive epoch ms from it.
 */

/** Largest value an int64 timestamp can hold (2^63 - 1). */
export const MAX_NANOS = 9_223_372_036_854_775_807n;

const NS_PER_MS = 1_000_000n;
const DIGITS = /^\d+$/;

export interface Nanos {
  /** Exact ns since the epoch. */
  ns: bigint;
  /** Epoch ms, floored (a trade at x.9 ms still happened in millisecond x). */
  ms: number;
}

/**
 * Parses a non-negative integer ns timestamp without losing digits. Text is the safe form;
 * a number is accepted only while it is a safe integer, because a larger one has already been
 * rounded by whoever produced it.
 */
export function parseNanos(value: string | bigint | number): Nanos {
  const ns = toBigInt(value);
  if (ns < 0n) throw new RangeError(`A ns timestamp cannot be negative: ${String(value)}`);
  if (ns > MAX_NANOS) throw new RangeError(`A ns timestamp cannot exceed 2^63-1: ${String(value)}`);
  return { ns, ms: nanosToMs(ns) };
}

/** Floor of ns / 1e6 as a number (exact: epoch ms fit easily in a double). */
export function nanosToMs(ns: bigint): number {
  const ms = ns / NS_PER_MS;
  // bigint division truncates toward zero; floor for pre-1970 values.
  return Number(ns < 0n && ms * NS_PER_MS !== ns ? ms - 1n : ms);
}

function toBigInt(value: string | bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`A ns timestamp must be an integer: ${value}`);
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`${value} is beyond 2^53 and was already rounded; pass the ns timestamp as text or bigint`);
    }
    return BigInt(value);
  }
  const text = value.trim();
  if (text.startsWith('-') && DIGITS.test(text.slice(1))) {
    throw new RangeError(`A ns timestamp cannot be negative: ${value}`);
  }
  if (!DIGITS.test(text)) throw new TypeError(`A ns timestamp must be a decimal integer: "${value}"`);
  return BigInt(text);
}

/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact, as bigint; every other
 * number (safe integers, decimals, exponents) becomes a plain number. Use it for REST responses
 * that carry ns timestamps (Polygon v3 trades/quotes); the WebSocket hot path keeps JSON.parse,
 * whose messages carry ms times, because this parser is several times slower.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, parseNumberLossless);
}

function parseNumberLossless(value: string): number | bigint {
  if (isInteger(value) && !isSafeNumber(value)) return BigInt(value);
  return Number(value);
}
