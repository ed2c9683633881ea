import type { AlpacaSettings, SettingsPatch } from '@shared/dto/settings';

/** The Alpaca settings the dialog edits; profile and enabled follow Connect and Use paper. */
export type AlpacaEndpoints = Omit<AlpacaSettings, 'profile' | 'enabled'>;

export type AlpacaUrlKey = Exclude<keyof AlpacaEndpoints, 'dataFeed'>;

const URL_KEYS: readonly AlpacaUrlKey[] = ['paperTradingUrl', 'liveTradingUrl', 'paperStreamUrl', 'liveStreamUrl', 'dataStreamUrl'];

export function endpointsFrom(alpaca: AlpacaSettings): AlpacaEndpoints {
  return {
    paperTradingUrl: alpaca.paperTradingUrl,
    liveTradingUrl: alpaca.liveTradingUrl,
    paperStreamUrl: alpaca.paperStreamUrl,
    liveStreamUrl: alpaca.liveStreamUrl,
    dataStreamUrl: alpaca.dataStreamUrl,
    dataFeed: alpaca.dataFeed,
  };
}

/**
 * The `alpaca` key of a settings save when the user changed an endpoint, else nothing. The
 * key is replaced whole, so profile and enabled come from the stored settings (the engine may
 * have changed them while the dialog was open).
 */
export function alpacaPatch(draft: AlpacaEndpoints, stored: AlpacaSettings): SettingsPatch {
  const trimmed = { ...draft };
  for (const key of URL_KEYS) trimmed[key] = draft[key].trim();
  const changed = URL_KEYS.some((key) => trimmed[key] !== stored[key]) || trimmed.dataFeed !== stored.dataFeed;
  return changed ? { alpaca: { ...stored, ...trimmed } } : {};
}
