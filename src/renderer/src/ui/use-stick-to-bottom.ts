import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

/** How close to the end (px) still counts as "at the bottom". */
const SLACK = 24;

/**
 * Keeps a scrolling element pinned to its end while content grows, unless the user has
 * scrolled up to read; scrolling back down re-pins it.
 */
export function useStickToBottom<T extends HTMLElement>(content: unknown): { ref: RefObject<T | null>; onScroll: () => void } {
  const ref = useRef<T | null>(null);
  const pinned = useRef(true);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight <= SLACK;
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [content]);

  return { ref, onScroll };
}
