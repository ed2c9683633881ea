import type { ReactElement } from 'react';
import { PanelFrame } from '../../ui/PanelFrame';
import { EmptyState } from '../../ui/EmptyState';

export function OrderTicketPanel(): ReactElement {
  return (
    <PanelFrame title="Order ticket" testId="panel-order-ticket">
      <EmptyState title="Order entry">The order ticket for the selected symbol will appear here.</EmptyState>
    </PanelFrame>
  );
}
