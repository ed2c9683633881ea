import { describe, expect, it } from 'vitest';
import { createTicketChannel, type TicketRequest } from './ticket-channel';

describe('ticket channel', () => {
  it('delivers a request to each listening ticket and says how many got it', () => {
    const channel = createTicketChannel();
    const got: TicketRequest[] = [];
    expect(channel.request({ side: 'buy' })).toBe(0);
    const stop = channel.listen((request) => got.push(request));
    expect(channel.request({ side: 'sell' })).toBe(1);
    stop();
    expect(channel.request({ side: 'buy' })).toBe(0);
    expect(got).toEqual([{ side: 'sell' }]);
  });
});
