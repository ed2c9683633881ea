import { useCallback, type ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useServices, useSettings } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import { SymbolSearch } from '../chart/SymbolSearch';
import { NewsPanel } from '../news/NewsPanel';
import { useChartSettings } from '../chart/use-chart-settings';
import { useWatchTickers } from './use-tickers';
import { WatchlistRow } from './WatchlistRow';
import { addSymbol, removeSymbol } from './watchlist-edit';
import './watchlist.css';

/** The watched symbols (saved in the settings) with live last price and change. */
export function WatchlistPanel(): ReactElement {
  const { stores } = useServices();
  const watchlist = useSettings((s) => s.settings?.watchlist ?? DEFAULT_SETTINGS.watchlist);
  const { symbol: charted, select } = useChartSettings();
  useWatchTickers(watchlist);

  const change = useCallback(
    (edit: (list: readonly string[]) => readonly string[]) => {
      const { settings, update } = stores.settings.getState();
      const current = settings?.watchlist ?? DEFAULT_SETTINGS.watchlist;
      const next = edit(current);
      if (next !== current) void update({ watchlist: [...next] });
    },
    [stores],
  );
  const add = useCallback((symbol: string) => change((list) => addSymbol(list, symbol)), [change]);
  const remove = useCallback((symbol: string) => change((list) => removeSymbol(list, symbol)), [change]);
  const chart = useCallback((symbol: string) => select(symbol), [select]);

  return (
    <section className="panel watchlist" data-testid="panel-watchlist" aria-label="Watchlist">
      <h2 className="panel-title">Watchlist</h2>
      <div className="watchlist-add">
        <SymbolSearch testId="watchlist-add" resultTestId="watchlist-add-result" label="Add to watchlist" placeholder="Add symbol…" onPick={add} />
      </div>
      <div className="panel-body">
        {watchlist.length === 0 ? (
          <EmptyState title="No symbols yet">Add one with the search above; its last price and change will show here.</EmptyState>
        ) : (
          <table className="watchlist-table numeric" aria-label="Watched symbols">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Last</th>
                <th scope="col">Chg</th>
                <th scope="col">Chg %</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {watchlist.map((symbol) => (
                <WatchlistRow key={symbol} symbol={symbol} selected={symbol === charted} onSelect={chart} onRemove={remove} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <NewsPanel />
    </section>
  );
}
