import type { ReactElement } from 'react';
import { useConnection } from '../../app/app-context';

export function FeedStatusLabel(): ReactElement {
  const feed = useConnection((s) => s.feed);
  return (
    <span
      className="status-item"
      data-testid="feed-status"
      data-state={feed?.state ?? 'unknown'}
      title={feed ? `Market data: ${feed.source}, ${feed.state} since ${new Date(feed.since).toLocaleString()}` : 'Market data'}
    >
      <span className="status-dot" aria-hidden="true" />
      {feed?.label ?? 'Feed —'}
    </span>
  );
}
