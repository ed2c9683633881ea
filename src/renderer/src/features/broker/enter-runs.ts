import type { KeyboardEvent } from 'react';

/**
 * A key handler for a broker form inside the settings form: Enter in one of its inputs runs
 * `run` (when `ready`) instead of submitting, and saving, the settings form around it.
 */
export function enterRuns(ready: boolean, run: () => void): (event: KeyboardEvent<HTMLDivElement>) => void {
  return (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    if (ready) run();
  };
}
