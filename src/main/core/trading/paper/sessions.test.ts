import { describe, expect, it } from 'vitest';
import { marketPhase, sessionFor, tradingDayOf } from '../../market-data/calendar';
import { alwaysOpen, expiresAtClose, expiryFrom, inClosingWindow, sessionAllows, SessionLookup } from './sessions';
import { et } from './test-harness';

const closeOf = (time: number): number | null => sessionFor(tradingDayOf(time))?.close ?? null;

describe('the calendar the paper broker runs on', () => {
  it('puts the regular session of 2024-03-15 at 13:30–20:00 UTC', () => {
    expect(et('09:30')).toBe(Date.UTC(2024, 2, 15, 13, 30));
    expect(closeOf(et('10:00'))).toBe(Date.UTC(2024, 2, 15, 20, 0));
    expect(marketPhase(et('08:00'))).toBe('pre');
    expect(marketPhase(et('16:30'))).toBe('post');
  });
});

describe('sessionAllows', () => {
  it('works every order in the regular session and none while closed', () => {
    expect(sessionAllows({ type: 'stop', extendedHours: false }, 'regular')).toBe(true);
    expect(sessionAllows({ type: 'limit', extendedHours: true }, 'closed')).toBe(false);
  });

  it('works only extended-hours limit orders in the pre- and post-market', () => {
    expect(sessionAllows({ type: 'limit', extendedHours: true }, 'pre')).toBe(true);
    expect(sessionAllows({ type: 'limit', extendedHours: true }, 'post')).toBe(true);
    expect(sessionAllows({ type: 'limit', extendedHours: false }, 'pre')).toBe(false);
    expect(sessionAllows({ type: 'market', extendedHours: true }, 'post')).toBe(false);
  });
});

describe('expiry', () => {
  it('expires day, opg and cls orders at a close, gtc and ioc never', () => {
    expect(['day', 'opg', 'cls', 'gtc', 'ioc', 'fok'].map((tif) => expiresAtClose(tif as 'day'))).toEqual([true, true, true, false, false, false]);
  });

  it('takes the close of the creation day, or the next close when created after it', () => {
    const created = et('10:00');
    expect(expiryFrom(created, closeOf(created))).toBe(Date.UTC(2024, 2, 15, 20, 0));
    const afterClose = et('17:00');
    expect(expiryFrom(afterClose, closeOf(afterClose))).toBeNull();
    expect(expiryFrom(afterClose, closeOf(et('03:00', '2024-03-16')))).toBeNull(); // Saturday: no session
    expect(expiryFrom(afterClose, closeOf(et('09:00', '2024-03-18')))).toBe(Date.UTC(2024, 2, 18, 20, 0));
  });

  it('opens the closing window one minute before the close and shuts it at the close', () => {
    const close = closeOf(et('10:00'));
    expect(inClosingWindow(et('15:58'), close)).toBe(false);
    expect(inClosingWindow(et('15:59'), close)).toBe(true);
    expect(inClosingWindow(et('16:00'), close)).toBe(false);
    expect(inClosingWindow(et('15:59'), null)).toBe(false);
  });

  it('treats crypto and always-open instruments as sessionless', () => {
    expect(alwaysOpen({ assetClass: 'crypto' })).toBe(true);
    expect(alwaysOpen({ assetClass: 'stock', alwaysOpen: true })).toBe(true);
    expect(alwaysOpen({ assetClass: 'stock' })).toBe(false);
  });
});

describe('SessionLookup', () => {
  it('asks the calendar once per symbol and minute and still sees the open and the close', () => {
    let calls = 0;
    const lookup = new SessionLookup(
      (_symbol, time) => {
        calls += 1;
        return marketPhase(time);
      },
      (_symbol, time) => closeOf(time),
    );
    expect(lookup.at('AAPL', et('09:29') + 59_999)).toEqual({ minute: Math.floor(et('09:29') / 60_000), phase: 'pre', close: Date.UTC(2024, 2, 15, 20, 0) });
    expect(lookup.at('AAPL', et('09:30')).phase).toBe('regular');
    expect(lookup.at('AAPL', et('09:30') + 30_000).phase).toBe('regular');
    expect(lookup.at('AAPL', et('16:00')).phase).toBe('post');
    expect(calls).toBe(3);
  });
});
