import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParamsIn } from '@shared/contract/rpc';
import type { FillDto, OrderDto, PortfolioSnapshot, RiskStatus } from '@shared/dto/trading';
import { errorMessage, type EngineClient } from '../engine-client';
import { mergeFills, newerSnapshot, upsertOrders, type OrdersById } from './order-book';

/** How many orders and fills a (re)load asks for. */
export const TRADING_LOAD_LIMIT = 500;

export type TradingStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What a user action came to: the engine's refusal is a message to show, never a throw. */
export type ActionOutcome = { ok: true } | { ok: false; error: string };

export interface TradingSlice {
  /** Every known order by engine id; a newer `updatedAt` replaces an older version. */
  orders: OrdersById;
  /** Fills, newest first, each id once. */
  fills: readonly FillDto[];
  /** Account and open positions; null until first loaded. */
  portfolio: PortfolioSnapshot | null;
  /** Risk limits and the kill switch; null until first loaded. */
  risk: RiskStatus | null;
  status: TradingStatus;
  /** The first failure of the last load, cleared by a load that fully succeeds. */
  error: string | null;
  receiveOrder: (order: OrderDto) => void;
  receiveFill: (fill: FillDto) => void;
  receivePortfolio: (snapshot: PortfolioSnapshot) => void;
  receiveRisk: (status: RiskStatus) => void;
  /** Fetches orders, fills, the portfolio and the risk status again; never rejects. */
  load: () => Promise<void>;
  cancelOrder: (id: string) => Promise<ActionOutcome>;
  /** Modify in place: the engine answers with the replacing order. */
  replaceOrder: (params: ParamsIn<'orders.replace'>) => Promise<ActionOutcome>;
  closePosition: (symbol: string) => Promise<ActionOutcome>;
  tripKillSwitch: (reason?: string) => Promise<ActionOutcome>;
  resetKillSwitch: () => Promise<ActionOutcome>;
}

export type TradingStore = StoreApi<TradingSlice>;

/** Runs an engine call and turns its failure into a message. */
async function attempt(run: () => Promise<void>): Promise<ActionOutcome> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

export function createTradingStore(client: EngineClient): TradingStore {
  let loadToken = 0;
  // Pushed while a load is in flight, so the fetched lists (which replace the book) keep them.
  let arrivedOrders: OrderDto[] | null = null;
  let arrivedFills: FillDto[] | null = null;

  return createStore<TradingSlice>()((set, get) => {
    const receiveOrder = (order: OrderDto): void => {
      arrivedOrders?.push(order);
      const orders = upsertOrders(get().orders, [order]);
      if (orders !== get().orders) set({ orders });
    };
    const receiveRisk = (risk: RiskStatus): void => set({ risk });

    const loadAll = (token: number): Promise<void>[] => {
      const current = (): boolean => token === loadToken;
      return [
        client.call('orders.list', { status: 'all', limit: TRADING_LOAD_LIMIT }).then((loaded) => {
          if (current()) set({ orders: upsertOrders(upsertOrders({}, loaded), arrivedOrders ?? []) });
        }),
        client.call('orders.fills', { limit: TRADING_LOAD_LIMIT }).then((loaded) => {
          if (current()) set({ fills: mergeFills(mergeFills([], loaded), arrivedFills ?? []) });
        }),
        client.call('portfolio.snapshot', {}).then((loaded) => {
          if (current()) set({ portfolio: newerSnapshot(get().portfolio, loaded) });
        }),
        client.call('risk.status', {}).then((loaded) => {
          if (current()) set({ risk: loaded });
        }),
      ];
    };

    return {
      orders: {},
      fills: [],
      portfolio: null,
      risk: null,
      status: 'idle',
      error: null,

      receiveOrder,
      receiveFill: (fill) => {
        arrivedFills?.push(fill);
        const fills = mergeFills(get().fills, [fill]);
        if (fills !== get().fills) set({ fills });
      },
      receivePortfolio: (snapshot) => {
        const portfolio = newerSnapshot(get().portfolio, snapshot);
        if (portfolio !== get().portfolio) set({ portfolio });
      },
      receiveRisk,

      load: async () => {
        const token = ++loadToken;
        arrivedOrders = [];
        arrivedFills = [];
        set({ status: 'loading' });
        const results = await Promise.allSettled(loadAll(token));
        if (token !== loadToken) return;
        arrivedOrders = null;
        arrivedFills = null;
        const failure = results.find((result) => result.status === 'rejected');
        set(failure ? { status: 'error', error: errorMessage(failure.reason) } : { status: 'ready', error: null });
      },

      cancelOrder: (id) => attempt(async () => receiveOrder(await client.call('orders.cancel', { id }))),
      replaceOrder: (params) => attempt(async () => receiveOrder(await client.call('orders.replace', params))),
      closePosition: (symbol) =>
        attempt(async () => {
          const placed = await client.call('positions.close', { symbol });
          if (placed) receiveOrder(placed);
        }),
      tripKillSwitch: (reason) =>
        attempt(async () => receiveRisk(await client.call('risk.killSwitch.trip', reason === undefined ? {} : { reason }))),
      resetKillSwitch: () => attempt(async () => receiveRisk(await client.call('risk.killSwitch.reset', {}))),
    };
  });
}
