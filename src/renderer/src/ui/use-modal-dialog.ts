import { useEffect, useRef, type RefObject, type SyntheticEvent } from 'react';

/**
 * A native <dialog> that is open exactly while its component is mounted. Escape asks
 * `onDismiss` instead of closing it directly, so React (not the browser) decides when it goes.
 */
export function useModalDialog(onDismiss: () => void): {
  ref: RefObject<HTMLDialogElement | null>;
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
} {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>): void => {
    event.preventDefault();
    onDismiss();
  };
  return { ref, onCancel };
}
