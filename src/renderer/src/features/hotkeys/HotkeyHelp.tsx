import type { ReactElement } from 'react';
import { DEFAULT_HOTKEYS, OTHER_SHORTCUTS } from './default-hotkeys';
import { helpRows } from './hotkey-registry';

/**
 * Every key, over the workspace. Not a modal <dialog>: the keys keep working while it shows,
 * so ? hides it again; Escape, the button or a click outside close it too.
 */
export function HotkeyHelp({ onClose }: { onClose: () => void }): ReactElement {
  const rows = [...helpRows(DEFAULT_HOTKEYS), ...OTHER_SHORTCUTS];
  return (
    <div className="hotkey-backdrop" onClick={onClose}>
      <div
        className="hotkey-help"
        data-testid="hotkey-help"
        role="dialog"
        aria-labelledby="hotkey-help-title"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="hotkey-help-head">
          <h2 id="hotkey-help-title" className="hotkey-help-title">
            Keyboard shortcuts
          </h2>
          <button type="button" className="button button-ghost" data-testid="hotkey-help-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <table className="hotkey-table">
          <tbody>
            {rows.map((row) => (
              <tr key={row.keys} data-testid="hotkey-row">
                <td>
                  <kbd className="hotkey-key">{row.keys}</kbd>
                </td>
                <td>{row.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hotkey-help-note">Letter keys do nothing while you type in a field; Escape always works.</p>
      </div>
    </div>
  );
}
