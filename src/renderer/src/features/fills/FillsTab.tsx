import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import { useTrading } from '../account/use-trading';
import { FillRow } from './FillRow';
import { TradingTableHead, type TradingColumn } from '../bottom-tabs/TradingTableHead';

const COLUMNS: readonly TradingColumn[] = [
  { label: 'Time', text: true },
  { label: 'Symbol', text: true },
  { label: 'Side', text: true },
  { label: 'Qty' },
  { label: 'Price' },
  { label: 'Commission' },
];

/** Executions, newest first. */
export function FillsTab(): ReactElement {
  const fills = useTrading((s) => s.fills);
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);

  if (fills.length === 0) return <EmptyState title="No fills">Executions will appear here as orders fill.</EmptyState>;
  return (
    <div className="trading-tab" data-testid="fills">
      <table className="trading-table numeric">
        <TradingTableHead columns={COLUMNS} />
        <tbody>
          {fills.map((fill) => (
            <FillRow key={fill.id} fill={fill} zone={zone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
