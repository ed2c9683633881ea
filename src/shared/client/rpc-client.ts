import { ResponseMessage, EventMessage, type MessageId } from '../contract/envelope';
import { methods, type MethodName, type ParamsIn, type Result } from '../contract/rpc';
import { topics, type Payload, type TopicName } from '../contract/events';
import { toErrorIssues } from '../contract/errors';
import { RpcError } from './rpc-error';
import type { ConnectionState, Transport } from './transport';

type Listener = (payload: never) => void;

/**
 * The one typed client for the contract, over any transport. Responses and events are
 * validated here too: a contract drift shows up as a clear error, not as bad UI state.
 * Subscriptions are reference-counted per topic and renewed after a reconnect.
 */
export class RpcClient {
  private nextId = 1;
  private readonly listeners = new Map<TopicName, Set<Listener>>();
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly transport: Transport,
    private readonly onWarning: (message: string) => void = () => {},
  ) {
    this.disposers.push(
      transport.onEvent((raw) => this.dispatchEvent(raw)),
      transport.onState((state) => {
        if (state === 'open') this.renewSubscriptions();
      }),
    );
  }

  async call<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>> {
    let raw: unknown;
    try {
      raw = await this.transport.request({ kind: 'request', id: this.id(), method, params });
    } catch (error) {
      throw new RpcError({ code: 'UNAVAILABLE', message: error instanceof Error ? error.message : String(error) });
    }
    const response = ResponseMessage.safeParse(raw);
    if (!response.success) {
      throw new RpcError({ code: 'BAD_FRAME', message: `Malformed response to ${method}`, issues: toErrorIssues(response.error) });
    }
    if (!response.data.ok) throw new RpcError(response.data.error);
    const result = methods[method].result.safeParse(response.data.result);
    if (!result.success) {
      throw new RpcError({ code: 'BAD_FRAME', message: `Response to ${method} breaks the contract`, issues: toErrorIssues(result.error) });
    }
    return result.data as Result<M>;
  }

  subscribe<T extends TopicName>(topic: T, listener: (payload: Payload<T>) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
      void this.sendSubscription('subscribe', topic);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(topic);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(topic);
      void this.sendSubscription('unsubscribe', topic);
    };
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    return this.transport.onState(listener);
  }

  close(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.listeners.clear();
    this.transport.close();
  }

  private id(): MessageId {
    return this.nextId++;
  }

  private async sendSubscription(kind: 'subscribe' | 'unsubscribe', topic: TopicName): Promise<void> {
    try {
      const raw = await this.transport.request({ kind, id: this.id(), topic });
      const response = ResponseMessage.safeParse(raw);
      if (response.success && !response.data.ok) {
        this.onWarning(`${kind} ${topic} refused: ${response.data.error.message}`);
      }
    } catch {
      // The connection dropped; renewSubscriptions() runs when it is back.
    }
  }

  private renewSubscriptions(): void {
    for (const topic of this.listeners.keys()) void this.sendSubscription('subscribe', topic);
  }

  private dispatchEvent(raw: unknown): void {
    const event = EventMessage.safeParse(raw);
    if (!event.success) return;
    const topic = event.data.topic as TopicName;
    const set = this.listeners.get(topic);
    if (!set) return;
    const payload = topics[topic].safeParse(event.data.payload);
    if (!payload.success) {
      this.onWarning(`Dropped malformed ${topic} event`);
      return;
    }
    for (const listener of set) (listener as (p: unknown) => void)(payload.data);
  }
}
