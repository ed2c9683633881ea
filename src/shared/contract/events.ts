import { z } from 'zod';
import { Settings } from '../dto/settings';
import { FeedStatus } from '../dto/system';
import { LogEntry } from '../dto/log';
import { BarUpdate, Ticker } from '../dto/market-data';
import { ImportProgress } from '../dto/data-import';
import { FillDto, OrderDto, PortfolioSnapshot, RiskStatus } from '../dto/trading';
import { SweepProgress } from '../dto/backtest';
import { ReplayStatus } from '../dto/replay';
import { BrokerStatus, ReconciliationReport } from '../dto/broker';

/** Menu and hotkey commands the host sends to the UI. */
export const AppCommand = z.strictObject({ command: z.enum(['open-settings', 'toggle-theme']) });
export type AppCommand = z.infer<typeof AppCommand>;

/** Every push topic, `domain.noun`, with its payload schema. */
export const topics = {
  'settings.changed': Settings,
  'log.entry': LogEntry,
  'feed.status': FeedStatus,
  'app.command': AppCommand,
  /** Live bars, coalesced in the engine: at most one per symbol and timeframe per frame. */
  'md.bar': BarUpdate,
  'md.ticker': Ticker,
  'md.import.progress': ImportProgress,
  /** The replay's state and clock: on every change, and a few times a second while it plays. */
  'md.replay.status': ReplayStatus,
  /** Every journaled change of an order, in order. */
  'orders.update': OrderDto,
  'orders.fill': FillDto,
  /** Account and positions, marked to market; coalesced to a few per second. */
  'portfolio.update': PortfolioSnapshot,
  'risk.status': RiskStatus,
  'backtest.sweep.progress': SweepProgress,
  /** Which broker, paper or live, and its health: the header shows it at all times. */
  'broker.status': BrokerStatus,
  'broker.reconciliation': ReconciliationReport,
} as const satisfies Record<string, z.ZodType>;

export type Topics = typeof topics;
export type TopicName = keyof Topics;
export type Payload<T extends TopicName> = z.output<Topics[T]>;

export function isTopicName(name: string): name is TopicName {
  return Object.prototype.hasOwnProperty.call(topics, name);
}
