import { useMemo, type ReactElement } from 'react';
import type { BacktestTrade } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import { tradeRows } from './trades-view';

/** Round trips, oldest first. */
export function BacktestTradesTable({ trades, timeframe }: { trades: readonly BacktestTrade[]; timeframe: Timeframe }): ReactElement {
  const rows = useMemo(() => tradeRows(trades, timeframe), [trades, timeframe]);
  return (
    <table className="trading-table bt-trades" data-testid="backtest-trades" data-count={rows.length}>
      <thead>
        <tr>
          <th className="cell-text">Symbol</th>
          <th className="cell-text">Side</th>
          <th className="cell-text">Entry</th>
          <th className="cell-text">Exit</th>
          <th>Qty</th>
          <th>Entry price</th>
          <th>Exit price</th>
          <th>P&amp;L</th>
          <th>Return</th>
        </tr>
      </thead>
      <tbody className="numeric">
        {rows.map((row) => (
          <tr key={row.key} data-testid="backtest-trade" data-side={row.side}>
            <td className="cell-text">{row.symbol}</td>
            <td className="cell-text">{row.side === 'long' ? 'Long' : 'Short'}</td>
            <td className="cell-text">{row.entry}</td>
            <td className="cell-text">{row.exit}</td>
            <td>{row.quantity}</td>
            <td>{row.entryPrice}</td>
            <td>{row.exitPrice}</td>
            <td className={`bt-sign-${row.sign}`}>{row.pnl}</td>
            <td className={`bt-sign-${row.sign}`}>{row.returnText}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td className="cell-text bt-empty" colSpan={9}>
              No trades: the strategy never entered a position.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
