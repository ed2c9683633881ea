import { memo, type ReactElement } from 'react';
import type { NewsItem } from '@shared/dto/news';
import type { ClockZone } from '@shared/dto/settings';
import { formatNewsTime, newsHref } from './news-view';

/**
 * One headline: time, publisher and the title as a link. target="_blank" makes the Electron
 * shell hand the https URL to the system browser (it never navigates the app); in serve mode
 * it is an ordinary new tab. noopener noreferrer: the article gets no handle on Kestrel's page.
 */
export const NewsRow = memo(function NewsRow({ item, zone }: { item: NewsItem; zone: ClockZone }): ReactElement | null {
  const href = newsHref(item.url);
  if (href === null) return null;
  return (
    <li className="news-item" data-testid="news-item" data-id={item.id}>
      <div className="news-meta">
        <time dateTime={new Date(item.publishedAt).toISOString()}>{formatNewsTime(item.publishedAt, zone)}</time>
        <span className="news-publisher">{item.publisher}</span>
      </div>
      <a className="news-title" href={href} target="_blank" rel="noopener noreferrer" title={item.summary ?? item.title}>
        {item.title}
      </a>
    </li>
  );
});
