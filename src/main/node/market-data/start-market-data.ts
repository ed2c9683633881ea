import type BetterSqlite3 from 'better-sqlite3';
import type { DomainHandlers } from '../../core/api/handlers';
import type { EventHub } from '../../core/events/event-hub';
import type { FeedStatusBoard } from '../../core/feed/feed-status-board';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import type { Scheduler } from '../../core/ports/scheduler';
import type { InstrumentStore } from '../../core/ports/bar-store';
import type { FeedEvent, MarketFeed } from '../../core/ports/market-feed';
import { seededRandom } from '../../core/ports/random';
import { TradeAggregator } from '../../core/market-data/aggregation';
import { tradingDayOf } from '../../core/market-data/calendar';
import { barHandlers } from '../../core/market-data/bar-handlers';
import { LatestMarket } from '../../core/market-data/latest-market';
import { MarketDataService } from '../../core/market-data/market-data-service';
import { indicatorHandlers } from '../../core/indicators/indicator-handlers';
import { RoutingFeed, SIM_INSTRUMENTS, SIM_PARAMS, SimulatorFeed, type FeedRoute } from '../../core/feeds';
import { ReplayController } from '../../core/feeds/replay/replay-controller';
import { replayHandlers, type ReplayMethods } from '../../core/feeds/replay/replay-controller-handlers';
import type { SettingsService } from '../../core/settings/settings-service';
import type { Settings } from '@shared/dto/settings';
import { PolygonFeed } from '../adapters/polygon/ws-client';
import { polygonApiKeyFrom, polygonConfigFrom } from '../adapters/polygon/config';
import { importHandlers } from '../import/import-handlers';
import { SqliteBarStore } from '../store/sqlite-bar-store';
import { prepareSimulatedHistory } from './simulated-history';
import { polygonAccessFrom, referenceHandlers, type ReferenceMethods } from './reference-handlers';

export type MarketDataMethods =
  | 'md.instruments.search'
  | 'md.bars'
  | 'md.indicators'
  | 'md.tickers'
  | 'md.import.begin'
  | 'md.import.chunk'
  | 'md.import.preview'
  | 'md.import.commit'
  | ReplayMethods
  | ReferenceMethods;

export interface MarketDataOptions {
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  hub: EventHub;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  feedStatus: FeedStatusBoard;
  /**
   * 'live': the simulator for SIM: symbols, plus Polygon for real tickers when POLYGON_API_KEY
   * is set; 'none': no feed (tests and one-shot CLI engines).
   */
  feed: 'live' | 'none';
  settings: SettingsService;
  env: NodeJS.ProcessEnv;
  /** Seed for the simulator; fixed in tests, fresh per start otherwise. */
  seed: number;
}

export interface MarketData {
  handlers: DomainHandlers<MarketDataMethods>;
  /** Instruments known to the store (simulated, imported, fetched). */
  instruments: InstrumentStore;
  /** Every event of the live feed (none when the feed is off): the paper broker fills on them. */
  onFeedEvent(listener: (event: FeedEvent) => void): () => void;
  /**
   * Routes real (non-simulated) symbols to another live feed (Alpaca's data stream) while it
   * is attached; the returned function detaches and stops it. A no-op without a live feed.
   */
  attachFeed(feed: MarketFeed): () => Promise<void>;
  /** The last price the watchlist shows (live, else the last stored bar's close) and its time; null when none. */
  lastPrice(symbol: string): { price: number; time: number } | null;
  /** Shows the live feed's latest bar, trade and quote of every symbol (see LatestMarket). */
  replayLatest(see: (event: FeedEvent) => void): void;
  /**
   * Streams these symbols too, watched or not: those with working orders or open positions,
   * which need prices to fill and to be marked. Replaces the previous set.
   */
  watchInPlay(symbols: readonly string[]): void;
  stop(): Promise<void>;
}

/** Composes the market-data path: store, feed, live service, import and the md.* handlers. */
export async function startMarketData(options: MarketDataOptions): Promise<MarketData> {
  const { sqlite, hub, clock, scheduler, logger } = options;
  const store = new SqliteBarStore(sqlite);
  store.upsertInstruments(SIM_INSTRUMENTS);

  let service: MarketDataService | null = null;
  let replay: ReplayController | null = null;
  let liveFeed: RoutingFeed | null = null;
  const latest = new LatestMarket();
  let stopWatching = (): void => {};
  let inPlay: readonly string[] = [];
  if (options.feed === 'live') {
    const random = seededRandom(options.seed);
    const started = clock.now();
    const history = prepareSimulatedHistory({ store, instruments: SIM_PARAMS, random, now: started });
    logger.info('Simulated market ready', { bars: history.written, ms: clock.now() - started });
    const simulator = new SimulatorFeed({ clock, scheduler, random, instruments: SIM_PARAMS, state: history.state });
    const routes: FeedRoute[] = [{ feed: simulator, serves: (symbol) => symbol.startsWith('SIM:') }];
    const apiKey = polygonApiKeyFrom(options.env);
    if (apiKey) {
      const config = polygonConfigFrom(options.settings.get().polygon, options.env);
      routes.push({ feed: new PolygonFeed({ config, apiKey, clock, scheduler, logger: logger.child('polygon') }), serves: () => true });
      logger.info('Polygon streams enabled for real symbols', { restUrl: config.restUrl });
    }
    const feed = new RoutingFeed(routes);
    liveFeed = feed;
    // Before the feed starts: the simulator quotes every watched symbol as it starts.
    feed.onEvent((event) => latest.record(event));
    const replays = new ReplayController({
      clock,
      scheduler,
      store,
      instruments: store,
      router: feed,
      publish: (status) => hub.publish('md.replay.status', status),
    });
    replay = replays;
    const live = new MarketDataService({
      feed,
      store,
      hub,
      clock,
      scheduler,
      logger: logger.child('market-data'),
      feedStatus: options.feedStatus,
      tradingDayOf,
      replaying: (symbol) => replays.clipTime(symbol) !== null,
      createAggregator: (onFinal) =>
        new TradeAggregator({
          timeframes: ['1s', '1m', '5m', '15m', '1h', '1d'],
          onBar: (symbol, timeframe, bar, final) => {
            if (final) onFinal(symbol, timeframe, bar);
          },
        }),
    });
    service = live;
    await live.start(watchedSymbols(options.settings.get(), inPlay));
    stopWatching = hub.subscribe('settings.changed', (settings) => live.watch(watchedSymbols(settings, inPlay)));
  }

  const tickers: DomainHandlers<'md.tickers'> = service?.handlers() ?? { 'md.tickers': () => [] };
  // While a symbol is replayed, its history ends at the replay clock.
  const clip = (symbol: string): number | null => replay?.clipTime(symbol) ?? null;
  return {
    instruments: store,
    onFeedEvent: (listener) => liveFeed?.onEvent(listener) ?? (() => {}),
    lastPrice(symbol) {
      const ticker = service?.lastKnown(symbol) ?? null;
      return ticker ? { price: ticker.last, time: ticker.time } : null;
    },
    replayLatest: (see) => latest.replay(see),
    watchInPlay(symbols) {
      if (sameSymbols(symbols, inPlay)) return;
      inPlay = [...symbols];
      service?.watch(watchedSymbols(options.settings.get(), inPlay));
    },
    attachFeed(feed) {
      const routing = liveFeed;
      if (!routing) return () => Promise.resolve();
      routing.addRoute({ feed, serves: (symbol) => !symbol.startsWith('SIM:') });
      void feed.start().catch((error: unknown) => logger.warn('A market feed failed to start', { source: feed.source, error: String(error) }));
      return async () => {
        routing.removeRoute(feed);
        await feed.stop();
      };
    },
    handlers: {
      ...barHandlers(store, clip),
      ...indicatorHandlers(store, clip),
      ...replayHandlers(replay),
      ...tickers,
      ...referenceHandlers({
        store,
        polygon: polygonAccessFrom(() => options.settings.get().polygon, options.env, logger.child('polygon-reference')),
        clock,
        logger: logger.child('reference'),
      }),
      ...importHandlers({
        store,
        dataDir: options.dataDir,
        clock,
        logger: logger.child('import'),
        publishProgress: (progress) => hub.publish('md.import.progress', progress),
      }),
    },
    async stop() {
      stopWatching();
      replay?.stop();
      await service?.stop();
    },
  };
}

/** Every simulated instrument, the watchlist, the chart's symbol and the symbols in play stream live. */
function watchedSymbols(settings: Settings, inPlay: readonly string[]): string[] {
  return [...new Set([...SIM_PARAMS.map((instrument) => instrument.symbol), ...settings.watchlist, settings.chart.symbol, ...inPlay])];
}

function sameSymbols(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const known = new Set(b);
  return a.every((symbol) => known.has(symbol));
}
