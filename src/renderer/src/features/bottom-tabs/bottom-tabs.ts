import type { BottomTab } from '@shared/dto/settings';

export interface TabDefinition {
  id: BottomTab;
  label: string;
}

/** The bottom tabs in display order. */
export const BOTTOM_TABS: readonly TabDefinition[] = [
  { id: 'positions', label: 'Positions' },
  { id: 'orders', label: 'Orders' },
  { id: 'fills', label: 'Fills' },
  { id: 'portfolio', label: 'Portfolio' },
  { id: 'log', label: 'Log' },
];

/** The tab `step` places away from `current`, wrapping around (for arrow keys). */
export function neighbourTab(current: BottomTab, step: number): BottomTab {
  const index = BOTTOM_TABS.findIndex((tab) => tab.id === current);
  const next = (index + step + BOTTOM_TABS.length) % BOTTOM_TABS.length;
  return BOTTOM_TABS[next]?.id ?? current;
}
