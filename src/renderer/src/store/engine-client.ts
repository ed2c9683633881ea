import type { RpcClient } from '@shared/client/rpc-client';

/** The part of the typed client the stores use; unit tests pass a fake with the same shape. */
export type EngineClient = Pick<RpcClient, 'call' | 'subscribe' | 'onState'>;

/** A readable message for any failure a call can produce (RpcError, transport loss, ...). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
