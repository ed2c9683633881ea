import type { ErrorCode, ErrorIssue, RpcErrorBody } from '../contract/errors';

/** A structured failure from the engine (or from the client's own checks). */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(body: RpcErrorBody) {
    super(body.message);
    this.name = 'RpcError';
    this.code = body.code;
    this.issues = body.issues;
  }
}
