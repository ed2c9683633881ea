import type { KeyPress } from '../../app/hotkeys';

/**
 * A small hotkey registry, DOM-free so it can be tested: which binding a key press means,
 * given where the focus is, and the list the help overlay shows.
 */

/** A key as KeyboardEvent.key names it ('b', '?', 'Escape'); letters match either case. */
export interface KeyCombo {
  key: string;
  /** Letters only: Shift must be held (true) or not (false/absent). Symbols ignore Shift. */
  shift?: boolean;
}

export interface Hotkey<A extends string = string> {
  action: A;
  combo: KeyCombo;
  description: string;
  /** Also fires while the focus is in a text field or a dialog (Escape). */
  whileTyping?: boolean;
}

/** Where the key went: the parts of the focused element that decide whether the user is typing. */
export interface KeyTarget {
  tagName: string;
  /** An <input>'s type attribute. */
  inputType?: string;
  isContentEditable: boolean;
  /** Inside an open <dialog>: its own keys belong to it. */
  inDialog: boolean;
}

/** Input types that take no typed text, so a letter pressed there is a hotkey. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when keys should go to the focused element rather than to the hotkeys. */
export function isTyping(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.inDialog) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.inputType ?? 'text').toLowerCase());
}

const isLetter = (key: string): boolean => /^[a-z]$/i.test(key);

/**
 * Ctrl, Cmd and Alt chords are never ours (Ctrl+C must still copy). Letters compare without
 * case (Caps Lock) and with Shift; symbols like '?' need Shift on some layouts and not on
 * others, so Shift is not looked at for them.
 */
export function matchesCombo(press: KeyPress, combo: KeyCombo): boolean {
  if (press.ctrlKey || press.metaKey || press.altKey) return false;
  if (isLetter(combo.key)) {
    return press.key.toLowerCase() === combo.key.toLowerCase() && press.shiftKey === (combo.shift ?? false);
  }
  return press.key === combo.key;
}

/** The binding a key press triggers, or null. Held-down repeats trigger nothing. */
export function findHotkey<A extends string>(
  press: KeyPress & { repeat?: boolean },
  target: KeyTarget | null,
  hotkeys: readonly Hotkey<A>[],
): Hotkey<A> | null {
  if (press.repeat) return null;
  const typing = isTyping(target);
  return hotkeys.find((hotkey) => (!typing || hotkey.whileTyping === true) && matchesCombo(press, hotkey.combo)) ?? null;
}

const KEY_NAMES: Record<string, string> = { Escape: 'Esc', ' ': 'Space', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** "B", "Shift+C", "?", "Esc". */
export function comboLabel(combo: KeyCombo): string {
  const key = KEY_NAMES[combo.key] ?? (isLetter(combo.key) ? combo.key.toUpperCase() : combo.key);
  return combo.shift && isLetter(combo.key) ? `Shift+${key}` : key;
}

export interface HelpRow {
  keys: string;
  description: string;
}

/** Every binding as the help overlay lists it, in the registry's order. */
export function helpRows(hotkeys: readonly Hotkey[]): HelpRow[] {
  return hotkeys.map((hotkey) => ({ keys: comboLabel(hotkey.combo), description: hotkey.description }));
}

/** Two bindings on one combo would make one of them dead; the registry refuses that. */
export function duplicateCombos(hotkeys: readonly Hotkey[]): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const hotkey of hotkeys) {
    const label = comboLabel(hotkey.combo);
    if (seen.has(label)) duplicates.push(label);
    seen.add(label);
  }
  return duplicates;
}
