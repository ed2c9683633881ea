import { useCallback, type ReactElement } from 'react';
import { DEFAULT_SETTINGS, type BottomTab } from '@shared/dto/settings';
import { useServices, useSettings } from '../../app/app-context';
import { AccountStrip } from '../account/AccountStrip';
import { KillSwitchBanner } from '../account/KillSwitchBanner';
import { Blotter } from '../blotter/Blotter';
import { FillsTab } from '../fills/FillsTab';
import { PositionsTab } from '../positions/PositionsTab';
import { PortfolioTab } from '../portfolio/PortfolioTab';
import { TabBar } from './TabBar';
import { LogView } from './LogView';
import './bottom-tabs.css';
import './trading-tabs.css';

/**
 * The kill-switch banner and account strip over positions, orders, fills, portfolio and the
 * engine log; the selected tab is part of the saved layout. Only the selected tab is mounted,
 * so the portfolio tab polls only while it is shown.
 */
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
    <section className="panel bottom-tabs" data-testid="panel-bottom" aria-label="Account, positions, orders, fills, portfolio and log">
      <KillSwitchBanner />
      <AccountStrip />
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
      return <PositionsTab />;
    case 'orders':
      return <Blotter />;
    case 'fills':
      return <FillsTab />;
    case 'portfolio':
      return <PortfolioTab />;
    case 'log':
      return <LogView />;
  }
}
