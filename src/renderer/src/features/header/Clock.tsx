import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { clockSuffix, clockTimeZone, formatClockTime } from '../../ui/time-format';
import { useNow } from '../../ui/use-now';

/** HH:MM:SS in the zone the settings name, ticking on the second. */
export function Clock(): ReactElement {
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const now = useNow();
  const suffix = clockSuffix(zone);
  return (
    <span className="clock numeric" data-testid="clock" data-zone={zone} title={clockTimeZone(zone)}>
      {formatClockTime(now, zone)}
      {suffix && <span className="clock-suffix"> {suffix}</span>}
    </span>
  );
}
