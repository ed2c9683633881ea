import type BetterSqlite3 from 'better-sqlite3';
import { BacktestMetrics, BacktestRequest, BacktestResult, ParamValues, type BacktestSummary } from '@shared/dto/backtest';
import type { BacktestsTable } from './schema';

type SummaryRow = Pick<BacktestsTable, 'id' | 'created_at' | 'strategy' | 'symbols' | 'timeframe' | 'params' | 'metrics'>;

/**
 * Saved backtest runs (table `backtests`, migration 0004). JSON columns are parsed through
 * their schemas on the way out, so a row written by an older version fails loudly, not subtly.
 */
export class SqliteBacktestRepository {
  private readonly insertRow: BetterSqlite3.Statement<[BacktestsTable]>;
  private readonly selectRow: BetterSqlite3.Statement<[string], BacktestsTable>;
  private readonly selectSummaries: BetterSqlite3.Statement<[number], SummaryRow>;
  private readonly deleteRow: BetterSqlite3.Statement<[string]>;

  constructor(db: BetterSqlite3.Database) {
    this.insertRow = db.prepare<[BacktestsTable]>(
      `insert into backtests (id, created_at, strategy, symbols, timeframe, from_time, to_time, params, request, metrics,
         bars, first_bar_time, last_bar_time, duration_ms, trades, fills, equity)
       values (@id, @created_at, @strategy, @symbols, @timeframe, @from_time, @to_time, @params, @request, @metrics,
         @bars, @first_bar_time, @last_bar_time, @duration_ms, @trades, @fills, @equity)`,
    );
    this.selectRow = db.prepare<[string], BacktestsTable>('select * from backtests where id = ?');
    this.selectSummaries = db.prepare<[number], SummaryRow>(
      `select id, created_at, strategy, symbols, timeframe, params, metrics from backtests order by created_at desc, id desc limit ?`,
    );
    this.deleteRow = db.prepare<[string]>('delete from backtests where id = ?');
  }

  save(result: BacktestResult): void {
    const { request } = result;
    this.insertRow.run({
      id: result.id,
      created_at: result.createdAt,
      strategy: request.strategy,
      symbols: JSON.stringify(request.symbols),
      timeframe: request.timeframe,
      from_time: request.from ?? null,
      to_time: request.to ?? null,
      params: JSON.stringify(request.params),
      request: JSON.stringify(request),
      metrics: JSON.stringify(result.metrics),
      bars: result.bars,
      first_bar_time: result.firstBarTime,
      last_bar_time: result.lastBarTime,
      duration_ms: result.durationMs,
      trades: JSON.stringify(result.trades),
      fills: JSON.stringify(result.fills),
      equity: JSON.stringify(result.equity),
    });
  }

  get(id: string): BacktestResult | null {
    const row = this.selectRow.get(id);
    if (!row) return null;
    return BacktestResult.parse({
      id: row.id,
      request: JSON.parse(row.request) as unknown,
      createdAt: row.created_at,
      bars: row.bars,
      firstBarTime: row.first_bar_time,
      lastBarTime: row.last_bar_time,
      metrics: JSON.parse(row.metrics) as unknown,
      equity: JSON.parse(row.equity) as unknown,
      trades: JSON.parse(row.trades) as unknown,
      fills: JSON.parse(row.fills) as unknown,
      durationMs: row.duration_ms,
    });
  }

  /** Newest first; without the bulky trades and equity. */
  list(limit: number): BacktestSummary[] {
    return this.selectSummaries.all(limit).map((row) => ({
      id: row.id,
      strategy: row.strategy,
      symbols: parseSymbols(row.symbols),
      timeframe: BacktestRequest.shape.timeframe.parse(row.timeframe),
      params: ParamValues.parse(JSON.parse(row.params)),
      createdAt: row.created_at,
      metrics: BacktestMetrics.parse(JSON.parse(row.metrics)),
    }));
  }

  delete(id: string): boolean {
    return this.deleteRow.run(id).changes > 0;
  }
}

function parseSymbols(text: string): string[] {
  return BacktestRequest.shape.symbols.parse(JSON.parse(text));
}
