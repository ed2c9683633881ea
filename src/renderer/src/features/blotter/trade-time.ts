import type { ClockZone } from '@shared/dto/settings';
import { clockTimeZone } from '../../ui/time-format';

const formatters = new Map<ClockZone, Intl.DateTimeFormat>();

function formatter(zone: ClockZone): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-GB', {
      timeZone: clockTimeZone(zone),
      day: '2-digit',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, cached);
  }
  return cached;
}

/** "15 Jan 09:30:05" in the clock zone: orders and fills can be days old (GTC), so the date shows. */
export function formatTradeTime(epochMs: number, zone: ClockZone): string {
  const parts = formatter(zone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
