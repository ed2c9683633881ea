import type BetterSqlite3 from 'better-sqlite3';
import type { DomainHandlers } from '../../core/api/handlers';
import type { EventHub } from '../../core/events/event-hub';
import type { FeedStatusBoard } from '../../core/feed/feed-status-board';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import type { Scheduler } from '../../core/ports/scheduler';
import { seededRandom } from '../../core/ports/random';
import { TradeAggregator } from '../../core/market-data/aggregation';
import { tradingDayOf } from '../../core/market-data/calendar';
import { barHandlers } from '../../core/market-data/bar-handlers';
import { MarketDataService } from '../../core/market-data/market-data-service';
import { indicatorHandlers } from '../../core/indicators/indicator-handlers';
import { SIM_INSTRUMENTS, SIM_PARAMS, SimulatorFeed } from '../../core/feeds';
import { importHandlers } from '../import/import-handlers';
import { SqliteBarStore } from '../store/sqlite-bar-store';
import { prepareSimulatedHistory } from './simulated-history';

export type MarketDataMethods =
  | 'md.instruments.search'
  | 'md.bars'
  | 'md.indicators'
  | 'md.tickers'
  | 'md.import.begin'
  | 'md.import.chunk'
  | 'md.import.preview'
  | 'md.import.commit';

export interface MarketDataOptions {
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  hub: EventHub;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  feedStatus: FeedStatusBoard;
  /** 'simulator' (the embedded default) or 'none' (tests that need a quiet engine). */
  feed: 'simulator' | 'none';
  /** Seed for the simulator; fixed in tests, fresh per start otherwise. */
  seed: number;
}

export interface MarketData {
  handlers: DomainHandlers<MarketDataMethods>;
  stop(): Promise<void>;
}

/** Composes the market-data path: store, feed, live service, import and the md.* handlers. */
export async function startMarketData(options: MarketDataOptions): Promise<MarketData> {
  const { sqlite, hub, clock, scheduler, logger } = options;
  const store = new SqliteBarStore(sqlite);
  store.upsertInstruments(SIM_INSTRUMENTS);

  let service: MarketDataService | null = null;
  if (options.feed === 'simulator') {
    const random = seededRandom(options.seed);
    const started = clock.now();
    const history = prepareSimulatedHistory({ store, instruments: SIM_PARAMS, random, now: started });
    logger.info('Simulated market ready', { bars: history.written, ms: clock.now() - started });
    const feed = new SimulatorFeed({ clock, scheduler, random, instruments: SIM_PARAMS, state: history.state });
    service = new MarketDataService({
      feed,
      store,
      hub,
      clock,
      scheduler,
      logger: logger.child('market-data'),
      feedStatus: options.feedStatus,
      tradingDayOf,
      createAggregator: (onFinal) =>
        new TradeAggregator({
          timeframes: ['1s', '1m', '5m', '15m', '1h', '1d'],
          onBar: (symbol, timeframe, bar, final) => {
            if (final) onFinal(symbol, timeframe, bar);
          },
        }),
    });
    await service.start(SIM_PARAMS.map((instrument) => instrument.symbol));
  }

  const tickers: DomainHandlers<'md.tickers'> = service?.handlers() ?? { 'md.tickers': () => [] };
  return {
    handlers: {
      ...barHandlers(store),
      ...indicatorHandlers(store),
      ...tickers,
      ...importHandlers({
        store,
        dataDir: options.dataDir,
        clock,
        logger: logger.child('import'),
        publishProgress: (progress) => hub.publish('md.import.progress', progress),
      }),
    },
    async stop() {
      await service?.stop();
    },
  };
}
