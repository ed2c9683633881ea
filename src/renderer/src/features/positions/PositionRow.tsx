import { memo, useState, type ReactElement } from 'react';
import type { PositionDto } from '@shared/dto/trading';
import { positionView } from './position-view';

interface PositionRowProps {
  position: PositionDto;
  onClose: (symbol: string) => Promise<void>;
}

/** One open position; Close flattens it with a market order. */
export const PositionRow = memo(function PositionRow({ position, onClose }: PositionRowProps): ReactElement {
  const view = positionView(position);
  const [busy, setBusy] = useState(false);
  const close = async (): Promise<void> => {
    setBusy(true);
    await onClose(position.symbol);
    setBusy(false);
  };

  return (
    <tr className="position-row" data-testid={`position-row-${position.symbol}`} data-quantity={position.quantity} data-side={view.side}>
      <td className="cell-text">{view.symbol}</td>
      <td className="side" data-side={view.side === 'long' ? 'buy' : 'sell'}>{view.quantity}</td>
      <td>{view.averageCost}</td>
      <td>{view.last}</td>
      <td>{view.marketValue}</td>
      <td className="pnl" data-sign={view.unrealizedSign} data-testid={`position-unrealized-${position.symbol}`}>
        {view.unrealized}
      </td>
      <td className="pnl" data-sign={view.realizedSign}>
        {view.realized}
      </td>
      <td>{view.percentOfEquity}</td>
      <td className="cell-actions">
        <button type="button" className="button row-button" data-testid={`position-close-${position.symbol}`} disabled={busy} onClick={() => void close()}>
          Close
        </button>
      </td>
    </tr>
  );
});
