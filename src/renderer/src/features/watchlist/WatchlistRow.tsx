import { memo, type KeyboardEvent, type ReactElement } from 'react';
import { isSimulated } from '../chart/simulated';
import { tickerView } from './ticker-view';
import { useTicker } from './use-tickers';

interface WatchlistRowProps {
  symbol: string;
  selected: boolean;
  onSelect: (symbol: string) => void;
  onRemove: (symbol: string) => void;
}

/** One symbol: last price, change and change % (green up, red down); a click charts it. */
export const WatchlistRow = memo(function WatchlistRow({ symbol, selected, onSelect, onRemove }: WatchlistRowProps): ReactElement {
  const view = tickerView(useTicker(symbol));
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(symbol);
    } else if (event.key === 'Delete') {
      onRemove(symbol);
    }
  };

  return (
    <tr
      className="watchlist-row"
      data-testid="watchlist-row"
      data-symbol={symbol}
      data-direction={view.direction}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => onSelect(symbol)}
      onKeyDown={onKeyDown}
    >
      <td className="watchlist-symbol">
        {symbol}
        {isSimulated(symbol) && <span className="watchlist-sim" title="Simulated market" aria-label="simulated" />}
      </td>
      <td className="watchlist-last" data-testid="watchlist-last">
        {view.last}
      </td>
      <td className="watchlist-change">{view.change}</td>
      <td className="watchlist-change" data-testid="watchlist-percent">
        {view.percent}
      </td>
      <td className="watchlist-actions">
        <button
          type="button"
          className="watchlist-remove"
          data-testid="watchlist-remove"
          aria-label={`Remove ${symbol} from the watchlist`}
          title="Remove"
          onClick={(event) => {
            event.stopPropagation();
            onRemove(symbol);
          }}
        >
          ×
        </button>
      </td>
    </tr>
  );
});
