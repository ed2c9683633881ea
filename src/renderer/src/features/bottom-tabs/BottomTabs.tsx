import { useCallback, type ReactElement } from 'react';
import { DEFAULT_SETTINGS, type BottomTab } from '@shared/dto/settings';
import { useServices, useSettings } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import { TabBar } from './TabBar';
import { LogView } from './LogView';
import './bottom-tabs.css';

/** Positions, orders, fills and the engine log; the selected tab is part of the saved layout. */
export function BottomTabs(): ReactElement {
  const { stores } = useServices();
  const active = useSettings((s) => s.settings?.layout.bottomTab ?? DEFAULT_SETTINGS.layout.bottomTab);

  const select = useCallback(
    (tab: BottomTab) => {
      const { settings, update } = stores.settings.getState();
      if (!settings || settings.layout.bottomTab === tab) return;
      void update({ layout: { ...settings.layout, bottomTab: tab } });
    },
    [stores],
  );

  return (
    <section className="panel bottom-tabs" data-testid="panel-bottom" aria-label="Positions, orders, fills and log">
      <TabBar active={active} onSelect={select} />
      <div className="panel-body" role="tabpanel" id={`tabpanel-${active}`} aria-labelledby={`tab-${active}`}>
        <TabContent tab={active} />
      </div>
    </section>
  );
}

function TabContent({ tab }: { tab: BottomTab }): ReactElement {
  switch (tab) {
    case 'positions':
      return <EmptyState title="No positions">Open positions with quantity, average price and P&amp;L will appear here.</EmptyState>;
    case 'orders':
      return <EmptyState title="No orders">Working and recent orders will appear here.</EmptyState>;
    case 'fills':
      return <EmptyState title="No fills">Executions will appear here as orders fill.</EmptyState>;
    case 'log':
      return <LogView />;
  }
}
