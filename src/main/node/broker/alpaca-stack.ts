import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DomainError } from '../../core/api/domain-error';
import type { MarketFeed } from '../../core/ports/market-feed';
import { money, type Price, type Quantity } from '@shared/money/decimal';
import { AlpacaBroker } from '../adapters/alpaca/alpaca-broker';
import { alpacaConfigFrom, maskKeyId } from '../adapters/alpaca/config';
import { createAlpacaDataFeed } from '../adapters/alpaca/data-stream/alpaca-data-feed';
import { AlpacaApiError, AlpacaError } from '../adapters/alpaca/errors';
import { AlpacaRestClient } from '../adapters/alpaca/rest-client';
import { ensureAlpacaInstruments } from './alpaca-instruments';
import { BrokerHealth } from './broker-health';
import type { AlpacaAccount, AlpacaPosition } from '../adapters/alpaca/wire';
import { alpacaDecimal } from '../adapters/alpaca/parse-values';
import type { OpeningPosition } from '../../core/trading/execution/opening-positions';
import type { AlpacaKeys } from '../secrets/secret-vault';
import { openSqliteStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { SqliteReconciliationLog } from '../store/sqlite-reconciliation-log';
import { startTrading, type TradingOptions } from '../trading/start-trading';
import type { AlpacaStack, AlpacaStackEvents } from './broker-service';

export interface AlpacaStackOptions extends Omit<TradingOptions, 'sqlite' | 'external' | 'prime'> {
  dataDir: string;
  keys: AlpacaKeys;
  events: AlpacaStackEvents;
  env: NodeJS.ProcessEnv;
  /** Routes real symbols to Alpaca's data stream while connected (market data owns the router). */
  attachFeed?: (feed: MarketFeed) => () => Promise<void>;
}

/**
 * Trading through Alpaca: the keys are checked by fetching the account, then the journal (its
 * own SQLite file per profile and key, so paper and live books never mix) is opened, the
 * order manager starts on the Alpaca broker and reconciles, and the data stream is attached.
 */
export async function startAlpacaStack(options: AlpacaStackOptions): Promise<AlpacaStack> {
  const { keys, logger, hub } = options;
  const config = alpacaConfigFrom(options.settings.get().alpaca, keys.profile, options.env);
  const timeoutMs = requestTimeout(options.env);
  const health = new BrokerHealth((state, detail) => options.events.health(state, detail));
  const api = new AlpacaRestClient({
    baseUrl: config.tradingUrl,
    keyId: keys.keyId,
    secret: keys.secret,
    logger,
    clock: options.clock,
    onHealth: (group, state) => health.onCircuit(group, state),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  const account = await checkKeys(api);
  const watched = () => {
    const settings = options.settings.get();
    return [...settings.watchlist, settings.chart.symbol];
  };
  // A new journal takes these over as its opening positions: without them the books would be wrong.
  const held: AlpacaPosition[] = await api.positions().catch((error: unknown) => {
    throw new DomainError('UNAVAILABLE', `Alpaca's positions could not be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  await ensureAlpacaInstruments(api, options.instruments, [...watched(), ...held.map((position) => position.symbol)], logger);
  const stopWatching = hub.subscribe('settings.changed', () => void ensureAlpacaInstruments(api, options.instruments, watched(), logger));
  const store = openSqliteStore(join(options.dataDir, `alpaca-${keys.profile}-${keyFingerprint(keys.keyId)}.db`));
  // Filled in by the trading stack's factory below (the broker needs the manager's books).
  const made: { broker: AlpacaBroker | null } = { broker: null };
  let detachFeed: (() => Promise<void>) | null = null;
  try {
    await migrateToLatest(store.db);
    const log = new SqliteReconciliationLog(store.sqlite);
    const trading = await startTrading({
      ...options,
      sqlite: store.sqlite,
      external: {
        account: { broker: 'alpaca', mode: keys.profile },
        openingCash: () => money(account.cash),
        openingPositions: () => held.map(openingPositionOf),
        create: (books) => {
          const broker = new AlpacaBroker({
            api,
            mode: keys.profile,
            clock: options.clock,
            scheduler: options.scheduler,
            logger,
            orders: books.orders,
            bookPositions: books.positions,
            stream: { url: config.streamUrl, keyId: keys.keyId, secret: keys.secret },
            onState: (state, detail) => health.onStream(state, detail),
            onReconciliation: (report) => {
              log.append(report);
              hub.publish('broker.reconciliation', report);
            },
          });
          made.broker = broker;
          return broker;
        },
      },
    });
    const alpaca = requireBroker(made.broker);
    alpaca.start();
    if (options.attachFeed) {
      const feed = createAlpacaDataFeed(
        { dataStreamUrl: config.dataStreamUrl, feed: config.dataFeed, keyId: keys.keyId, secret: keys.secret },
        { scheduler: options.scheduler, logger: logger.child('alpaca-data') },
      );
      detachFeed = options.attachFeed(feed);
    }
    logger.info('Trading through Alpaca', { profile: keys.profile, keyId: maskKeyId(keys.keyId), account: account.account_number ?? account.id });
    return {
      trading,
      reconcile: () => alpaca.reconcile('manual'),
      reconciliations: (limit) => log.latest(limit),
      async close() {
        stopWatching();
        await detachFeed?.();
        await alpaca.stop();
        await store.close();
      },
    };
  } catch (error) {
    stopWatching();
    await made.broker?.stop();
    await detachFeed?.();
    await store.close();
    throw error;
  }
}

/** Alpaca's quantity with the sign its side gives it, at Alpaca's average entry price. */
function openingPositionOf(position: AlpacaPosition): OpeningPosition {
  const size = alpacaDecimal(position.qty, 'qty').abs();
  return {
    symbol: position.symbol,
    quantity: (position.side === 'short' ? size.negated() : size) as Quantity,
    averageCost: alpacaDecimal(position.avg_entry_price, 'avg_entry_price') as Price,
  };
}

function requireBroker(broker: AlpacaBroker | null): AlpacaBroker {
  if (!broker) throw new Error('The trading stack did not create its broker');
  return broker;
}

/** The account proves the keys; a refusal is the user's to fix, anything else is Alpaca's. */
async function checkKeys(api: AlpacaRestClient): Promise<AlpacaAccount> {
  try {
    return await api.account();
  } catch (error) {
    if (error instanceof AlpacaApiError && (error.status === 401 || error.status === 403)) {
      throw new DomainError('UNAUTHORIZED', `Alpaca refused these keys (HTTP ${error.status}): check the key id, the secret and the paper/live profile`);
    }
    if (error instanceof AlpacaError) throw new DomainError('UNAVAILABLE', `Alpaca could not be reached to check the keys: ${error.message}`);
    throw error;
  }
}

/** KESTREL_ALPACA_TIMEOUT_MS: the per-request timeout (10 s unless set; 100 ms – 2 min). */
function requestTimeout(env: NodeJS.ProcessEnv): number | null {
  const text = env.KESTREL_ALPACA_TIMEOUT_MS;
  if (text === undefined || text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 100 || value > 120_000) {
    throw new DomainError('INVALID_PARAMS', `KESTREL_ALPACA_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000 (got "${text}")`);
  }
  return value;
}

/** Names the journal file after the key without revealing it. */
function keyFingerprint(keyId: string): string {
  return createHash('sha256').update(keyId).digest('hex').slice(0, 12);
}
