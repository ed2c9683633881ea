import { useState, type ReactElement } from 'react';
import { Panel, PanelGroup } from 'react-resizable-panels';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useServices } from '../../app/app-context';
import { WatchlistPanel } from '../watchlist/WatchlistPanel';
import { ChartPanel } from '../chart/ChartPanel';
import { BottomTabs } from '../bottom-tabs/BottomTabs';
import { OrderTicketPanel } from '../order-ticket/OrderTicketPanel';
import { ResizeHandle } from './ResizeHandle';
import { useLayoutPersistence } from './use-layout-persistence';

/** [watchlist | chart over bottom tabs | order ticket], sized from and saved to the settings. */
export function WorkspacePanels(): ReactElement {
  const { stores } = useServices();
  // Panel groups read `defaultSize` once; later changes go through the group handles.
  const [initial] = useState(() => stores.settings.getState().settings?.layout ?? DEFAULT_SETTINGS.layout);
  const layout = useLayoutPersistence();

  return (
    <PanelGroup
      id="workspace-columns"
      direction="horizontal"
      ref={layout.columnsRef}
      onLayout={layout.onColumnsLayout}
      className="workspace-group"
    >
      <Panel id="watchlist" order={1} defaultSize={initial.columns[0]} minSize={10}>
        <WatchlistPanel />
      </Panel>
      <ResizeHandle between="columns" testId="panel-resize-columns-0" />
      <Panel id="center" order={2} defaultSize={initial.columns[1]} minSize={30}>
        <PanelGroup
          id="workspace-rows"
          direction="vertical"
          ref={layout.rowsRef}
          onLayout={layout.onRowsLayout}
          className="workspace-group"
        >
          <Panel id="chart" order={1} defaultSize={initial.rows[0]} minSize={15}>
            <ChartPanel />
          </Panel>
          <ResizeHandle between="rows" testId="panel-resize-rows-0" />
          <Panel id="bottom" order={2} defaultSize={initial.rows[1]} minSize={10}>
            <BottomTabs />
          </Panel>
        </PanelGroup>
      </Panel>
      <ResizeHandle between="columns" testId="panel-resize-columns-1" />
      <Panel id="order-ticket" order={3} defaultSize={initial.columns[2]} minSize={12}>
        <OrderTicketPanel />
      </Panel>
    </PanelGroup>
  );
}
