import { useEffect, useEffectEvent } from 'react';
import { isOpenSettingsShortcut } from './hotkeys';

/** Calls `open` on Ctrl+, (Cmd+, on macOS) anywhere in the window. */
export function useOpenSettingsHotkey(open: () => void): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!isOpenSettingsShortcut(event)) return;
    event.preventDefault();
    open();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
