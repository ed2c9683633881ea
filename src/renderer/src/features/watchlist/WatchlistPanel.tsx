import type { ReactElement } from 'react';
import { PanelFrame } from '../../ui/PanelFrame';
import { EmptyState } from '../../ui/EmptyState';

export function WatchlistPanel(): ReactElement {
  return (
    <PanelFrame title="Watchlist" testId="panel-watchlist">
      <EmptyState title="No symbols yet">Symbols you watch will appear here with last price and change.</EmptyState>
    </PanelFrame>
  );
}
