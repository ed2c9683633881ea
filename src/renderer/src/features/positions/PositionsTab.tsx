import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { useTrading, useTradingStore } from '../account/use-trading';
import { formatMoney, formatPnl, signOf } from '../account/money-format';
import { positionTotals, sortPositions } from './position-view';
import { PositionRow } from './PositionRow';
import { TradingTableHead, type TradingColumn } from '../bottom-tabs/TradingTableHead';

const COLUMNS: readonly TradingColumn[] = [
  { label: 'Symbol', text: true },
  { label: 'Qty' },
  { label: 'Avg cost' },
  { label: 'Last' },
  { label: 'Mkt value' },
  { label: 'Unrealized' },
  { label: 'Realized' },
  { label: '% equity' },
  { label: '' },
];

/** Open positions marked to market, largest first, with totals and a Close per row. */
export function PositionsTab(): ReactElement {
  const store = useTradingStore();
  const positions = useTrading((s) => s.portfolio?.positions ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const rows = useMemo(() => sortPositions(positions ?? []), [positions]);
  const totals = useMemo(() => positionTotals(rows), [rows]);

  const close = useCallback(
    async (symbol: string): Promise<void> => {
      const outcome = await store.getState().closePosition(symbol);
      setMessage(outcome.ok ? null : `Close ${symbol} failed: ${outcome.error}`);
    },
    [store],
  );

  if (rows.length === 0) {
    return <EmptyState title="No positions">{positions === null ? 'Loading the portfolio…' : 'Open positions with quantity, average cost and P&L will appear here.'}</EmptyState>;
  }
  return (
    <div className="trading-tab" data-testid="positions">
      {message && (
        <div className="trading-toolbar">
          <span className="trading-message" role="alert">
            {message}
          </span>
        </div>
      )}
      <table className="trading-table numeric">
        <TradingTableHead columns={COLUMNS} />
        <tbody>
          {rows.map((position) => (
            <PositionRow key={position.symbol} position={position} onClose={close} />
          ))}
        </tbody>
        <tfoot>
          <tr className="totals-row">
            <td className="cell-text">Total</td>
            <td colSpan={3} />
            <td>{formatMoney(totals.marketValue)}</td>
            <td className="pnl" data-sign={signOf(totals.unrealized)}>{formatPnl(totals.unrealized)}</td>
            <td className="pnl" data-sign={signOf(totals.realized)}>{formatPnl(totals.realized)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
