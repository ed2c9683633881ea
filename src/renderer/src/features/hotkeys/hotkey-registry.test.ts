import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../app/hotkeys';
import { DEFAULT_HOTKEYS, type HotkeyAction } from './default-hotkeys';
import { comboLabel, duplicateCombos, findHotkey, helpRows, isTyping, matchesCombo, type KeyTarget } from './hotkey-registry';

const press = (key: string, mods: Partial<KeyPress & { repeat: boolean }> = {}): KeyPress & { repeat: boolean } => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  ...mods,
});

const target = (tagName: string, extra: Partial<KeyTarget> = {}): KeyTarget => ({ tagName, isContentEditable: false, inDialog: false, ...extra });
const BODY = target('BODY');

const actionOf = (key: KeyPress & { repeat: boolean }, on: KeyTarget | null = BODY): HotkeyAction | null =>
  findHotkey(key, on, DEFAULT_HOTKEYS)?.action ?? null;

describe('matchesCombo', () => {
  it('matches a letter in either case, with Shift exactly as bound', () => {
    expect(matchesCombo(press('b'), { key: 'b' })).toBe(true);
    expect(matchesCombo(press('B'), { key: 'b' })).toBe(true); // Caps Lock
    expect(matchesCombo(press('B', { shiftKey: true }), { key: 'b' })).toBe(false);
    expect(matchesCombo(press('C', { shiftKey: true }), { key: 'c', shift: true })).toBe(true);
    expect(matchesCombo(press('c'), { key: 'c', shift: true })).toBe(false);
  });

  it('matches a symbol with or without Shift, since layouts differ', () => {
    expect(matchesCombo(press('?', { shiftKey: true }), { key: '?' })).toBe(true);
    expect(matchesCombo(press('?'), { key: '?' })).toBe(true);
    expect(matchesCombo(press('/'), { key: '?' })).toBe(false);
  });

  it('leaves Ctrl, Cmd and Alt chords to the browser and the system', () => {
    expect(matchesCombo(press('c', { ctrlKey: true, shiftKey: true }), { key: 'c', shift: true })).toBe(false);
    expect(matchesCombo(press('b', { metaKey: true }), { key: 'b' })).toBe(false);
    expect(matchesCombo(press('b', { altKey: true }), { key: 'b' })).toBe(false);
  });
});

describe('isTyping', () => {
  it('is true in text fields, selects, text areas, editable content and open dialogs', () => {
    expect(isTyping(target('INPUT', { inputType: 'text' }))).toBe(true);
    expect(isTyping(target('input'))).toBe(true);
    expect(isTyping(target('INPUT', { inputType: 'search' }))).toBe(true);
    expect(isTyping(target('SELECT'))).toBe(true);
    expect(isTyping(target('TEXTAREA'))).toBe(true);
    expect(isTyping(target('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTyping(target('BUTTON', { inDialog: true }))).toBe(true);
  });

  it('is false on buttons, check boxes and the page', () => {
    expect(isTyping(target('INPUT', { inputType: 'checkbox' }))).toBe(false);
    expect(isTyping(target('BUTTON'))).toBe(false);
    expect(isTyping(BODY)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('findHotkey with the default bindings', () => {
  it('finds each action from its key', () => {
    expect(actionOf(press('b'))).toBe('buy');
    expect(actionOf(press('s'))).toBe('sell');
    expect(actionOf(press('C', { shiftKey: true }))).toBe('cancelAll');
    expect(actionOf(press('F', { shiftKey: true }))).toBe('flatten');
    expect(actionOf(press('?', { shiftKey: true }))).toBe('toggleHelp');
    expect(actionOf(press('Escape'))).toBe('closeHelp');
    expect(actionOf(press('x'))).toBeNull();
    expect(actionOf(press('c'))).toBeNull();
  });

  it('ignores every key but Escape while the user types', () => {
    const quantity = target('INPUT', { inputType: 'text' });
    expect(actionOf(press('b'), quantity)).toBeNull();
    expect(actionOf(press('C', { shiftKey: true }), quantity)).toBeNull();
    expect(actionOf(press('?', { shiftKey: true }), target('TEXTAREA'))).toBeNull();
    expect(actionOf(press('s'), target('SELECT'))).toBeNull();
    expect(actionOf(press('Escape'), quantity)).toBe('closeHelp');
  });

  it('ignores a held-down key repeating', () => {
    expect(actionOf(press('F', { shiftKey: true, repeat: true }))).toBeNull();
  });
});

describe('the help list', () => {
  it('lists every binding with its keys, in order', () => {
    expect(helpRows(DEFAULT_HOTKEYS).map((row) => row.keys)).toEqual(['B', 'S', 'Shift+C', 'Shift+F', '?', 'Esc']);
    expect(helpRows(DEFAULT_HOTKEYS)[2]).toEqual({ keys: 'Shift+C', description: 'Cancel every working order' });
  });

  it('labels combos the way a keyboard shows them', () => {
    expect(comboLabel({ key: 'b' })).toBe('B');
    expect(comboLabel({ key: 'c', shift: true })).toBe('Shift+C');
    expect(comboLabel({ key: 'Escape' })).toBe('Esc');
    expect(comboLabel({ key: '?', shift: true })).toBe('?');
  });

  it('has no two default bindings on one combo', () => {
    expect(duplicateCombos(DEFAULT_HOTKEYS)).toEqual([]);
    expect(duplicateCombos([...DEFAULT_HOTKEYS, { action: 'x', combo: { key: 'B' }, description: 'again' }])).toEqual(['B']);
  });
});
