import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import { useChartSettings } from '../chart/use-chart-settings';
import { newsSubject, visibleNews } from './news-view';
import { NewsRow } from './NewsRow';
import { useNews } from './use-news';
import './news.css';

/** Headlines about the charted symbol from Polygon; explains how to enable them without a key. */
export function NewsPanel(): ReactElement {
  const { symbol: charted } = useChartSettings();
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const subject = newsSubject(charted);
  const news = useNews(subject.symbol);
  const items = visibleNews(news.result?.items ?? []);

  return (
    <section className="news-panel" data-testid="news-panel" data-status={news.result?.available === false ? 'unavailable' : news.status} aria-label="News">
      <h2 className="panel-title">News{subject.symbol === undefined ? '' : ` · ${subject.symbol}`}</h2>
      <div className="news-body">
        {news.result?.available === false ? (
          <EmptyState title="News is off">
            {news.result.reason ?? 'Set POLYGON_API_KEY in the environment before starting Kestrel to see headlines here.'}
          </EmptyState>
        ) : (
          <>
            {subject.note !== null && <p className="news-note">{subject.note}</p>}
            {news.error !== null && (
              <p className="news-error" role="status">
                {news.error}
              </p>
            )}
            {news.status === 'loading' && <p className="news-note">Loading headlines…</p>}
            {news.status !== 'loading' && items.length === 0 && news.error === null && <p className="news-note">No recent headlines.</p>}
            {items.length > 0 && (
              <ul className="news-list">
                {items.map((item) => (
                  <NewsRow key={item.id} item={item} zone={zone} />
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
