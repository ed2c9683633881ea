import type { Decimal } from '@shared/money/decimal';
import type { FeedEvent } from '../../ports/market-feed';
import type { PaperBroker } from '../paper/paper-broker';
import type { MarkBoard } from './mark-board';
import type { OrderManager } from './order-manager';

export interface MarketEventParts {
  marks: MarkBoard;
  manager: OrderManager;
  paper: PaperBroker;
  /** The symbol's tick, for marks as prices. */
  tickOf: (symbol: string) => Decimal;
}

/**
 * One market event through the books, as trading does it live and a parity test replays it:
 * the last price into the marks (and the held position's mark), then the paper broker's
 * matching inside the order manager's unit. Returns true when a position was re-marked.
 */
export function workMarketEvent(event: FeedEvent, { marks, manager, paper, tickOf }: MarketEventParts): boolean {
  if (marketSymbol(event) === null) return false;
  let marked = false;
  const last = lastPriceOf(event);
  if (last !== null) {
    marks.update(last.symbol, last.price, last.time);
    const price = marks.price(last.symbol, tickOf(last.symbol));
    if (price && manager.books.ledger.position(last.symbol)) {
      manager.books.ledger.mark(last.symbol, price, last.time);
      marked = true;
    }
  }
  manager.onMarket(() => paper.onMarket(event));
  return marked;
}

/** The event's symbol and last price (a quote's mid), or null for a status event. */
export function lastPriceOf(event: FeedEvent): { symbol: string; price: number; time: number } | null {
  const symbol = marketSymbol(event);
  const last = lastPrice(event);
  return symbol === null || last === null ? null : { symbol, ...last };
}

function marketSymbol(event: FeedEvent): string | null {
  switch (event.type) {
    case 'trade':
      return event.trade.symbol;
    case 'quote':
      return event.quote.symbol;
    case 'bar':
      return event.symbol;
    case 'status':
      return null;
  }
}

function lastPrice(event: FeedEvent): { price: number; time: number } | null {
  switch (event.type) {
    case 'trade':
      return { price: event.trade.price, time: event.trade.time };
    case 'quote':
      return { price: (event.quote.bidPrice + event.quote.askPrice) / 2, time: event.quote.time };
    case 'bar':
      return { price: event.bar.close, time: event.bar.time };
    case 'status':
      return null;
  }
}
