import { describe, expect, it } from 'vitest';
import { connectionLabel } from './connection-label';

describe('connectionLabel', () => {
  it('says Connected when open', () => {
    expect(connectionLabel('open', true)).toBe('Connected');
  });

  it('says Reconnecting… after a drop, Connecting… before the first open', () => {
    expect(connectionLabel('connecting', true)).toBe('Reconnecting…');
    expect(connectionLabel('connecting', false)).toBe('Connecting…');
  });

  it('says Disconnected when closed', () => {
    expect(connectionLabel('closed', true)).toBe('Disconnected');
  });
});
