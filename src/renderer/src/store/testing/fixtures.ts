import { DEFAULT_SETTINGS, type Settings } from '@shared/dto/settings';
import type { EngineInfo, FeedStatus } from '@shared/dto/system';
import type { LogEntry } from '@shared/dto/log';
import type { BrokerStatus, ReconciliationDifference, ReconciliationReport } from '@shared/dto/broker';

/** Test data for store unit tests. */
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, layout: { ...DEFAULT_SETTINGS.layout } };

export const INFO: EngineInfo = {
  name: 'Kestrel',
  version: '0.1.0',
  protocol: 1,
  host: 'desktop',
  mode: 'paper',
  dataDir: '/tmp/kestrel',
  startedAt: 1_700_000_000_000,
};

export function feedStatus(label: string, since: number): FeedStatus {
  return { source: 'none', state: 'idle', label, since };
}

export function logEntry(seq: number, message = `entry ${seq}`): LogEntry {
  return { seq, time: 1_700_000_000_000 + seq, level: 'info', scope: 'test', message };
}

export function brokerStatus(patch: Partial<BrokerStatus> = {}): BrokerStatus {
  return {
    broker: 'paper',
    mode: 'paper',
    state: 'connected',
    label: 'Paper broker (simulated fills)',
    maskedKeyId: null,
    detail: null,
    storedKeys: false,
    locked: false,
    vault: 'none',
    since: 1_700_000_000_000,
    ...patch,
  };
}

export function reconciliation(time: number, differences: ReconciliationDifference[] = [], patch: Partial<ReconciliationReport> = {}): ReconciliationReport {
  return { time, broker: 'alpaca', reason: 'reconnect', differences, ...patch };
}

export function difference(message: string, patch: Partial<ReconciliationDifference> = {}): ReconciliationDifference {
  return { kind: 'missed_fill', symbol: 'AAPL', orderId: 'o1', message, ...patch };
}
