import { describe, expect, it } from 'vitest';
import { formatFields } from './log-format';

describe('formatFields', () => {
  it('is empty without fields', () => {
    expect(formatFields(undefined)).toBe('');
    expect(formatFields({})).toBe('');
  });

  it('writes key=value pairs in order', () => {
    expect(formatFields({ port: 8080, ok: true, reason: null, host: 'localhost' })).toBe(
      'port=8080 ok=true reason=null host=localhost',
    );
  });

  it('quotes strings that would be ambiguous', () => {
    expect(formatFields({ msg: 'two words', empty: '' })).toBe('msg="two words" empty=""');
  });
});
