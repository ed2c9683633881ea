import { methods, isMethodName, type MethodName } from '@shared/contract/rpc';
import { toErrorIssues } from '@shared/contract/errors';
import type { ResponseMessage, MessageId } from '@shared/contract/envelope';
import { errorResponse } from '@shared/contract/envelope';
import type { Logger } from '../ports/logger';
import type { Handler, Handlers } from './handlers';
import { DomainError } from './domain-error';

/**
 * Validates a request against the contract, runs its handler and turns every outcome into a
 * response envelope. Handlers never see unvalidated input; callers never see a stack trace.
 */
export class Router {
  constructor(
    private readonly handlers: Handlers,
    private readonly logger: Logger,
  ) {}

  async dispatch(id: MessageId, method: string, rawParams: unknown): Promise<ResponseMessage> {
    if (!isMethodName(method)) {
      return errorResponse(id, { code: 'UNKNOWN_METHOD', message: `Unknown method "${method.slice(0, 100)}"` });
    }
    const params = methods[method].params.safeParse(rawParams === undefined ? {} : rawParams);
    if (!params.success) {
      return errorResponse(id, {
        code: 'INVALID_PARAMS',
        message: `Invalid parameters for ${method}`,
        issues: toErrorIssues(params.error),
      });
    }
    try {
      const handler = this.handlers[method] as Handler<MethodName>;
      const result = await handler(params.data);
      const checked = methods[method].result.safeParse(result);
      if (!checked.success) {
        this.logger.error('Handler result breaks the contract', { method, issues: JSON.stringify(toErrorIssues(checked.error)) });
        return errorResponse(id, { code: 'INTERNAL', message: `Internal error in ${method}` });
      }
      return { kind: 'response', id, ok: true, result: checked.data };
    } catch (error) {
      if (error instanceof DomainError) return errorResponse(id, { code: error.code, message: error.message });
      this.logger.error('Handler failed', { method, error: describeError(error) });
      return errorResponse(id, { code: 'INTERNAL', message: `Internal error in ${method}` });
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
}
