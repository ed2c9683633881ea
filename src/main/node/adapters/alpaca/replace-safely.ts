import type { Order } from '../../../core/trading/model/order';
import { AlpacaApiError, AlpacaCircuitOpenError, outcomeUnknown } from './errors';
import { toAlpacaReplace } from './order-mapping';
import { lookUp, type SubmitOutcome, type SubmitSafelyOptions } from './submit-safely';
import type { AlpacaTradingApi } from './trading-api';

export type ReplaceSafelyOptions = Omit<SubmitSafelyOptions, 'api'> & { api: Pick<AlpacaTradingApi, 'replaceOrder' | 'orderByClientOrderId'> };

/**
 * PATCHes an Alpaca order once, carrying the replacement's client order id. After an unknown
 * outcome the replacement is looked up by that id: found is adopted, a definite 404 means
 * nothing changed (the replacement is rejected; the old order keeps working). It is never
 * sent twice: the user decides whether to try again.
 */
export async function replaceSafely(alpacaId: string, next: Order, options: ReplaceSafelyOptions): Promise<SubmitOutcome> {
  try {
    return { kind: 'created', order: await options.api.replaceOrder(alpacaId, toAlpacaReplace(next)), adopted: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (outcomeUnknown(error)) {
      options.logger.warn('Alpaca replace did not answer clearly; looking it up', { clientOrderId: next.clientOrderId, error: message });
      const found = await lookUp(next.clientOrderId, options);
      if (found.kind === 'found') return { kind: 'created', order: found.order, adopted: true };
      if (found.kind === 'unknown') return found;
      return { kind: 'rejected', reason: `Alpaca did not replace the order (${message})`, code: null };
    }
    if (error instanceof AlpacaCircuitOpenError) return { kind: 'rejected', reason: 'Alpaca orders endpoint unavailable, replacement not sent', code: null };
    if (error instanceof AlpacaApiError) {
      const code = error.code === null ? '' : `, code ${error.code}`;
      return { kind: 'rejected', reason: `Alpaca refused the replacement: ${message} (HTTP ${error.status}${code})`, code: error.code };
    }
    return { kind: 'rejected', reason: `Alpaca did not replace the order: ${message}`, code: null };
  }
}
