import { useStore } from 'zustand';
import { useServices } from '../../app/app-context';
import type { BrokerSlice, BrokerStore } from '../../store/broker/broker-store';

/** A slice of the broker state; re-renders when the selected value changes. */
export function useBroker<T>(selector: (state: BrokerSlice) => T): T {
  return useStore(useServices().stores.broker, selector);
}

/** The broker store itself, for actions (connect, unlock, use paper, forget, reconcile). */
export function useBrokerStore(): BrokerStore {
  return useServices().stores.broker;
}
