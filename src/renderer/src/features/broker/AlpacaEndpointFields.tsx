import type { ReactElement } from 'react';
import { AlpacaSettings } from '@shared/dto/settings';
import { UrlFields, type UrlField } from '../../ui/UrlFields';
import type { AlpacaEndpoints, AlpacaUrlKey } from './alpaca-endpoints';

const FIELDS: UrlField<AlpacaUrlKey>[] = [
  { key: 'paperTradingUrl', label: 'Paper trading', testId: 'settings-alpaca-paper-trading' },
  { key: 'paperStreamUrl', label: 'Paper stream', testId: 'settings-alpaca-paper-stream' },
  { key: 'liveTradingUrl', label: 'Live trading', testId: 'settings-alpaca-live-trading' },
  { key: 'liveStreamUrl', label: 'Live stream', testId: 'settings-alpaca-live-stream' },
  { key: 'dataStreamUrl', label: 'Data stream', testId: 'settings-alpaca-data-stream' },
];

const FEED_LABELS: Record<AlpacaEndpoints['dataFeed'], string> = {
  iex: 'IEX (free)',
  sip: 'SIP (all exchanges, paid)',
};

/**
 * Alpaca endpoints (a proxy, a test server), saved with the other settings. The engine
 * validates them on save and uses them the next time it connects.
 */
export function AlpacaEndpointFields({ value, onChange }: { value: AlpacaEndpoints; onChange: (next: AlpacaEndpoints) => void }): ReactElement {
  return (
    <>
      <UrlFields fields={FIELDS} value={value} onChange={onChange} />
      <label htmlFor="settings-alpaca-feed">Data feed</label>
      <select
        id="settings-alpaca-feed"
        data-testid="settings-alpaca-feed"
        value={value.dataFeed}
        onChange={(event) => {
          const feed = AlpacaSettings.shape.dataFeed.safeParse(event.target.value);
          if (feed.success) onChange({ ...value, dataFeed: feed.data });
        }}
      >
        {AlpacaSettings.shape.dataFeed.options.map((feed) => (
          <option key={feed} value={feed}>
            {FEED_LABELS[feed]}
          </option>
        ))}
      </select>
      <span className="form-label" />
      <span className="form-hint">Used from the next connection. Saved with Save, like the other settings.</span>
    </>
  );
}
