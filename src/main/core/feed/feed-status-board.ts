import type { FeedStatus } from '@shared/dto/system';
import type { Clock } from '../ports/clock';
import type { EventHub } from '../events/event-hub';
import type { DomainHandlers } from '../api/handlers';

/** The current market-data feed's status, as the header shows it. */
export class FeedStatusBoard {
  private status: FeedStatus;

  constructor(
    private readonly hub: EventHub,
    private readonly clock: Clock,
  ) {
    this.status = { source: 'none', state: 'idle', label: 'No feed', since: clock.now() };
  }

  get(): FeedStatus {
    return this.status;
  }

  set(next: Omit<FeedStatus, 'since'>): void {
    this.status = { ...next, since: this.clock.now() };
    this.hub.publish('feed.status', this.status);
  }

  handlers(): DomainHandlers<'feed.status'> {
    return { 'feed.status': () => this.status };
  }
}
