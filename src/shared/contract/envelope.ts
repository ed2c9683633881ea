import { z } from 'zod';
import { RpcErrorBody } from './errors';

/**
 * The one envelope every transport carries (Electron IPC, WebSocket, in-process).
 * Client → engine: request, subscribe, unsubscribe. Engine → client: response, event.
 */
export const MessageId = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z.string().min(1).max(64),
]);
export type MessageId = z.infer<typeof MessageId>;

const Name = z.string().min(1).max(100);

export const RequestMessage = z.strictObject({
  kind: z.literal('request'),
  id: MessageId,
  method: Name,
  params: z.unknown().optional(),
});
export const SubscribeMessage = z.strictObject({ kind: z.literal('subscribe'), id: MessageId, topic: Name });
export const UnsubscribeMessage = z.strictObject({ kind: z.literal('unsubscribe'), id: MessageId, topic: Name });

export const ClientMessage = z.discriminatedUnion('kind', [RequestMessage, SubscribeMessage, UnsubscribeMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const OkResponse = z.strictObject({
  kind: z.literal('response'),
  id: MessageId,
  ok: z.literal(true),
  result: z.unknown(),
});
/** `id` is null when the frame was too broken to read an id from. */
export const ErrorResponse = z.strictObject({
  kind: z.literal('response'),
  id: MessageId.nullable(),
  ok: z.literal(false),
  error: RpcErrorBody,
});
export const ResponseMessage = z.union([OkResponse, ErrorResponse]);
export type ResponseMessage = z.infer<typeof ResponseMessage>;

export const EventMessage = z.strictObject({ kind: z.literal('event'), topic: Name, payload: z.unknown() });
export type EventMessage = z.infer<typeof EventMessage>;

export const ServerMessage = z.union([OkResponse, ErrorResponse, EventMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export function errorResponse(id: MessageId | null, error: RpcErrorBody): ResponseMessage {
  return { kind: 'response', id, ok: false, error };
}
