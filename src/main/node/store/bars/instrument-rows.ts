import { AssetClass, type Instrument } from '@shared/dto/market-data';
import type { InstrumentsTable } from '../schema';

export function toInstrumentRow(instrument: Instrument): InstrumentsTable {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    asset_class: instrument.assetClass,
    exchange: instrument.exchange,
    currency: instrument.currency,
    tick_size: instrument.tickSize,
    lot_size: instrument.lotSize,
    active: instrument.active ? 1 : 0,
  };
}

export function fromInstrumentRow(row: InstrumentsTable): Instrument {
  const assetClass = AssetClass.safeParse(row.asset_class);
  return {
    symbol: row.symbol,
    name: row.name,
    // A class this build does not know (written by a newer one) reads as the most generic.
    assetClass: assetClass.success ? assetClass.data : 'stock',
    exchange: row.exchange,
    currency: row.currency,
    tickSize: row.tick_size,
    lotSize: row.lot_size,
    active: row.active !== 0,
  };
}

/** `%` and `_` in a user's query are literal characters, not LIKE wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
