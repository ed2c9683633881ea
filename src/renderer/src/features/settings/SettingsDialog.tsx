import type { ReactElement } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useSettings } from '../../app/app-context';
import { SettingsForm } from './SettingsForm';
import './settings.css';

/** The settings as a modal dialog; Escape and Cancel close it without saving. */
export function SettingsDialog({ onClose }: { onClose: () => void }): ReactElement {
  const { ref, onCancel } = useModalDialog(onClose);
  const loaded = useSettings((s) => s.settings !== null);

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
