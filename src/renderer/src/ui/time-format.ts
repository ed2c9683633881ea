import type { ClockZone } from '@shared/dto/settings';

/** Where each clock-zone setting points, and the suffix shown after the time. */
const ZONES: Record<ClockZone, { timeZone: string | undefined; suffix: string }> = {
  exchange: { timeZone: 'America/New_York', suffix: 'NY' },
  local: { timeZone: undefined, suffix: '' },
  utc: { timeZone: 'UTC', suffix: 'UTC' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: ClockZone, millis: boolean): Intl.DateTimeFormat {
  const key = `${zone}:${millis ? 'ms' : 's'}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONES[zone].timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(millis ? { fractionalSecondDigits: 3 } : {}),
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** "HH:MM:SS" (24-hour), or "HH:MM:SS.mmm" with `millis`, in the zone the setting names. */
export function formatClockTime(epochMs: number, zone: ClockZone, millis = false): string {
  const parts = formatter(zone, millis).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  const time = `${part('hour')}:${part('minute')}:${part('second')}`;
  return millis ? `${time}.${part('fractionalSecond')}` : time;
}

/** "NY", "UTC", or "" for local time. */
export function clockSuffix(zone: ClockZone): string {
  return ZONES[zone].suffix;
}

/** The IANA zone behind the setting, for tooltips ("local" resolves to the machine's zone). */
export function clockTimeZone(zone: ClockZone): string {
  return ZONES[zone].timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
