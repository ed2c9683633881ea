import { Fragment, type ReactElement } from 'react';

export interface UrlField<K extends string> {
  key: K;
  label: string;
  testId: string;
}

/** Endpoint URLs as labelled inputs of a settings grid, one per field. */
export function UrlFields<K extends string, V extends Record<K, string>>({
  fields,
  value,
  onChange,
}: {
  fields: readonly UrlField<K>[];
  value: V;
  onChange: (next: V) => void;
}): ReactElement {
  return (
    <>
      {fields.map(({ key, label, testId }) => (
        <Fragment key={key}>
          <label htmlFor={testId}>{label}</label>
          <input
            id={testId}
            data-testid={testId}
            className="input"
            type="url"
            spellCheck={false}
            value={value[key]}
            onChange={(event) => onChange({ ...value, [key]: event.target.value })}
          />
        </Fragment>
      ))}
    </>
  );
}
