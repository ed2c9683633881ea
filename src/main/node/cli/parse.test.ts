import { describe, expect, it } from 'vitest';
import { parseAssignment, parsePort } from './parse';

describe('parsePort', () => {
  it('accepts 0 to 65535', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
  });
  it('refuses anything else with a clear message', () => {
    for (const bad of ['-1', '65536', '80.5', 'http', '', '1e3']) expect(() => parsePort(bad)).toThrow(/--port/);
  });
});

describe('parseAssignment', () => {
  it('reads JSON values and falls back to strings', () => {
    expect(parseAssignment('confirmOrders=false')).toEqual(['confirmOrders', false]);
    expect(parseAssignment('theme=light')).toEqual(['theme', 'light']);
    expect(parseAssignment('a=b=c')).toEqual(['a', 'b=c']);
  });
  it('refuses a missing key or =', () => {
    expect(() => parseAssignment('=x')).toThrow();
    expect(() => parseAssignment('theme')).toThrow();
  });
});
