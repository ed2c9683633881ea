import { parseArgs } from 'node:util';
import type { OrderDto } from '@shared/dto/trading';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine } from '../engine-access';
import { formatOrderLine, formatRejection } from '../format/trading-tables';
import { printResult, type CliIo } from '../io';
import { ENGINE_OPTIONS, EXIT_CODES_HELP, EXIT_REJECTED, EXIT_USAGE, onePositional, parseUsage, validParams } from './trading-args';

export const ORDER_HELP = `kestrel order place --symbol S --side buy|sell --type market|limit|stop|stop_limit|trailing_stop
      [--qty Q | --notional N] [--limit P] [--stop P] [--trail-amount A | --trail-percent P]
      [--tif day|gtc|ioc|fok|opg|cls] [--extended-hours] [--class simple|bracket|oto|oco]
      [--take-profit P] [--stop-loss P] [--stop-loss-limit P] [--client-order-id ID]
      [--data-dir DIR] [--json]
  Place an order through the engine's risk checks. Prints one line, e.g.
  "Accepted O12 buy 10 SIM:SPY limit 101.5 day — accepted"; a refused order prints
  "Rejected by <rule>: <message> (limit …, actual …)" on stderr and exits with 3. Placing
  again with the same --client-order-id returns the order already placed with it.
kestrel order cancel ID [--data-dir DIR] [--json]
kestrel order cancel-all [--symbol S] [--data-dir DIR] [--json]
  Cancel one working order, or every working order (of one symbol).
${EXIT_CODES_HELP}`;

const PLACE_OPTIONS = {
  ...ENGINE_OPTIONS,
  symbol: { type: 'string' },
  side: { type: 'string' },
  type: { type: 'string' },
  qty: { type: 'string' },
  notional: { type: 'string' },
  limit: { type: 'string' },
  stop: { type: 'string' },
  'trail-amount': { type: 'string' },
  'trail-percent': { type: 'string' },
  tif: { type: 'string' },
  'extended-hours': { type: 'boolean' },
  class: { type: 'string' },
  'take-profit': { type: 'string' },
  'stop-loss': { type: 'string' },
  'stop-loss-limit': { type: 'string' },
  'client-order-id': { type: 'string' },
} as const;

/** PlaceOrder field → the flag that sets it, so validation errors name what the user typed. */
const PLACE_FLAGS: Record<string, string> = {
  clientOrderId: '--client-order-id',
  symbol: '--symbol',
  side: '--side',
  type: '--type',
  timeInForce: '--tif',
  quantity: '--qty',
  notional: '--notional',
  limitPrice: '--limit',
  stopPrice: '--stop',
  trailAmount: '--trail-amount',
  trailPercent: '--trail-percent',
  orderClass: '--class',
  'takeProfit.limitPrice': '--take-profit',
  'stopLoss.stopPrice': '--stop-loss',
  'stopLoss.limitPrice': '--stop-loss-limit',
};

export async function orderCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'place':
      return placeOrder(rest, io, version);
    case 'cancel':
      return cancelOrder(rest, io, version);
    case 'cancel-all':
      return cancelAll(rest, io, version);
    default:
      throw new CliError(`Expected "order place", "order cancel ID" or "order cancel-all"${action === undefined ? '' : ` (got "${action}")`}.`, EXIT_USAGE);
  }
}

async function placeOrder(args: string[], io: CliIo, version: string): Promise<number> {
  const { values } = parseUsage(() => parseArgs({ args, options: PLACE_OPTIONS, strict: true }));
  if (values['stop-loss-limit'] !== undefined && values['stop-loss'] === undefined) {
    throw new CliError('--stop-loss-limit needs --stop-loss.', EXIT_USAGE);
  }
  const input = {
    clientOrderId: values['client-order-id'],
    symbol: values.symbol?.toUpperCase(),
    side: values.side,
    type: values.type,
    timeInForce: values.tif,
    quantity: values.qty,
    notional: values.notional,
    limitPrice: values.limit,
    stopPrice: values.stop,
    trailAmount: values['trail-amount'],
    trailPercent: values['trail-percent'],
    extendedHours: values['extended-hours'],
    orderClass: values.class,
    takeProfit: values['take-profit'] === undefined ? undefined : { limitPrice: values['take-profit'] },
    stopLoss: values['stop-loss'] === undefined ? undefined : { stopPrice: values['stop-loss'], limitPrice: values['stop-loss-limit'] },
    source: 'cli',
  };
  const params = validParams('orders.place', input, PLACE_FLAGS);
  const json = values.json ?? false;
  const order = await withEngine(resolveDataDir(values['data-dir'], io.env), version, (access) => access.client.call('orders.place', params));
  return reportPlaced(io, json, order);
}

/** Prints the placed order; a refusal goes to stderr and sets exit code 3, with or without --json. */
function reportPlaced(io: CliIo, json: boolean, order: OrderDto): number {
  const rejected = order.status === 'rejected';
  if (json) io.out(JSON.stringify(order, null, 2));
  else if (!rejected) io.out(formatOrderLine('Accepted', order));
  if (!rejected) return 0;
  io.err(formatRejection(order.rejection));
  return EXIT_REJECTED;
}

async function cancelOrder(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseUsage(() => parseArgs({ args, options: ENGINE_OPTIONS, allowPositionals: true, strict: true }));
  const params = validParams('orders.cancel', { id: onePositional(positionals, 'order ID') }, { id: 'ID' });
  const order = await withEngine(resolveDataDir(values['data-dir'], io.env), version, (access) => access.client.call('orders.cancel', params));
  printResult(io, values.json ?? false, order, () => formatOrderLine('Canceled', order));
  return 0;
}

async function cancelAll(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseUsage(() =>
    parseArgs({ args, options: { ...ENGINE_OPTIONS, symbol: { type: 'string' } }, allowPositionals: true, strict: true }),
  );
  if (positionals.length > 0) throw new CliError('"order cancel-all" takes no arguments; use --symbol to pick one symbol.', EXIT_USAGE);
  const params = validParams('orders.cancelAll', { symbol: values.symbol?.toUpperCase() }, { symbol: '--symbol' });
  const result = await withEngine(resolveDataDir(values['data-dir'], io.env), version, (access) => access.client.call('orders.cancelAll', params));
  const scope = params.symbol === undefined ? '' : ` for ${params.symbol}`;
  printResult(io, values.json ?? false, result, () => `Canceled ${result.canceled} working order${result.canceled === 1 ? '' : 's'}${scope}.`);
  return 0;
}
