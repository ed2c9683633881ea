import { describe, expect, it } from 'vitest';
import { isOpenSettingsShortcut, type KeyPress } from './hotkeys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('isOpenSettingsShortcut', () => {
  it('matches Ctrl+, and Cmd+,', () => {
    expect(isOpenSettingsShortcut(press(',', { ctrlKey: true }))).toBe(true);
    expect(isOpenSettingsShortcut(press(',', { metaKey: true }))).toBe(true);
  });

  it('ignores a plain comma and other combinations', () => {
    expect(isOpenSettingsShortcut(press(','))).toBe(false);
    expect(isOpenSettingsShortcut(press(',', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isOpenSettingsShortcut(press('.', { ctrlKey: true }))).toBe(false);
  });
});
