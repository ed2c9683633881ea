import type { Ledger } from '../portfolio/ledger';
import type { TradingBook } from './trading-book';

/** Symbols the books have a stake in: working orders need prices to fill, positions to be marked. */
export function symbolsInPlay({ book, ledger }: { book: TradingBook; ledger: Ledger }): string[] {
  const symbols = new Set(ledger.openPositionSymbols());
  for (const order of book.open()) symbols.add(order.symbol);
  return [...symbols].sort();
}
