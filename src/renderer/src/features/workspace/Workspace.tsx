import type { ReactElement } from 'react';
import { useSettings } from '../../app/app-context';
import { WorkspacePanels } from './WorkspacePanels';
import './workspace.css';

/** The panel area under the header; waits for the settings so panels open at their saved sizes. */
export function Workspace(): ReactElement {
  const loaded = useSettings((s) => s.settings !== null);
  const status = useSettings((s) => s.status);
  const error = useSettings((s) => s.error);

  return (
    <main className="workspace">
      {loaded ? (
        <WorkspacePanels />
      ) : (
        <p className="workspace-waiting" role="status">
          {status === 'error' ? `Could not load settings: ${error ?? 'unknown error'}` : 'Loading workspace…'}
        </p>
      )}
    </main>
  );
}
