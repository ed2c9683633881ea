import type { Logger } from '../../../core/ports/logger';
import type { ExecutionReport } from '../../../core/trading/model/execution-report';
import { isOpen, type Order } from '../../../core/trading/model/order';
import type { OrderLinks } from './order-links';
import { expectedLegCount } from './order-mapping';
import { alpacaTimeOrNull } from './parse-values';
import type { AlpacaTradingApi } from './trading-api';
import { reportsForUpdate } from './update-reports';
import type { AlpacaOrder, TradeUpdate } from './wire';
import type { OrderLookup } from '../../../core/trading/execution/trading-book';

export interface UpdateApplierDeps {
  api: Pick<AlpacaTradingApi, 'getOrder'>;
  links: OrderLinks;
  orders: OrderLookup;
  replacementOf: (ourId: string) => string | null;
  forgetReplacement: (ourId: string) => void;
  emit: (report: ExecutionReport) => void;
  now: () => number;
  logger: Logger;
}

/**
 * Turns trade updates into reports for our orders. An update names our order by Alpaca id
 * or by our client order id; an exit leg carries neither, so an unknown id first has the
 * parents whose legs are not linked yet fetched. Orders placed elsewhere are logged and left
 * to reconciliation, which lists them.
 */
export class UpdateApplier {
  private readonly foreign = new Set<string>();

  constructor(private readonly deps: UpdateApplierDeps) {}

  async apply(update: TradeUpdate): Promise<void> {
    const order = await this.resolve(update.order);
    if (!order) return;
    const time = alpacaTimeOrNull(update.timestamp)?.ms ?? alpacaTimeOrNull(update.order.updated_at)?.ms ?? this.deps.now();
    if (update.event === 'order_replace_rejected') return this.replaceRefused(order, time);
    if (update.event === 'replaced' && order.replaces !== null && update.order.status !== 'replaced') {
      // This payload is the replacement itself: end the order it replaces.
      return this.replacedBy(this.find(order.replaces), order, time);
    }
    if (update.event === 'replaced') {
      const replacement = this.replacementFor(order, update.order);
      if (replacement) return this.replacedBy(order, replacement, time);
    }
    const translation = reportsForUpdate(update, {
      order,
      reportedFilled: this.deps.links.reportedFilled(order),
      replacementId: null,
      time,
    });
    for (const report of translation.reports) this.deps.emit(report);
    if (translation.filledTo) this.deps.links.markFilled(order.id, translation.filledTo);
    if (translation.note) this.deps.logger.warn(translation.note, { orderId: order.id, event: update.event });
  }

  private async resolve(alpaca: AlpacaOrder): Promise<Order | null> {
    const known = this.deps.links.learn(alpaca, this.deps.orders);
    if (known || this.foreign.has(alpaca.id)) return known;
    await this.learnLegs();
    const leg = this.deps.links.ourIdOf(alpaca.id);
    const found = leg === undefined ? undefined : this.find(leg);
    if (found) return found;
    this.foreign.add(alpaca.id);
    this.deps.logger.info('Alpaca reported an order this app did not place', { alpacaId: alpaca.id, symbol: alpaca.symbol, status: alpaca.status });
    return null;
  }

  /** Fetches open multi-leg entries whose legs are not linked yet (legs carry none of our ids). */
  private async learnLegs(): Promise<void> {
    const { orders } = this.deps;
    const parents = orders.open().filter((order) => expectedLegCount(order) > 0 && this.deps.links.alpacaIdOf(order.id) !== undefined);
    for (const parent of parents) {
      const unlinked = orders.children(parent.id).some((child) => this.deps.links.alpacaIdOf(child.id) === undefined);
      const alpacaId = this.deps.links.alpacaIdOf(parent.id);
      if (!unlinked || alpacaId === undefined) continue;
      const alpaca = await this.deps.api.getOrder(alpacaId);
      if (alpaca) this.deps.links.learn(alpaca, this.deps.orders);
    }
  }

  private replacementFor(order: Order, alpaca: AlpacaOrder): Order | null {
    const viaAlpaca = alpaca.replaced_by ? this.deps.links.ourIdOf(alpaca.replaced_by) : undefined;
    const id = this.deps.replacementOf(order.id) ?? viaAlpaca ?? null;
    const replacement = id === null ? null : (this.find(id) ?? null);
    if (replacement && alpaca.replaced_by) this.deps.links.link(replacement.id, alpaca.replaced_by);
    return replacement;
  }

  /** The old order reports `replaced`; the replacement is live at Alpaca, so it is accepted. */
  private replacedBy(old: Order | undefined, replacement: Order, time: number): void {
    if (old && isOpen(old)) this.deps.emit({ kind: 'replaced', orderId: old.id, time, newOrderId: replacement.id });
    if (old) this.deps.forgetReplacement(old.id);
    if (this.find(replacement.id)?.status === 'pending_new') this.deps.emit({ kind: 'accepted', orderId: replacement.id, time });
  }

  private replaceRefused(old: Order, time: number): void {
    const id = this.deps.replacementOf(old.id);
    this.deps.forgetReplacement(old.id);
    const replacement = id === null ? undefined : this.find(id);
    if (replacement?.status === 'pending_new') {
      this.deps.emit({ kind: 'rejected', orderId: replacement.id, time, reason: 'Alpaca refused the replacement; the order works unchanged' });
    }
  }

  private find(id: string): Order | undefined {
    return this.deps.orders.get(id);
  }
}
