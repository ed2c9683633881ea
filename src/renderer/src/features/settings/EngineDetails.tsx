import type { ReactElement } from 'react';
import { useConnection } from '../../app/app-context';

/** Read-only facts about the engine this window talks to. */
export function EngineDetails(): ReactElement {
  const info = useConnection((s) => s.info);
  return (
    <dl className="engine-details" aria-label="Engine">
      <dt>Version</dt>
      <dd className="numeric" data-testid="settings-engine-version">
        {info?.version ?? '—'}
      </dd>
      <dt>Mode</dt>
      <dd>{info ? `${info.mode === 'live' ? 'Live' : 'Paper'} trading (${info.host})` : '—'}</dd>
      <dt>Data directory</dt>
      <dd className="engine-path" data-testid="settings-data-dir" title={info?.dataDir}>
        {info?.dataDir ?? '—'}
      </dd>
    </dl>
  );
}
