import { memo, type ReactElement } from 'react';
import type { LogEntry } from '@shared/dto/log';
import type { ClockZone } from '@shared/dto/settings';
import { formatClockTime } from '../../ui/time-format';
import { formatFields } from './log-format';

interface LogRowProps {
  entry: LogEntry;
  zone: ClockZone;
}

export const LogRow = memo(function LogRow({ entry, zone }: LogRowProps): ReactElement {
  const fields = formatFields(entry.fields);
  return (
    <li className="log-entry" data-testid="log-entry" data-level={entry.level}>
      <time className="log-time" dateTime={new Date(entry.time).toISOString()}>
        {formatClockTime(entry.time, zone, true)}
      </time>
      <span className="log-level">{entry.level.toUpperCase()}</span>
      <span className="log-scope" title={entry.scope}>
        {entry.scope}
      </span>
      <span className="log-message">
        {entry.message}
        {fields && <span className="log-fields"> {fields}</span>}
      </span>
    </li>
  );
});
