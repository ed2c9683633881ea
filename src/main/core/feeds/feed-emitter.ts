import type { FeedEvent } from '../ports/market-feed';

/** The listener set behind `MarketFeed.onEvent`. A listener that throws does not stop the others. */
export class FeedEmitter {
  private readonly listeners = new Set<(event: FeedEvent) => void>();

  on(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: FeedEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken consumer must not stall the feed for everyone else; consumers log their own errors.
      }
    }
  }
}
