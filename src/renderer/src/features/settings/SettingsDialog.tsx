import { useEffect, useRef, type ReactElement, type SyntheticEvent } from 'react';
import { useSettings } from '../../app/app-context';
import { SettingsForm } from './SettingsForm';
import './settings.css';

/** The settings as a modal dialog; Escape and Cancel close it without saving. */
export function SettingsDialog({ onClose }: { onClose: () => void }): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const loaded = useSettings((s) => s.settings !== null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>): void => {
    // The dialog is open while it is rendered: let React unmount it rather than the browser close it.
    event.preventDefault();
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog" data-testid="settings-dialog" aria-labelledby="settings-title" onCancel={onCancel}>
      <h2 id="settings-title" className="dialog-title">
        Settings
      </h2>
      {loaded ? (
        <SettingsForm onClose={onClose} />
      ) : (
        <div className="dialog-body">
          <p className="dialog-note">Settings are still loading from the engine.</p>
          <div className="dialog-actions">
            <button type="button" className="button" data-testid="settings-cancel" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
