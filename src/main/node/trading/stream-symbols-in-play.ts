import type { EventHub } from '../../core/events/event-hub';
import { symbolsInPlay } from '../../core/trading/execution/symbols-in-play';
import type { TradingSwitch } from '../broker/trading-switch';
import type { MarketData } from '../market-data/start-market-data';

/**
 * Keeps the symbols of working orders and open positions streaming, watched or not. Checked
 * after each order update and broker switch, a microtask later: a feed may answer a
 * subscription at once, and that must not re-enter the order manager's unit of work.
 */
export function streamSymbolsInPlay(hub: EventHub, trading: TradingSwitch, marketData: MarketData): () => Promise<void> {
  let queued = false;
  let stopped = false;
  const update = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!stopped) marketData.watchInPlay(symbolsInPlay(trading.trading.manager.books));
    });
  };
  update();
  const stops = [hub.subscribe('orders.update', update), hub.subscribe('broker.status', update)];
  return () => {
    stopped = true;
    for (const stop of stops) stop();
    return Promise.resolve();
  };
}
