import type { Payload, TopicName } from '@shared/contract/events';

type Listener<T extends TopicName> = (payload: Payload<T>) => void;

/**
 * In-process publish/subscribe over the contract's topics. One hub per engine (not global),
 * so tests and several engines in one process never share listeners.
 */
export class EventHub {
  private readonly listeners = new Map<TopicName, Set<Listener<never>>>();

  publish<T extends TopicName>(topic: T, payload: Payload<T>): void {
    const set = this.listeners.get(topic);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<T>)(payload);
      } catch {
        // A failing subscriber (e.g. a dead socket) must not stop delivery to the others.
      }
    }
  }

  subscribe<T extends TopicName>(topic: T, listener: Listener<T>): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  listenerCount(topic: TopicName): number {
    return this.listeners.get(topic)?.size ?? 0;
  }
}
