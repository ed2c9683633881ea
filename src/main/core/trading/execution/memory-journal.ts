import type { EquityPoint, KillSwitchState } from '@shared/dto/trading';
import type { JournalEntry, JournalState, TradingJournal, CashMovement } from '../../ports/trading-journal';
import type { Fill } from '../model/fill';
import type { Order } from '../model/order';

/**
 * A journal in memory: for backtests, which need no durability, and for unit tests. Same
 * contract as the SQLite one: all of a batch or none, a fill id booked once, a client order
 * id never reused by another order.
 */
export class MemoryJournal implements TradingJournal {
  private readonly orders = new Map<string, Order>();
  private readonly clientIds = new Map<string, string>();
  private fills: Fill[] = [];
  private readonly fillIds = new Set<string>();
  private cash: CashMovement[] = [];
  private killSwitch: KillSwitchState | null = null;
  private readonly cursors = new Map<string, number>();
  private readonly equity = new Map<number, EquityPoint>();
  /** Set to make the next append throw (a full disk, in tests). */
  failNext: Error | null = null;

  append(entries: readonly JournalEntry[]): { duplicates: number } {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    for (const entry of entries) {
      if (entry.kind !== 'order') continue;
      const owner = this.clientIds.get(entry.order.clientOrderId);
      if (owner !== undefined && owner !== entry.order.id) throw new Error(`Client order id ${entry.order.clientOrderId} belongs to ${owner}`);
    }
    let duplicates = 0;
    for (const entry of entries) {
      switch (entry.kind) {
        case 'order':
          this.orders.set(entry.order.id, entry.order);
          this.clientIds.set(entry.order.clientOrderId, entry.order.id);
          break;
        case 'fill':
          if (this.fillIds.has(entry.fill.id)) duplicates += 1;
          else {
            this.fillIds.add(entry.fill.id);
            this.fills.push(entry.fill);
          }
          break;
        case 'cash':
          if (this.cash.some((movement) => movement.id === entry.movement.id)) duplicates += 1;
          else this.cash.push(entry.movement);
          break;
        case 'kill_switch':
          this.killSwitch = entry.state;
          break;
        case 'cursor':
          this.cursors.set(entry.name, entry.position);
          break;
      }
    }
    return { duplicates };
  }

  load(): JournalState {
    return {
      orders: [...this.orders.values()],
      fills: [...this.fills],
      cash: [...this.cash],
      killSwitch: this.killSwitch,
      cursors: new Map(this.cursors),
    };
  }

  hasClientOrderId(clientOrderId: string): boolean {
    return this.clientIds.has(clientOrderId);
  }

  recordEquity(point: EquityPoint): void {
    this.equity.set(point.time, point);
  }

  equityHistory(limit: number): EquityPoint[] {
    return [...this.equity.values()].sort((a, b) => a.time - b.time).slice(-limit);
  }
}
