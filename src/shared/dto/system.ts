import { z } from 'zod';

export const TradingMode = z.enum(['paper', 'live']);
export type TradingMode = z.infer<typeof TradingMode>;

export const HostKind = z.enum(['desktop', 'headless']);
export type HostKind = z.infer<typeof HostKind>;

export const EngineInfo = z.strictObject({
  name: z.literal('Kestrel'),
  version: z.string(),
  protocol: z.number().int(),
  host: HostKind,
  mode: TradingMode,
  dataDir: z.string(),
  startedAt: z.number().int(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

export const FeedSource = z.enum(['none', 'replay', 'simulator', 'polygon', 'alpaca']);
export type FeedSource = z.infer<typeof FeedSource>;
export const FeedState = z.enum(['idle', 'connecting', 'live', 'degraded', 'down']);
export type FeedState = z.infer<typeof FeedState>;

export const FeedStatus = z.strictObject({
  source: FeedSource,
  state: FeedState,
  label: z.string(),
  since: z.number().int(),
});
export type FeedStatus = z.infer<typeof FeedStatus>;

export const Pong = z.strictObject({ echo: z.string().optional(), time: z.number().int() });
export type Pong = z.infer<typeof Pong>;
