import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerMessage } from '@shared/contract/envelope';
import type { Payload, TopicName } from '@shared/contract/events';
import { PROTOCOL_VERSION } from '@shared/contract/version';
import type { LogLevel } from '@shared/dto/log';
import type { EngineInfo, HostKind } from '@shared/dto/system';
import type { Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';
import type { Handlers } from '../core/api/handlers';
import { Router } from '../core/api/router';
import { Session } from '../core/api/session';
import { EventHub } from '../core/events/event-hub';
import { LogBuffer } from '../core/log/log-buffer';
import { logHandlers } from '../core/log/log-handlers';
import { SettingsService } from '../core/settings/settings-service';
import { settingsHandlers } from '../core/settings/settings-handlers';
import { systemHandlers } from '../core/system/system-handlers';
import { FeedStatusBoard } from '../core/feed/feed-status-board';
import { acquireEngineLock } from './data-dir/engine-record';
import { createLogger, type LogSink } from './logging/engine-logger';
import { fileSink, stderrSink } from './logging/sinks';
import { openSqliteStore } from './store/database';
import { migrateToLatest } from './store/migrate';
import { SqliteSettingsRepository } from './store/sqlite-settings-repository';
import { systemClock } from './system-clock';
import { systemScheduler } from './system-scheduler';
import type { Scheduler } from '../core/ports/scheduler';
import { randomInt } from 'node:crypto';
import { startMarketData } from './market-data/start-market-data';
import { startTrading } from './trading/start-trading';
import { startBacktests } from './backtest/start-backtests';
import { BrokerService } from './broker/broker-service';
import { brokerHandlers } from './broker/broker-handlers';
import { startAlpacaStack } from './broker/alpaca-stack';
import { TradingSwitch } from './broker/trading-switch';
import { streamSymbolsInPlay } from './trading/stream-symbols-in-play';
import { EncryptedFileVault } from './secrets/encrypted-file-vault';
import type { SecretVault } from './secrets/secret-vault';

/** How old a stored bar's close may be to value an order before live data (see lastKnownPrice below). */
const FRESH_STORED_PRICE_MS = 24 * 60 * 60 * 1000;

export interface EngineOptions {
  dataDir: string;
  host: HostKind;
  version: string;
  clock?: Clock;
  /** Threshold for the stderr log (the UI buffer and the file always get info and up). */
  stderrLevel?: LogLevel | 'silent';
  /** better-sqlite3 compiled for another runtime (Electron), when not the one in node_modules. */
  sqliteNativeBinding?: string;
  /** Live market data (the simulator, plus Polygon with a key) by default; 'none' for a quiet engine. */
  feed?: 'live' | 'none';
  /** Simulator seed; a fresh one per start unless given. */
  seed?: number;
  scheduler?: Scheduler;
  /** Where broker keys are kept: Electron's safe storage on desktop, an encrypted file otherwise. */
  vault?: SecretVault;
  /** Environment for keys and endpoint overrides (process.env unless given). */
  env?: NodeJS.ProcessEnv;
}

export interface Engine {
  /** As of now: its trading mode follows the broker in use. */
  readonly info: EngineInfo;
  readonly logger: Logger;
  publish<T extends TopicName>(topic: T, payload: Payload<T>): void;
  /** A client connection on any transport; `send` receives that client's events. */
  openSession(label: string, send: (message: ServerMessage) => void): Session;
  /** Records where the engine listens, so CLI commands can reach it (serve mode). */
  advertise(endpoint: { url: string; token: string }): Promise<void>;
  close(): Promise<void>;
}

export type { Session };

/**
 * The composition root: data directory, database, services and the contract's handlers.
 * Plain Node; the Electron shell and headless `serve` both start the engine through here.
 */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const dataDir = options.dataDir;
  await mkdir(dataDir, { recursive: true });

  const hub = new EventHub();
  const buffer = new LogBuffer();
  const file = fileSink(join(dataDir, 'logs', 'engine.log'));
  const sinks: LogSink[] = [(entry) => buffer.push(entry), (entry) => hub.publish('log.entry', entry), file.sink];
  const stderrLevel = options.stderrLevel ?? 'info';
  if (stderrLevel !== 'silent') sinks.push(stderrSink(stderrLevel));
  const logger = createLogger({ clock, sinks, scope: 'engine' });

  const cleanups: (() => Promise<void>)[] = [() => file.close()];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  };

  try {
    const startedAt = clock.now();
    const heldLock = await acquireEngineLock(dataDir, { pid: process.pid, host: options.host, version: options.version, startedAt });
    cleanups.push(() => heldLock.release());

    const store = openSqliteStore(join(dataDir, 'kestrel.db'), { nativeBinding: options.sqliteNativeBinding });
    cleanups.push(() => store.close());
    const migrations = await migrateToLatest(store.db);
    if (migrations.newlyApplied.length > 0) {
      logger.info('Database migrated', { applied: migrations.newlyApplied.join(',') });
    }

    const settings = new SettingsService(new SqliteSettingsRepository(store.db), hub, clock, logger.child('settings'));
    await settings.load();
    const feed = new FeedStatusBoard(hub, clock);
    const marketData = await startMarketData({
      sqlite: store.sqlite,
      dataDir,
      hub,
      clock,
      scheduler: options.scheduler ?? systemScheduler,
      logger,
      feedStatus: feed,
      feed: options.feed ?? 'live',
      settings,
      env,
      seed: options.seed ?? randomInt(2 ** 31),
    });
    cleanups.push(() => marketData.stop());
    const tradingOptions = {
      hub,
      clock,
      scheduler: options.scheduler ?? systemScheduler,
      logger,
      settings,
      instruments: marketData.instruments,
      onFeedEvent: (listener: Parameters<typeof marketData.onFeedEvent>[0]) => marketData.onFeedEvent(listener),
      // The watchlist's price values an order before the symbol's first live event, when it is
      // recent (the simulator's stored history reaches the current minute; an old CSV does not).
      lastKnownPrice: (symbol: string) => {
        const known = marketData.lastPrice(symbol);
        return known !== null && clock.now() - known.time <= FRESH_STORED_PRICE_MS ? known : null;
      },
    };
    // The paper broker journals into the engine database; a real broker into its own file.
    // It is shown the current market first: the feed may have quoted its symbols long before.
    const paperStack = async () => ({
      trading: await startTrading({ ...tradingOptions, sqlite: store.sqlite, prime: (see) => marketData.replayLatest(see) }),
      close: () => Promise.resolve(),
    });
    const tradingSwitch = new TradingSwitch(await paperStack());
    cleanups.push(() => tradingSwitch.close());
    const broker = new BrokerService({
      env,
      hub,
      clock,
      logger: logger.child('broker'),
      settings,
      vault: options.vault ?? new EncryptedFileVault(join(dataDir, 'keys.vault')),
      switch: tradingSwitch,
      paperStack,
      alpacaStack: (keys, events) =>
        startAlpacaStack({
          ...tradingOptions,
          dataDir,
          keys,
          events,
          env,
          logger: logger.child('alpaca'),
          attachFeed: (feed) => marketData.attachFeed(feed),
        }),
    });
    await broker.resume();
    cleanups.push(streamSymbolsInPlay(hub, tradingSwitch, marketData));
    const backtests = startBacktests({ sqlite: store.sqlite, hub, clock, dataDir });
    cleanups.push(() => backtests.stop());

    // The mode is the broker's now: live only while an Alpaca live account trades.
    const info = (): EngineInfo => ({
      name: 'Kestrel',
      version: options.version,
      protocol: PROTOCOL_VERSION,
      host: options.host,
      mode: broker.status().mode,
      dataDir,
      startedAt,
    });
    const handlers: Handlers = {
      ...systemHandlers(info, clock),
      ...settingsHandlers(settings),
      ...logHandlers(buffer),
      ...feed.handlers(),
      ...marketData.handlers,
      ...tradingSwitch.handlers,
      ...brokerHandlers(broker),
      ...backtests.handlers,
    };
    const router = new Router(handlers, logger.child('rpc'));
    const sessions = new Set<Session>();
    const sessionLogger = logger.child('session');
    let nextSession = 1;
    logger.info('Engine started', { dataDir, host: options.host, version: options.version });

    let closing: Promise<void> | undefined;
    return {
      get info() {
        return info();
      },
      logger,
      publish: (topic, payload) => hub.publish(topic, payload),
      openSession(label, send) {
        const session = new Session(`${label}#${nextSession++}`, router, hub, send, sessionLogger, () =>
          sessions.delete(session),
        );
        sessions.add(session);
        return session;
      },
      advertise: (endpoint) => heldLock.update(endpoint),
      close() {
        closing ??= (async () => {
          for (const session of [...sessions]) session.close();
          logger.info('Engine stopped');
          await cleanup();
        })();
        return closing;
      },
    };
  } catch (error) {
    logger.error('Engine failed to start', { error: error instanceof Error ? error.message : String(error) });
    await cleanup();
    throw error;
  }
}
