import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import type { ParamsIn } from '@shared/contract/rpc';
import { useSettings } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import type { ActionOutcome } from '../../store/trading/trading-store';
import { useTrading, useTradingStore } from '../account/use-trading';
import { BLOTTER_FILTERS, filterCounts, filterOrders, type BlotterFilter } from './blotter-filter';
import { OrderRow } from './OrderRow';
import { TradingTableHead, type TradingColumn } from '../bottom-tabs/TradingTableHead';

const COLUMNS: readonly TradingColumn[] = [
  { label: 'Time', text: true },
  { label: 'Symbol', text: true },
  { label: 'Side', text: true },
  { label: 'Type', text: true },
  { label: 'Qty' },
  { label: 'Filled' },
  { label: 'Limit' },
  { label: 'Stop' },
  { label: 'TIF', text: true },
  { label: 'Status', text: true },
  { label: 'Avg fill' },
  { label: '' },
];

/** The orders tab: working, filled, canceled or all orders, newest first, with cancel and modify. */
export function Blotter(): ReactElement {
  const store = useTradingStore();
  const orders = useTrading((s) => s.orders);
  const loadError = useTrading((s) => (s.status === 'error' ? s.error : null));
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const [filter, setFilter] = useState<BlotterFilter>('all');
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const rows = useMemo(() => filterOrders(orders, filter), [orders, filter]);
  const counts = useMemo(() => filterCounts(orders), [orders]);

  const cancel = useCallback(
    (id: string) =>
      void store
        .getState()
        .cancelOrder(id)
        .then((outcome) => setMessage(outcome.ok ? null : `Cancel failed: ${outcome.error}`)),
    [store],
  );
  const replace = useCallback(
    async (params: ParamsIn<'orders.replace'>): Promise<ActionOutcome> => {
      const outcome = await store.getState().replaceOrder(params);
      if (outcome.ok) setEditing(null);
      return outcome;
    },
    [store],
  );

  return (
    <div className="trading-tab" data-testid="blotter">
      <div className="trading-toolbar" role="group" aria-label="Show orders">
        {BLOTTER_FILTERS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            className="filter-button"
            data-testid={`blotter-filter-${entry.id}`}
            aria-pressed={filter === entry.id}
            title={entry.title}
            onClick={() => setFilter(entry.id)}
          >
            {entry.label} <span className="filter-count numeric">{counts[entry.id]}</span>
          </button>
        ))}
        {(message ?? loadError) && (
          <span className="trading-message" role="alert">
            {message ?? `Could not load orders: ${loadError}`}
          </span>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No orders">{filter === 'working' ? 'No order is working.' : 'Orders will appear here as they are placed.'}</EmptyState>
      ) : (
        <table className="trading-table numeric">
          <TradingTableHead columns={COLUMNS} />
          <tbody>
            {rows.map((order) => (
              <OrderRow key={order.id} order={order} zone={zone} editing={editing === order.id} onEdit={setEditing} onCancel={cancel} onReplace={replace} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
