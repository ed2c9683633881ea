import type { HelpRow, Hotkey } from './hotkey-registry';

export type HotkeyAction = 'buy' | 'sell' | 'cancelAll' | 'flatten' | 'toggleHelp' | 'closeHelp';

/** The workstation's bindings, in the order the help overlay lists them. */
export const DEFAULT_HOTKEYS: readonly Hotkey<HotkeyAction>[] = [
  { action: 'buy', combo: { key: 'b' }, description: 'Buy: focus the order ticket on the buy side' },
  { action: 'sell', combo: { key: 's' }, description: 'Sell: focus the order ticket on the sell side' },
  { action: 'cancelAll', combo: { key: 'c', shift: true }, description: 'Cancel every working order' },
  { action: 'flatten', combo: { key: 'f', shift: true }, description: "Flatten the chart symbol's position at market" },
  { action: 'toggleHelp', combo: { key: '?' }, description: 'Show or hide this list' },
  { action: 'closeHelp', combo: { key: 'Escape' }, description: 'Close this list', whileTyping: true },
];

/** Shortcuts handled elsewhere in the app, listed so the overlay shows every key. */
export const OTHER_SHORTCUTS: readonly HelpRow[] = [{ keys: 'Ctrl+, (⌘, on macOS)', description: 'Open the settings' }];
