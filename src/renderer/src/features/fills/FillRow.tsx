import { memo, type ReactElement } from 'react';
import type { ClockZone } from '@shared/dto/settings';
import type { FillDto } from '@shared/dto/trading';
import { fillView } from './fill-view';

/** One execution. */
export const FillRow = memo(function FillRow({ fill, zone }: { fill: FillDto; zone: ClockZone }): ReactElement {
  const view = fillView(fill, zone);
  return (
    <tr className="fill-row" data-testid={`fill-row-${fill.id}`} data-order-id={fill.orderId}>
      <td className="cell-text">{view.time}</td>
      <td className="cell-text">{view.symbol}</td>
      <td className="cell-text side" data-side={fill.side}>
        {view.side}
      </td>
      <td>{view.quantity}</td>
      <td>{view.price}</td>
      <td>{view.commission}</td>
    </tr>
  );
});
