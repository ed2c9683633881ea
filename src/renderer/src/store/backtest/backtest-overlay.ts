import type { BacktestStore, BacktestOverlay } from './backtest-store';

/** A backtest fill shaped like the trading fills the chart overlay places (ids made up per run). */
export interface OverlayFill {
  id: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  time: number;
}

export function overlayFills(overlay: BacktestOverlay | null): OverlayFill[] {
  if (!overlay) return [];
  return overlay.fills.map((fill, i) => ({ id: `bt-${overlay.runId}-${i}`, symbol: fill.symbol, side: fill.side, quantity: fill.quantity, price: fill.price, time: fill.time }));
}

/** The chart overlay's second source of fills: the backtest shown on the chart, if any. */
export function backtestFillSource(store: BacktestStore): { fills: () => OverlayFill[]; subscribe: (onChange: () => void) => () => void } {
  return {
    fills: () => overlayFills(store.getState().overlay),
    subscribe: (onChange) =>
      store.subscribe((state, previous) => {
        if (state.overlay !== previous.overlay) onChange();
      }),
  };
}
