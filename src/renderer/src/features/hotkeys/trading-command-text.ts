import type { OrderDto } from '@shared/dto/trading';
import { RULE_LABELS, STATUS_LABELS, formatAmount } from '../order-ticket/ticket-format';

/** The order commands the hotkeys give, and what they say about them. */
export type TradingCommand = 'cancelAll' | 'flatten';

export interface CommandNotice {
  kind: 'busy' | 'done' | 'error';
  text: string;
}

export function confirmQuestion(command: TradingCommand, symbol: string): { title: string; text: string; action: string } {
  return command === 'cancelAll'
    ? { title: 'Cancel all orders', text: 'Cancel every working order, on every symbol?', action: 'Cancel all orders' }
    : { title: `Flatten ${symbol}`, text: `Close the whole ${symbol} position with a market order?`, action: `Flatten ${symbol}` };
}

export function busyNotice(command: TradingCommand, symbol: string): CommandNotice {
  return { kind: 'busy', text: command === 'cancelAll' ? 'Canceling all working orders…' : `Flattening ${symbol}…` };
}

export function canceledNotice(canceled: number): CommandNotice {
  if (canceled === 0) return { kind: 'done', text: 'No working orders to cancel' };
  return { kind: 'done', text: canceled === 1 ? '1 order canceled' : `${canceled} orders canceled` };
}

/** `positions.close` answers null when there was nothing to close. */
export function flattenNotice(symbol: string, order: OrderDto | null): CommandNotice {
  if (order === null) return { kind: 'done', text: `No ${symbol} position to flatten` };
  const what = `${order.side.toUpperCase()} ${formatAmount(order.quantity)} ${symbol} at market`;
  if (order.status === 'rejected') {
    const why = order.rejection ? `${RULE_LABELS[order.rejection.rule]}: ${order.rejection.message}` : 'no reason given';
    return { kind: 'error', text: `Flatten refused (${what}): ${why}` };
  }
  return { kind: 'done', text: `Flatten sent: ${what} · ${STATUS_LABELS[order.status]}` };
}

export function failedNotice(command: TradingCommand, symbol: string, message: string): CommandNotice {
  return { kind: 'error', text: `${command === 'cancelAll' ? 'Cancel all' : `Flatten ${symbol}`} failed: ${message}` };
}
