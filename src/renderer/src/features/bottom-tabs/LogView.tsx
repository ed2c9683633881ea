import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useLog, useSettings } from '../../app/app-context';
import { useStickToBottom } from '../../ui/use-stick-to-bottom';
import { LogRow } from './LogRow';

/** The engine log, oldest first, following new entries while scrolled to the end. */
export function LogView(): ReactElement {
  const entries = useLog((s) => s.entries);
  const status = useLog((s) => s.status);
  const error = useLog((s) => s.error);
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const { ref, onScroll } = useStickToBottom<HTMLOListElement>(entries);

  return (
    <div className="log-view">
      <ol className="log-list numeric" data-testid="log-list" ref={ref} onScroll={onScroll} aria-live="off">
        {entries.map((entry) => (
          <LogRow key={`${entry.time}:${entry.seq}`} entry={entry} zone={zone} />
        ))}
      </ol>
      {entries.length === 0 && (
        <p className="log-empty">
          {status === 'error' ? `Could not load the log: ${error ?? 'unknown error'}` : status === 'loading' ? 'Loading log…' : 'Engine log entries will appear here.'}
        </p>
      )}
    </div>
  );
}
