import type { ReactElement } from 'react';

/** A small turning ring for a button whose action is in flight. */
export function Spinner(): ReactElement {
  return <span className="broker-spinner" data-testid="broker-spinner" aria-hidden="true" />;
}
