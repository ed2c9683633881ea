import { ClientMessage, errorResponse, MessageId, type ResponseMessage, type ServerMessage } from '@shared/contract/envelope';
import { isTopicName, type TopicName } from '@shared/contract/events';
import { toErrorIssues } from '@shared/contract/errors';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../ports/logger';
import type { Router } from './router';

/**
 * One connected client (a window, a browser tab, a CLI call) on any transport: parses the
 * envelope, routes requests, and owns that client's subscriptions. Transports only move
 * frames and decide who may connect.
 */
export class Session {
  private readonly subscriptions = new Map<TopicName, () => void>();
  private closed = false;

  constructor(
    readonly label: string,
    private readonly router: Router,
    private readonly hub: EventHub,
    private readonly send: (message: ServerMessage) => void,
    private readonly logger: Logger,
    private readonly onClose: () => void = () => {},
  ) {}

  async handle(raw: unknown): Promise<ResponseMessage> {
    const response = await this.respond(raw);
    if (!response.ok) {
      this.logger.warn('Request refused', {
        session: this.label,
        code: response.error.code,
        message: response.error.message.slice(0, 200),
      });
    }
    return response;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
  }

  get topicCount(): number {
    return this.subscriptions.size;
  }

  private async respond(raw: unknown): Promise<ResponseMessage> {
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      return errorResponse(readId(raw), {
        code: 'BAD_FRAME',
        message: 'Not a valid request envelope',
        issues: toErrorIssues(parsed.error),
      });
    }
    const message = parsed.data;
    if (message.kind === 'request') return this.router.dispatch(message.id, message.method, message.params);
    if (!isTopicName(message.topic)) {
      return errorResponse(message.id, { code: 'UNKNOWN_TOPIC', message: `Unknown topic "${message.topic}"` });
    }
    if (message.kind === 'subscribe') this.subscribe(message.topic);
    else this.unsubscribe(message.topic);
    return { kind: 'response', id: message.id, ok: true, result: null };
  }

  private subscribe(topic: TopicName): void {
    if (this.closed || this.subscriptions.has(topic)) return;
    const unsubscribe = this.hub.subscribe(topic, (payload) => {
      if (!this.closed) this.send({ kind: 'event', topic, payload });
    });
    this.subscriptions.set(topic, unsubscribe);
  }

  private unsubscribe(topic: TopicName): void {
    this.subscriptions.get(topic)?.();
    this.subscriptions.delete(topic);
  }
}

/** Echo the caller's id when the broken frame still has a readable one. */
function readId(raw: unknown): MessageId | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  const id = MessageId.safeParse((raw).id);
  return id.success ? id.data : null;
}
