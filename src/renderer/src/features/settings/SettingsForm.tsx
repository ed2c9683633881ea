import { useState, type FormEvent, type ReactElement } from 'react';
import { ClockZone, DEFAULT_SETTINGS, Theme, type SettingsPatch } from '@shared/dto/settings';
import { useServices } from '../../app/app-context';
import type { SaveOutcome } from '../../store/settings/settings-store';
import { EngineDetails } from './EngineDetails';
import { PolygonFields } from './PolygonFields';
import { draftFrom, draftPatch, isEmptyPatch, type SettingsDraft } from './settings-draft';
import { BrokerSettings } from '../broker/BrokerSettings';
import { alpacaPatch, endpointsFrom, type AlpacaEndpoints } from '../broker/alpaca-endpoints';

const ZONE_LABELS: Record<ClockZone, string> = {
  exchange: 'Exchange (New York)',
  local: 'Local time',
  utc: 'UTC',
};

type Notice = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function SettingsForm({ onClose }: { onClose: () => void }): ReactElement {
  const store = useServices().stores.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => {
    const settings = store.getState().settings;
    return draftFrom(settings ?? DEFAULT_SETTINGS);
  });
  const [endpoints, setEndpoints] = useState<AlpacaEndpoints>(() => endpointsFrom((store.getState().settings ?? DEFAULT_SETTINGS).alpaca));
  const [notice, setNotice] = useState<Notice>({ kind: 'idle' });
  const edit = (change: Partial<SettingsDraft>): void => {
    setDraft((current) => ({ ...current, ...change }));
    setNotice({ kind: 'idle' });
  };
  const editEndpoints = (next: AlpacaEndpoints): void => {
    setEndpoints(next);
    setNotice({ kind: 'idle' });
  };

  const run = async (patch: SettingsPatch, busy: string, done: string): Promise<void> => {
    setNotice({ kind: 'busy', text: busy });
    const outcome: SaveOutcome = isEmptyPatch(patch)
      ? { ok: true, settings: store.getState().settings ?? DEFAULT_SETTINGS }
      : await store.getState().update(patch);
    setNotice(outcome.ok ? { kind: 'done', text: done } : { kind: 'error', text: `Not saved: ${outcome.message}` });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const settings = store.getState().settings ?? DEFAULT_SETTINGS;
    void run({ ...draftPatch(draft, settings), ...alpacaPatch(endpoints, settings.alpaca) }, 'Saving…', 'Saved');
  };

  const resetLayout = (): void => {
    void run({ layout: DEFAULT_SETTINGS.layout }, 'Resetting layout…', 'Layout reset');
  };

  return (
    <form className="dialog-body" onSubmit={onSubmit}>
      <div className="form-grid">
        <label htmlFor="settings-theme">Theme</label>
        <select
          id="settings-theme"
          data-testid="settings-theme"
          value={draft.theme}
          onChange={(event) => {
            const theme = Theme.safeParse(event.target.value);
            if (theme.success) edit({ theme: theme.data });
          }}
        >
          <option value="dark">Dark</option>
          <option value="light">Light</option>
        </select>

        <label htmlFor="settings-clock-zone">Clock</label>
        <select
          id="settings-clock-zone"
          data-testid="settings-clock-zone"
          value={draft.clockZone}
          onChange={(event) => {
            const zone = ClockZone.safeParse(event.target.value);
            if (zone.success) edit({ clockZone: zone.data });
          }}
        >
          {ClockZone.options.map((zone) => (
            <option key={zone} value={zone}>
              {ZONE_LABELS[zone]}
            </option>
          ))}
        </select>

        <span className="form-label">Orders</span>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="settings-confirm-orders"
            checked={draft.confirmOrders}
            onChange={(event) => edit({ confirmOrders: event.target.checked })}
          />
          Confirm each order before sending
        </label>

        <PolygonFields value={draft.polygon} onChange={(polygon) => edit({ polygon })} />
      </div>

      <BrokerSettings endpoints={endpoints} onEndpointsChange={editEndpoints} />

      <EngineDetails />

      <div className="dialog-actions">
        <button type="button" className="button" data-testid="settings-reset-layout" onClick={resetLayout}>
          Reset layout
        </button>
        <span className="dialog-status" data-testid="settings-status" data-kind={notice.kind} role="status" aria-live="polite">
          {notice.kind === 'idle' ? '' : notice.text}
        </span>
        <button type="button" className="button" data-testid="settings-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" data-testid="settings-save" disabled={notice.kind === 'busy'}>
          Save
        </button>
      </div>
    </form>
  );
}
