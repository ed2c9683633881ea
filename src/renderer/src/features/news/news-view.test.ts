import { describe, expect, it } from 'vitest';
import type { NewsItem } from '@shared/dto/news';
import { formatNewsTime, newsHref, newsSubject, visibleNews } from './news-view';

const item = (id: string, publishedAt: number, url = `https://news.example/${id}`): NewsItem => ({
  id,
  publishedAt,
  title: id,
  publisher: 'Example Wire',
  url,
  tickers: [],
  summary: null,
});

describe('news view', () => {
  it("asks for the chart symbol's news, and market news (with a note) for a simulated symbol", () => {
    expect(newsSubject('AAPL')).toEqual({ symbol: 'AAPL', note: null });
    expect(newsSubject('SIM:AAPL')).toEqual({ symbol: undefined, note: 'SIM:AAPL is simulated and has no news; showing market headlines.' });
  });

  it('opens only plain https links', () => {
    expect(newsHref('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(newsHref('http://news.example/a')).toBeNull();
    expect(newsHref('javascript:alert(1)')).toBeNull();
    expect(newsHref('https://user:pw@news.example/')).toBeNull();
    expect(newsHref('not a url')).toBeNull();
  });

  it('formats the time with the date, in the chosen clock zone', () => {
    const t = Date.UTC(2026, 0, 5, 15, 30);
    expect(formatNewsTime(t, 'utc')).toBe('05 Jan 15:30');
    expect(formatNewsTime(t, 'exchange')).toBe('05 Jan 10:30');
  });

  it('shows headlines newest first, leaving out links it may not open', () => {
    const items = [item('old', 1_000), item('bad', 3_000, 'http://x.example/'), item('new', 2_000)];
    expect(visibleNews(items).map((n) => n.id)).toEqual(['new', 'old']);
  });
});
