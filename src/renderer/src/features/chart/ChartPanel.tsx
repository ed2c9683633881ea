import type { ReactElement } from 'react';
import { PanelFrame } from '../../ui/PanelFrame';
import { EmptyState } from '../../ui/EmptyState';

export function ChartPanel(): ReactElement {
  return (
    <PanelFrame title="Chart" testId="panel-chart">
      <EmptyState title="No chart">The price chart of the selected symbol will appear here.</EmptyState>
    </PanelFrame>
  );
}
