import type { PortfolioSnapshot } from '@shared/dto/trading';
import type { EventHub } from '../../core/events/event-hub';

/**
 * `portfolio.update` at most once per tick, and only when fills or marks changed the books:
 * a fast feed moves marks hundreds of times a second; the UI needs a few updates.
 */
export class PortfolioPublisher {
  private dirty = true;

  constructor(private readonly hub: EventHub) {}

  markDirty(): void {
    this.dirty = true;
  }

  publishIfDirty(snapshot: () => PortfolioSnapshot): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.hub.publish('portfolio.update', snapshot());
  }
}
