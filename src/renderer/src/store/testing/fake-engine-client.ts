import type { ConnectionState } from '@shared/client/transport';
import type { MethodName, ParamsIn, Result } from '@shared/contract/rpc';
import type { Payload, TopicName } from '@shared/contract/events';
import type { EngineClient } from '../engine-client';

type Handler<M extends MethodName> = (params: ParamsIn<M>) => Result<M> | Promise<Result<M>>;
type Handlers = { [M in MethodName]?: Handler<M> };

/** An in-memory stand-in for RpcClient, for store unit tests. Only type imports: no alias needed. */
export class FakeEngineClient implements EngineClient {
  readonly calls: { method: MethodName; params: unknown }[] = [];
  private readonly handlers: Handlers = {};
  private readonly topicListeners = new Map<TopicName, Set<(payload: never) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private state: ConnectionState = 'connecting';

  handle<M extends MethodName>(method: M, handler: Handler<M>): this {
    (this.handlers as Record<string, unknown>)[method] = handler;
    return this;
  }

  async call<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>> {
    this.calls.push({ method, params });
    const handler = this.handlers[method];
    if (!handler) throw new Error(`No handler for ${method}`);
    return handler(params);
  }

  subscribe<T extends TopicName>(topic: T, listener: (payload: Payload<T>) => void): () => void {
    let set = this.topicListeners.get(topic);
    if (!set) {
      set = new Set();
      this.topicListeners.set(topic, set);
    }
    set.add(listener);
    return () => this.topicListeners.get(topic)?.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  emit<T extends TopicName>(topic: T, payload: Payload<T>): void {
    for (const listener of this.topicListeners.get(topic) ?? []) (listener as (p: Payload<T>) => void)(payload);
  }

  setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  callsTo(method: MethodName): number {
    return this.calls.filter((call) => call.method === method).length;
  }
}

/** Lets pending promise callbacks run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
