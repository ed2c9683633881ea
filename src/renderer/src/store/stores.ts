import { createConnectionStore, type ConnectionStore } from './connection/connection-store';
import { createLogStore, type LogStore } from './log/log-store';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';
import { createTickerStore, type TickerStore } from './market/ticker-store';
import { createTradingStore, type TradingStore } from './trading/trading-store';
import { createBacktestStore, type BacktestStore } from './backtest/backtest-store';
import { createBrokerStore, type BrokerStore } from './broker/broker-store';
import type { EngineClient } from './engine-client';

export interface Stores {
  connection: ConnectionStore;
  settings: SettingsStore;
  log: LogStore;
  tickers: TickerStore;
  trading: TradingStore;
  backtest: BacktestStore;
  broker: BrokerStore;
}

export function createStores(client: EngineClient): Stores {
  return {
    connection: createConnectionStore(client),
    settings: createSettingsStore(client),
    log: createLogStore(client),
    tickers: createTickerStore(client),
    trading: createTradingStore(client),
    backtest: createBacktestStore(client),
    broker: createBrokerStore(client),
  };
}

/**
 * Feeds the stores from the engine: pushed topics go straight in, and every time the
 * transport (re)opens, info, feed, settings, log, tickers, the trading books and the broker are fetched
 * again (the client renews the topic subscriptions itself). Returns a function that detaches
 * everything.
 */
export function attachStores(client: EngineClient, stores: Stores): () => void {
  const detach = [
    client.subscribe('feed.status', (feed) => stores.connection.getState().setFeed(feed)),
    client.subscribe('settings.changed', (settings) => stores.settings.getState().receive(settings)),
    client.subscribe('log.entry', (entry) => stores.log.getState().append(entry)),
    client.subscribe('md.ticker', (ticker) => stores.tickers.getState().receive(ticker)),
    client.subscribe('orders.update', (order) => stores.trading.getState().receiveOrder(order)),
    client.subscribe('orders.fill', (fill) => stores.trading.getState().receiveFill(fill)),
    client.subscribe('portfolio.update', (snapshot) => stores.trading.getState().receivePortfolio(snapshot)),
    client.subscribe('risk.status', (status) => stores.trading.getState().receiveRisk(status)),
    client.subscribe('backtest.sweep.progress', (progress) => stores.backtest.getState().receiveSweepProgress(progress)),
    client.subscribe('broker.status', (status) => stores.broker.getState().receiveStatus(status)),
    client.subscribe('broker.reconciliation', (report) => stores.broker.getState().receiveReconciliation(report)),
    client.onState((state) => {
      stores.connection.getState().setTransport(state);
      if (state === 'open') reloadAll(stores);
    }),
  ];
  return () => {
    for (const off of detach) off();
  };
}

function reloadAll(stores: Stores): void {
  void stores.connection.getState().load();
  void stores.settings.getState().load();
  void stores.log.getState().load();
  void stores.tickers.getState().load();
  void stores.trading.getState().load();
  void stores.backtest.getState().load();
  void stores.broker.getState().load();
}
