import type { BrokerStatus, ReconciliationDifference, ReconciliationReport } from '@shared/dto/broker';

export const VAULT_LABELS: Record<BrokerStatus['vault'], string> = {
  'electron-safe-storage': 'OS safe storage',
  'encrypted-file': 'Encrypted file (passphrase)',
  environment: 'Environment variables',
  none: 'No keys stored',
};

export const REASON_LABELS: Record<ReconciliationReport['reason'], string> = {
  start: 'At start',
  reconnect: 'After reconnect',
  manual: 'By hand',
};

export const DIFFERENCE_LABELS: Record<ReconciliationDifference['kind'], string> = {
  order_status: 'Order status',
  missed_fill: 'Missed fill',
  unknown_order: 'Unknown order',
  position: 'Position',
  cash: 'Cash',
};

/** The header chip's tooltip: why, when the broker is degraded or down; the label otherwise. */
export function brokerTitle(status: BrokerStatus | null): string {
  if (!status) return 'Broker: not known yet';
  if ((status.state === 'degraded' || status.state === 'down') && status.detail) return `Broker ${status.state}: ${status.detail}`;
  return `Broker: ${status.label}`;
}
