import type { FeedEvent } from '../ports/market-feed';

type MarketEvent = Exclude<FeedEvent, { type: 'status' }>;

interface Latest {
  bar?: MarketEvent;
  trade?: MarketEvent;
  quote?: MarketEvent;
}

/**
 * The last bar, trade and quote per symbol that the live feed showed. A broker built after the
 * feed started (the paper broker at start-up, or again after a real broker is disconnected)
 * is shown them first, so it trades on the current market instead of waiting for the next print.
 */
export class LatestMarket {
  private readonly bySymbol = new Map<string, Latest>();

  record(event: FeedEvent): void {
    switch (event.type) {
      case 'trade':
        this.latestOf(event.trade.symbol).trade = event;
        return;
      case 'quote':
        this.latestOf(event.quote.symbol).quote = event;
        return;
      case 'bar':
        this.latestOf(event.symbol).bar = event;
        return;
      case 'status':
        return;
    }
  }

  /** Shows every symbol's latest events, each symbol's oldest first. */
  replay(see: (event: FeedEvent) => void): void {
    for (const latest of this.bySymbol.values()) {
      const events = [latest.bar, latest.trade, latest.quote].filter((event) => event !== undefined);
      events.sort((a, b) => timeOf(a) - timeOf(b));
      for (const event of events) see(event);
    }
  }

  private latestOf(symbol: string): Latest {
    let latest = this.bySymbol.get(symbol);
    if (!latest) {
      latest = {};
      this.bySymbol.set(symbol, latest);
    }
    return latest;
  }
}

function timeOf(event: MarketEvent): number {
  return event.type === 'trade' ? event.trade.time : event.type === 'quote' ? event.quote.time : event.bar.time;
}
