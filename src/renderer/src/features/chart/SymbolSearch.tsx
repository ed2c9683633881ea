import { useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useInstrumentSearch } from './use-instrument-search';
import { SymbolResults } from './SymbolResults';

interface SymbolSearchProps {
  /** Test id of the input; results get `resultTestId` and `data-symbol`. */
  testId: string;
  resultTestId?: string;
  label: string;
  placeholder: string;
  onPick: (symbol: string) => void;
}

/** A type-ahead over the instruments: arrows move, Enter or a click picks, Escape closes. */
export function SymbolSearch({ testId, resultTestId = 'symbol-result', label, placeholder, onPick }: SymbolSearchProps): ReactElement {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const search = useInstrumentSearch(open ? query : '');
  const { results } = search;
  const showList = open && query.trim() !== '';

  const pick = (symbol: string): void => {
    onPick(symbol);
    setQuery('');
    setOpen(false);
    inputRef.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (results.length === 0 ? 0 : (index + step + results.length) % results.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active] ?? results[0];
      if (chosen) pick(chosen.symbol);
    } else if (event.key === 'Escape') {
      setQuery('');
      setOpen(false);
    }
  };

  return (
    <div className="symbol-search">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        className="input symbol-search-input"
        data-testid={testId}
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <SymbolResults id={listId} label={label} query={query} search={search} active={active} testId={resultTestId} onHover={setActive} onPick={pick} />
      )}
    </div>
  );
}
