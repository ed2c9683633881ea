import { z } from 'zod';

/**
 * The closed set of error codes that can cross the boundary. A client can switch on these
 * exhaustively; adding one is a contract change (bump PROTOCOL_VERSION when clients must know).
 */
export const ERROR_CODES = [
  'BAD_FRAME', // not JSON, not a text frame, or not a valid envelope
  'FRAME_TOO_LARGE', // larger than the bridge accepts
  'UNKNOWN_METHOD',
  'UNKNOWN_TOPIC',
  'INVALID_PARAMS', // the request failed its schema; `issues` says where
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE', // the engine or a dependency cannot serve this now; retrying later may work
  'TIMEOUT',
  'INTERNAL', // a broken invariant in the engine; logged with details, never leaked
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const RpcErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type RpcErrorBody = z.infer<typeof RpcErrorBody>;

/** Turns schema issues into the flat, JSON-safe form the wire carries. */
export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
