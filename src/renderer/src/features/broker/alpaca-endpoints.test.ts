import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { alpacaPatch, endpointsFrom } from './alpaca-endpoints';
import { brokerTitle } from './broker-labels';
import { brokerStatus } from '../../store/testing/fixtures';

const STORED = { ...DEFAULT_SETTINGS.alpaca, profile: 'live' as const, enabled: true };

describe('alpacaPatch', () => {
  it('saves nothing when only whitespace changed', () => {
    const draft = { ...endpointsFrom(STORED), paperTradingUrl: ` ${STORED.paperTradingUrl} ` };
    expect(alpacaPatch(draft, STORED)).toEqual({});
  });

  it('replaces the alpaca key whole, keeping the stored profile and enabled flag', () => {
    const draft = { ...endpointsFrom(DEFAULT_SETTINGS.alpaca), paperTradingUrl: ' http://127.0.0.1:9100 ', dataFeed: 'sip' as const };
    expect(alpacaPatch(draft, STORED)).toEqual({
      alpaca: { ...STORED, paperTradingUrl: 'http://127.0.0.1:9100', dataFeed: 'sip' },
    });
  });
});

describe('brokerTitle', () => {
  it('gives the reason when the broker is degraded or down', () => {
    expect(brokerTitle(brokerStatus({ state: 'down', detail: 'Keys rejected (401)' }))).toBe('Broker down: Keys rejected (401)');
  });

  it('gives the label while healthy', () => {
    expect(brokerTitle(brokerStatus())).toBe('Broker: Paper broker (simulated fills)');
    expect(brokerTitle(null)).toBe('Broker: not known yet');
  });
});
