import type { ReactElement } from 'react';
import { useConnection } from '../../app/app-context';
import { useBroker } from '../broker/use-broker';

/** Read-only facts about the engine this window talks to. */
export function EngineDetails(): ReactElement {
  const info = useConnection((s) => s.info);
  // The broker decides paper or live (it can change while the engine runs).
  const mode = useBroker((s) => s.status?.mode ?? null) ?? info?.mode ?? null;
  return (
    <dl className="engine-details" aria-label="Engine">
      <dt>Version</dt>
      <dd className="numeric" data-testid="settings-engine-version">
        {info?.version ?? '—'}
      </dd>
      <dt>Mode</dt>
      <dd>{info && mode ? `${mode === 'live' ? 'Live' : 'Paper'} trading (${info.host})` : '—'}</dd>
      <dt>Data directory</dt>
      <dd className="engine-path" data-testid="settings-data-dir" title={info?.dataDir}>
        {info?.dataDir ?? '—'}
      </dd>
    </dl>
  );
}
