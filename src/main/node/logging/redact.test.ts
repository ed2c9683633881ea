import { describe, expect, it } from 'vitest';
import { redactFields } from './redact';

describe('redactFields', () => {
  it('hides values of fields that may hold credentials', () => {
    expect(
      redactFields({ token: 'abc', apiKey: 'k', APCA_API_SECRET_KEY: 's', password: 'p', symbol: 'SPY', count: 3 }),
    ).toEqual({ token: '[redacted]', apiKey: '[redacted]', APCA_API_SECRET_KEY: '[redacted]', password: '[redacted]', symbol: 'SPY', count: 3 });
  });
});
