/** The parts of a KeyboardEvent the shortcuts look at (kept DOM-free for unit tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+, (or Cmd+, on macOS) opens the settings. */
export function isOpenSettingsShortcut(press: KeyPress): boolean {
  return press.key === ',' && (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey;
}
