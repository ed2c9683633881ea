import type { BacktestTrade } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import { formatPnl, formatPrice, formatQuantity, signOf, type Sign } from '../account/money-format';

export interface TradeRow {
  key: string;
  symbol: string;
  side: BacktestTrade['side'];
  entry: string;
  exit: string;
  quantity: string;
  entryPrice: string;
  exitPrice: string;
  pnl: string;
  /** returnPct arrives in percent (6.31 = 6.31 %). */
  returnText: string;
  sign: Sign;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2024-01-02" for daily bars, "2024-01-02 14:30" (UTC) otherwise. */
export function formatTradeTime(time: number, timeframe: Timeframe): string {
  const date = new Date(time);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return timeframe === '1d' ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

export function tradeRows(trades: readonly BacktestTrade[], timeframe: Timeframe): TradeRow[] {
  return trades.map((trade, i) => ({
    key: `${i}-${trade.symbol}-${trade.entryTime}`,
    symbol: trade.symbol,
    side: trade.side,
    entry: formatTradeTime(trade.entryTime, timeframe),
    exit: formatTradeTime(trade.exitTime, timeframe),
    quantity: formatQuantity(trade.quantity),
    entryPrice: formatPrice(trade.entryPrice),
    exitPrice: formatPrice(trade.exitPrice),
    pnl: formatPnl(trade.pnl),
    returnText: `${trade.returnPct > 0 ? '+' : ''}${trade.returnPct.toFixed(2)}%`,
    sign: signOf(trade.pnl),
  }));
}
