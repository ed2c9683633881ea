import { useEffect, useEffectEvent } from 'react';
import { findHotkey, type Hotkey, type KeyTarget } from './hotkey-registry';

/** The registry's view of a DOM event target. */
export function keyTargetOf(target: EventTarget | null): KeyTarget | null {
  if (!(target instanceof Element)) return null;
  return {
    tagName: target.tagName,
    inputType: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: target instanceof HTMLElement && target.isContentEditable,
    inDialog: target.closest('dialog[open]') !== null,
  };
}

/**
 * Listens for the bindings anywhere in the window. `run` returns whether it handled the
 * action; only then is the key's default stopped (so B does not also type a "b" into the
 * quantity box it just focused, and an unused Escape still reaches whatever wants it).
 */
export function useHotkeys<A extends string>(hotkeys: readonly Hotkey<A>[], run: (action: A) => boolean): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const hotkey = findHotkey(event, keyTargetOf(event.target), hotkeys);
    if (hotkey && run(hotkey.action)) event.preventDefault();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
