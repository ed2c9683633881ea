import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/dto/market-data';
import { PolygonConfigError } from '../adapters/polygon/config';
import { PolygonApiError } from '../adapters/polygon/errors';
import { mergeInstruments, parseNewsResults, polygonUnavailable, refreshedInstrument } from './polygon-reference';

const story = (overrides: Record<string, unknown>) => ({
  id: 'a1',
  publisher: { name: 'Example Wire', homepage_url: 'https://news.example/' },
  title: 'Apple ships a thing',
  author: 'A. Writer',
  published_utc: '2026-01-05T15:00:00Z',
  article_url: 'https://news.example/a1',
  tickers: ['AAPL'],
  description: '  Apple shipped it.  ',
  ...overrides,
});

const instrument = (symbol: string, overrides: Partial<Instrument> = {}): Instrument => ({
  symbol,
  name: symbol,
  assetClass: 'stock',
  exchange: 'XNAS',
  currency: 'USD',
  tickSize: '0.01',
  lotSize: '1',
  active: true,
  ...overrides,
});

describe('parseNewsResults', () => {
  it('reads Polygon news into NewsItems with epoch ms and a trimmed summary', () => {
    expect(parseNewsResults({ results: [story({})], status: 'OK' })).toEqual([
      {
        id: 'a1',
        publishedAt: Date.UTC(2026, 0, 5, 15, 0),
        title: 'Apple ships a thing',
        publisher: 'Example Wire',
        url: 'https://news.example/a1',
        tickers: ['AAPL'],
        summary: 'Apple shipped it.',
      },
    ]);
  });

  it('drops stories whose link is not https, and ones without id, title or time', () => {
    const results = [
      story({ id: 'http', article_url: 'http://news.example/x' }),
      story({ id: 'js', article_url: 'javascript:alert(1)' }),
      story({ id: 'data', article_url: 'data:text/html,hi' }),
      story({ id: 'broken', article_url: 'not a url' }),
      story({ id: undefined }),
      story({ id: 'untitled', title: '   ' }),
      story({ id: 'undated', published_utc: 'yesterday' }),
      story({ id: 'kept' }),
    ];
    expect(parseNewsResults({ results }).map((n) => n.id)).toEqual(['kept']);
  });

  it('fills in a missing publisher and summary, and keeps only string tickers', () => {
    const [item] = parseNewsResults({ results: [story({ publisher: null, description: '', tickers: ['AAPL', 7, null, 'MSFT'] })] });
    expect(item).toMatchObject({ publisher: 'Unknown publisher', summary: null, tickers: ['AAPL', 'MSFT'] });
  });

  it('reads an answer without results as no news', () => {
    expect(parseNewsResults({ status: 'OK', count: 0 })).toEqual([]);
  });
});

describe('refreshedInstrument', () => {
  it("keeps a locally known tick and lot size but takes Polygon's name and status", () => {
    const known = instrument('BTCX', { name: 'old', tickSize: '0.05', lotSize: '100' });
    const fetched = instrument('BTCX', { name: 'Fresh Name Inc.', exchange: 'XNYS', active: false });
    expect(refreshedInstrument(known, fetched)).toEqual({ ...fetched, tickSize: '0.05', lotSize: '100' });
    expect(refreshedInstrument(null, fetched)).toBe(fetched);
  });
});

describe('mergeInstruments', () => {
  it('puts the exact symbol first, then prefixes, without duplicates, up to the limit', () => {
    const local = [instrument('SIM:AAPL'), instrument('APLE')];
    const remote = [instrument('APLE'), instrument('AAPLX'), instrument('AAPL'), instrument('PINEAPPLE')];
    expect(mergeInstruments('aapl', local, remote, 10).map((i) => i.symbol)).toEqual(['SIM:AAPL', 'AAPL', 'AAPLX', 'APLE', 'PINEAPPLE']);
    expect(mergeInstruments('aapl', local, remote, 2).map((i) => i.symbol)).toEqual(['SIM:AAPL', 'AAPL']);
  });
});

describe('polygonUnavailable', () => {
  it('turns Polygon and config failures into UNAVAILABLE without the key', () => {
    const error = polygonUnavailable(new PolygonApiError('network', 'Polygon is unreachable: fetch https://x/?apiKey=s3cret failed'), 'News', 's3cret');
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'News is unavailable: Polygon is unreachable: fetch https://x/?apiKey=[key] failed' });
    expect(polygonUnavailable(new PolygonConfigError('polygon.restUrl is not a URL: "x"'), 'News', null)?.code).toBe('UNAVAILABLE');
  });

  it('leaves other failures alone (they are bugs, reported as INTERNAL)', () => {
    expect(polygonUnavailable(new TypeError('oops'), 'News', 'k')).toBeNull();
  });
});
