import type { Instrument } from '@shared/dto/market-data';
import type { InstrumentStore } from '../../core/ports/bar-store';
import type { Logger } from '../../core/ports/logger';
import type { AlpacaTradingApi } from '../adapters/alpaca/trading-api';
import type { AlpacaAsset } from '../adapters/alpaca/wire';

/**
 * Symbols traded through Alpaca must be known instruments (the order path refuses unknown
 * symbols): Alpaca's asset record supplies the name, class, tick and lot. Simulated symbols
 * and symbols already in the store are left alone.
 */
export async function ensureAlpacaInstruments(
  api: Pick<AlpacaTradingApi, 'asset'>,
  store: InstrumentStore,
  symbols: Iterable<string>,
  logger: Logger,
): Promise<number> {
  const wanted = [...new Set(symbols)].filter((symbol) => !symbol.startsWith('SIM:') && store.getInstrument(symbol) === null);
  const found: Instrument[] = [];
  for (const symbol of wanted) {
    try {
      const asset = await api.asset(symbol);
      if (asset) found.push(instrumentOf(asset));
    } catch (error) {
      logger.warn('Could not look up an Alpaca asset', { symbol, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (found.length > 0) store.upsertInstruments(found);
  return found.length;
}

function instrumentOf(asset: AlpacaAsset): Instrument {
  const crypto = asset.class === 'crypto';
  return {
    symbol: asset.symbol,
    name: (asset.name ?? asset.symbol).slice(0, 200),
    assetClass: crypto ? 'crypto' : 'stock',
    exchange: asset.exchange.slice(0, 20),
    currency: 'USD',
    tickSize: asset.price_increment ?? '0.01',
    // Whole shares for equities (fractional orders are a later feature); crypto trades in its increment.
    lotSize: crypto ? (asset.min_trade_increment ?? '0.000000001') : '1',
    active: asset.status === 'active' && asset.tradable,
  };
}
