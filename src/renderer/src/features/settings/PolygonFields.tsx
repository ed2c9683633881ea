import type { ReactElement } from 'react';
import type { PolygonSettings } from '@shared/dto/settings';
import { UrlFields, type UrlField } from '../../ui/UrlFields';

const FIELDS: UrlField<keyof PolygonSettings>[] = [
  { key: 'restUrl', label: 'Polygon REST', testId: 'settings-polygon-rest' },
  { key: 'stocksWsUrl', label: 'Stocks stream', testId: 'settings-polygon-stocks' },
  { key: 'cryptoWsUrl', label: 'Crypto stream', testId: 'settings-polygon-crypto' },
];

/**
 * Polygon endpoints (a proxy, a test server). The engine validates them on save and uses them
 * from its next start; KESTREL_POLYGON_REST_URL / KESTREL_POLYGON_WS_URL override them.
 */
export function PolygonFields({ value, onChange }: { value: PolygonSettings; onChange: (next: PolygonSettings) => void }): ReactElement {
  return (
    <>
      <UrlFields fields={FIELDS} value={value} onChange={onChange} />
      <span className="form-label" />
      <span className="form-hint">Used from the next start. The API key comes from POLYGON_API_KEY.</span>
    </>
  );
}
