import type { AssetClass } from '@shared/dto/market-data';
import type { Decimal } from '@shared/money/decimal';

/** What trading needs to know about an instrument. */
export interface InstrumentSpec {
  symbol: string;
  tickSize: Decimal;
  lotSize: Decimal;
  assetClass: AssetClass;
  /**
   * Trades around the clock (crypto, and the built-in simulator, whose market never closes);
   * otherwise the US equity sessions apply.
   */
  alwaysOpen: boolean;
}
