import type { ReactElement } from 'react';
import type { InstrumentSearch } from './use-instrument-search';

interface SymbolResultsProps {
  id: string;
  label: string;
  query: string;
  search: InstrumentSearch;
  active: number;
  testId: string;
  onHover: (index: number) => void;
  onPick: (symbol: string) => void;
}

/** The listbox under a symbol search: matching instruments, or why there are none. */
export function SymbolResults({ id, label, query, search, active, testId, onHover, onPick }: SymbolResultsProps): ReactElement {
  const { results, status, error } = search;
  return (
    <ul id={id} role="listbox" className="symbol-results" aria-label={`${label} results`}>
      {results.map((instrument, index) => (
        <li
          key={instrument.symbol}
          id={`${id}-${index}`}
          role="option"
          className="symbol-result"
          data-testid={testId}
          data-symbol={instrument.symbol}
          aria-selected={index === active}
          // Keep the focus in the input so its blur does not close the list before the click.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => onHover(index)}
          onClick={() => onPick(instrument.symbol)}
        >
          <span className="symbol-result-code">{instrument.symbol}</span>
          <span className="symbol-result-name">{instrument.name}</span>
          <span className="symbol-result-meta">{instrument.exchange || instrument.assetClass}</span>
        </li>
      ))}
      {status === 'done' && results.length === 0 && <li className="symbol-results-note">No instrument matches “{query.trim()}”</li>}
      {status === 'searching' && results.length === 0 && <li className="symbol-results-note">Searching…</li>}
      {status === 'error' && <li className="symbol-results-note">Search failed: {error}</li>}
    </ul>
  );
}
