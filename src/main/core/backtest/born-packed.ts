/**
 * Empty arrays born in the elements kind they will hold. A `[]` starts as small integers and
 * changes its map on the first object or double pushed; code V8 optimised on the changed
 * map in one backtest then deoptimises on the next run's fresh `[]` ("wrong map"). These
 * start out already changed (one element in, then popped: a kind never changes back).
 */
const MARK = {};

/** An empty array for objects (and null). */
export function objectArray<T>(): T[] {
  const list = [MARK as T];
  list.pop();
  return list;
}

/** An empty array for doubles. */
export function doubleArray(): number[] {
  const list = [0.5];
  list.pop();
  return list;
}
