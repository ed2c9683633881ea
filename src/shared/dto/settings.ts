import { z } from 'zod';

export const Theme = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof Theme>;

export const ClockZone = z.enum(['exchange', 'local', 'utc']);
export type ClockZone = z.infer<typeof ClockZone>;

export const BottomTab = z.enum(['positions', 'orders', 'fills', 'log']);
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

export const Settings = z.strictObject({
  theme: Theme,
  clockZone: ClockZone,
  confirmOrders: z.boolean(),
  layout: WorkspaceLayout,
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
};
