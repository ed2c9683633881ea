import { TIMEFRAME_MS } from '@shared/dto/market-data';
import type { ReplayStart, ReplayState, ReplayStatus, ReplayTimeframe } from '@shared/dto/replay';
import { DomainError } from '../../api/domain-error';
import type { BarStore, InstrumentStore } from '../../ports/bar-store';
import type { Clock } from '../../ports/clock';
import type { FeedEvent, MarketFeed } from '../../ports/market-feed';
import type { Scheduler } from '../../ports/scheduler';
import type { FeedRoute } from '../routing-feed';
import { ReplayFeed } from './replay-feed';

/** Where the replay's route goes: the engine's RoutingFeed. */
export interface ReplayRouter {
  addRoute(route: FeedRoute): void;
  removeRoute(feed: MarketFeed): void;
}

export interface ReplayControllerOptions {
  clock: Clock;
  scheduler: Scheduler;
  store: BarStore;
  instruments: Pick<InstrumentStore, 'getInstrument'>;
  router: ReplayRouter;
  publish: (status: ReplayStatus) => void;
  /** How often the status (the replay clock) is published while playing. */
  statusEveryMs?: number;
}

/**
 * Daily data has nothing inside a day, so a daily bar plays like a minute bar: the day is cut
 * to its last minute, as nights are in intraday replays. 1000× then plays ~16 bars a second.
 */
const DAILY_BAR_REPLAY_MS = 60_000;

interface Session {
  feed: ReplayFeed;
  /** What the RoutingFeed sees: the replay's events; the controller alone subscribes and starts it. */
  routed: MarketFeed;
  symbol: string;
  timeframe: ReplayTimeframe;
  from: number;
  to: number;
  /** Close of the last bar played, or null before the first. */
  playedTo: number | null;
  stops: (() => void)[];
}

/**
 * Owns at most one replay of one stored symbol: builds its ReplayFeed on the engine's clock
 * and store, routes the symbol to it (so the live service, the chart and the paper broker see
 * its bars), publishes its status and tells the bar handlers where that symbol's history ends.
 */
export class ReplayController {
  private session: Session | null = null;
  private state: ReplayState = 'idle';
  private speed = 1;
  private revision = 0;
  private cancelTicker: (() => void) | null = null;

  constructor(private readonly options: ReplayControllerOptions) {}

  /** Replaces any running replay. Unknown symbols and missing bars are NOT_FOUND. */
  async start(request: ReplayStart): Promise<ReplayStatus> {
    const { symbol, timeframe } = request;
    const { store, instruments } = this.options;
    if (instruments.getInstrument(symbol) === null) throw new DomainError('NOT_FOUND', `Unknown symbol ${symbol}: import or fetch its bars first`);
    const extent = store.extent(symbol, timeframe);
    if (!extent) throw new DomainError('NOT_FOUND', `No stored ${timeframe} bars of ${symbol} to replay`);
    const first = store.readBars({ symbol, timeframe, from: request.from, limit: 1 }).time[0];
    if (first === undefined) {
      throw new DomainError('NOT_FOUND', `No stored ${timeframe} bars of ${symbol} from ${isoDate(request.from)}; the last is on ${isoDate(extent.last)}`);
    }
    this.end();
    this.speed = request.speed ?? this.speed;
    const feed = new ReplayFeed({
      clock: this.options.clock,
      scheduler: this.options.scheduler,
      source: { kind: 'bars', store, timeframe },
      from: first,
      to: extent.last,
      speed: this.speed,
      ...(timeframe === '1d' ? { maxGapMs: DAILY_BAR_REPLAY_MS } : {}),
    });
    const routed: MarketFeed = {
      source: 'replay',
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(),
      subscribe: () => {},
      unsubscribe: () => {},
      onEvent: (listener) => feed.onEvent(listener),
    };
    const session: Session = { feed, routed, symbol, timeframe, from: first, to: extent.last, playedTo: null, stops: [] };
    this.session = session;
    this.revision += 1;
    session.stops.push(feed.onEvent((event) => this.onFeedEvent(session, event)));
    feed.subscribe([symbol]);
    this.options.router.addRoute({ feed: routed, serves: (candidate) => candidate === symbol });
    this.setState('playing');
    await feed.start();
    return this.publish();
  }

  pause(): ReplayStatus {
    const session = this.running();
    if (this.state === 'playing') {
      this.setState('paused');
      session.feed.pause();
    }
    return this.publish();
  }

  resume(): ReplayStatus {
    const session = this.running();
    if (this.state === 'paused') {
      this.setState('playing');
      session.feed.resume();
    }
    return this.publish();
  }

  /** Applies to the running replay and to the next one. */
  setSpeed(speed: number): ReplayStatus {
    this.speed = this.session ? this.session.feed.setSpeed(speed) : speed;
    return this.publish();
  }

  /** Jumps to the first stored bar opening at or after `time` (past the last: finished). */
  seek(time: number): ReplayStatus {
    const session = this.running();
    const { symbol, timeframe } = session;
    const next = this.options.store.readBars({ symbol, timeframe, from: time, limit: 1 }).time[0];
    const target = next ?? session.to + TIMEFRAME_MS[timeframe];
    session.playedTo = null;
    this.revision += 1;
    if (this.state === 'finished') this.setState('playing');
    session.feed.seek(target);
    return this.publish();
  }

  /** Ends the replay: the symbol goes back to its live feed and its full history. */
  stop(): ReplayStatus {
    if (this.session) {
      this.end();
      this.revision += 1;
    }
    return this.publish();
  }

  status(): ReplayStatus {
    const session = this.session;
    return {
      state: this.state,
      symbol: session?.symbol ?? null,
      timeframe: session?.timeframe ?? null,
      speed: this.speed,
      replayTime: session ? this.replayTime(session) : null,
      from: session?.from ?? null,
      to: session?.to ?? null,
      revision: this.revision,
    };
  }

  /** The replay clock while `symbol` is replayed: its history is shown up to here. Else null. */
  clipTime(symbol: string): number | null {
    const session = this.session;
    return session && session.symbol === symbol ? this.replayTime(session) : null;
  }

  private replayTime(session: Session): number {
    const time = session.feed.replayTime();
    // A finished feed's clock stays at its last anchor; the replay has shown every bar by then.
    return this.state === 'finished' ? Math.max(time, session.playedTo ?? session.from) : time;
  }

  private onFeedEvent(session: Session, event: FeedEvent): void {
    if (session !== this.session) return;
    if (event.type === 'bar') session.playedTo = event.bar.time + TIMEFRAME_MS[session.timeframe];
    if (event.type !== 'status') return;
    // pause() and stop() set the state before the feed reports idle; an idle while playing is the end.
    if (event.state === 'idle' && this.state === 'playing') {
      this.setState('finished');
      this.publish();
    }
  }

  private running(): Session {
    if (!this.session) throw new DomainError('CONFLICT', 'No replay is running');
    return this.session;
  }

  private end(): void {
    const session = this.session;
    if (!session) return;
    this.session = null;
    this.setState('idle');
    for (const stop of session.stops.splice(0)) stop();
    this.options.router.removeRoute(session.routed);
    void session.feed.stop();
  }

  /** The clock ticks in the status only while playing. */
  private setState(state: ReplayState): void {
    this.state = state;
    this.cancelTicker?.();
    this.cancelTicker = null;
    if (state === 'playing') this.cancelTicker = this.options.scheduler.every(this.options.statusEveryMs ?? 250, () => this.publish());
  }

  private publish(): ReplayStatus {
    const status = this.status();
    this.options.publish(status);
    return status;
  }
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
