import { Decimal } from '@shared/money/decimal';
import type { InstrumentStore } from '../../core/ports/bar-store';
import type { InstrumentSpec } from '../../core/trading/model/instrument-spec';

/** Trading's view of the instrument table, cached: the order path asks on every order. */
export function instrumentSpecs(store: InstrumentStore): (symbol: string) => InstrumentSpec | null {
  const cache = new Map<string, InstrumentSpec | null>();
  return (symbol) => {
    const known = cache.get(symbol);
    if (known !== undefined) return known;
    const instrument = store.getInstrument(symbol);
    const spec: InstrumentSpec | null = instrument
      ? {
          symbol,
          tickSize: new Decimal(instrument.tickSize),
          lotSize: new Decimal(instrument.lotSize),
          assetClass: instrument.assetClass,
          // The simulator's market never closes, so paper trading works at any hour.
          alwaysOpen: instrument.assetClass === 'crypto' || symbol.startsWith('SIM:'),
        }
      : null;
    if (spec) cache.set(symbol, spec);
    return spec;
  };
}
