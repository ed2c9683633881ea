import type { NewsItem } from '@shared/dto/news';
import type { ClockZone } from '@shared/dto/settings';
import { clockTimeZone } from '../../ui/time-format';
import { isSimulated } from '../chart/simulated';

/** What the panel asks for: the chart symbol's news, or general market news for a simulated symbol. */
export interface NewsSubject {
  symbol: string | undefined;
  /** Shown above the list when the headlines are not about the charted symbol. */
  note: string | null;
}

export function newsSubject(chartSymbol: string): NewsSubject {
  if (isSimulated(chartSymbol)) {
    return { symbol: undefined, note: `${chartSymbol} is simulated and has no news; showing market headlines.` };
  }
  return { symbol: chartSymbol, note: null };
}

/**
 * The link a headline may open, or null. The engine already drops anything else; checked again
 * here because an `href` is where a bad URL would do harm (the shell opens only https, externally).
 */
export function newsHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}

const formatters = new Map<ClockZone, Intl.DateTimeFormat>();

function formatter(zone: ClockZone): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-GB', { timeZone: clockTimeZone(zone), day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, cached);
  }
  return cached;
}

/** "05 Jan 10:30" in the clock zone: headlines can be days old, so the date shows. */
export function formatNewsTime(epochMs: number, zone: ClockZone): string {
  const parts = formatter(zone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** Headlines the panel can show: only those with a link it may open, newest first. */
export function visibleNews(items: readonly NewsItem[]): NewsItem[] {
  return items.filter((item) => newsHref(item.url) !== null).sort((a, b) => b.publishedAt - a.publishedAt);
}
