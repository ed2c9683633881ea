import { z } from 'zod';
import { IndicatorSpec } from './indicators';
import { SymbolCode, Timeframe } from './market-data';
import { DEFAULT_PAPER_SETTINGS, DEFAULT_RISK_LIMITS, PaperSettings, RiskLimits } from './trading';

export const Theme = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof Theme>;

export const ClockZone = z.enum(['exchange', 'local', 'utc']);
export type ClockZone = z.infer<typeof ClockZone>;

export const BottomTab = z.enum(['positions', 'orders', 'fills', 'portfolio', 'log']);
export type BottomTab = z.infer<typeof BottomTab>;

const Percent = z.number().finite().min(0).max(100);

/** Panel sizes in percent, as the resizable panel groups report them. */
export const WorkspaceLayout = z.strictObject({
  /** watchlist | center | order ticket */
  columns: z.tuple([Percent, Percent, Percent]),
  /** chart | bottom tabs, inside the center column */
  rows: z.tuple([Percent, Percent]),
  bottomTab: BottomTab,
});
export type WorkspaceLayout = z.infer<typeof WorkspaceLayout>;

/** What the chart shows; remembered across restarts. */
export const ChartSettings = z.strictObject({
  symbol: SymbolCode,
  timeframe: Timeframe,
  indicators: z.array(IndicatorSpec).max(8),
});
export type ChartSettings = z.infer<typeof ChartSettings>;

/** Polygon endpoints: the real ones by default, configurable for proxies and test servers. */
export const PolygonSettings = z.strictObject({
  restUrl: z.url({ protocol: /^https?$/ }),
  stocksWsUrl: z.url({ protocol: /^wss?$/ }),
  cryptoWsUrl: z.url({ protocol: /^wss?$/ }),
});
export type PolygonSettings = z.infer<typeof PolygonSettings>;

/**
 * Alpaca endpoints (the real ones by default). Keys are not settings: they live in the
 * encrypted vault. The paper/live profile picks the trading and stream pair.
 */
export const AlpacaSettings = z.strictObject({
  paperTradingUrl: z.url({ protocol: /^https?$/ }),
  liveTradingUrl: z.url({ protocol: /^https?$/ }),
  paperStreamUrl: z.url({ protocol: /^wss?$/ }),
  liveStreamUrl: z.url({ protocol: /^wss?$/ }),
  /** Market data stream base; `/v2/{feed}` is appended. */
  dataStreamUrl: z.url({ protocol: /^wss?$/ }),
  dataFeed: z.enum(['iex', 'sip']),
  /** The last profile used, so a restart reconnects the same way (live still asks for the keys' unlock). */
  profile: z.enum(['paper', 'live']),
  /** Trade through Alpaca at start when keys are stored and usable. */
  enabled: z.boolean(),
});
export type AlpacaSettings = z.infer<typeof AlpacaSettings>;

export const Settings = z.strictObject({
  theme: Theme,
  clockZone: ClockZone,
  confirmOrders: z.boolean(),
  layout: WorkspaceLayout,
  watchlist: z.array(SymbolCode).max(200),
  chart: ChartSettings,
  polygon: PolygonSettings,
  /** The paper broker's account and fill models. */
  paper: PaperSettings,
  /** Pre-trade risk limits every order passes. */
  risk: RiskLimits,
  alpaca: AlpacaSettings,
});
export type Settings = z.infer<typeof Settings>;

/** A partial update: named keys replace the stored value whole. */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SETTING_KEYS = Object.keys(Settings.shape) as (keyof Settings)[];

export const DEFAULT_SETTINGS: Settings = {
  theme: 'dark',
  clockZone: 'exchange',
  confirmOrders: true,
  layout: { columns: [18, 60, 22], rows: [70, 30], bottomTab: 'positions' },
  // The built-in simulator's instruments: a moving market with no data and no key. The SIM:
  // prefix keeps them apart from real data of the same ticker.
  watchlist: ['SIM:SPY', 'SIM:QQQ', 'SIM:AAPL', 'SIM:MSFT', 'SIM:NVDA', 'SIM:JPM', 'SIM:XOM', 'SIM:TLT'],
  chart: { symbol: 'SIM:SPY', timeframe: '1m', indicators: [] },
  polygon: {
    restUrl: 'https://api.polygon.io',
    stocksWsUrl: 'wss://socket.polygon.io/stocks',
    cryptoWsUrl: 'wss://socket.polygon.io/crypto',
  },
  paper: DEFAULT_PAPER_SETTINGS,
  risk: DEFAULT_RISK_LIMITS,
  alpaca: {
    paperTradingUrl: 'https://paper-api.alpaca.markets',
    liveTradingUrl: 'https://api.alpaca.markets',
    paperStreamUrl: 'wss://paper-api.alpaca.markets/stream',
    liveStreamUrl: 'wss://api.alpaca.markets/stream',
    dataStreamUrl: 'wss://stream.data.alpaca.markets',
    dataFeed: 'iex',
    profile: 'paper',
    enabled: false,
  },
};
