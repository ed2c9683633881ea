import { describe, expect, it } from 'vitest';
import type { Bar, Quote, Trade } from '../../../core/market-data/types';
import { parseFrame, type FrameSink, type MalformedReason } from './parse';

function collect() {
  const out = { trades: [] as Trade[], quotes: [] as Quote[], bars: [] as [string, string, Bar][], statuses: [] as string[], malformed: [] as MalformedReason[] };
  const sink: FrameSink = {
    trade: (t) => out.trades.push(t),
    quote: (q) => out.quotes.push(q),
    bar: (s, tf, b) => out.bars.push([s, tf, b]),
    status: (s, m) => out.statuses.push(`${s}: ${m}`),
    malformed: (r) => out.malformed.push(r),
  };
  return { out, sink };
}

describe('parseFrame', () => {
  it('reads a mixed stocks frame', () => {
    const { out, sink } = collect();
    parseFrame(
      JSON.stringify([
        { ev: 'T', sym: 'AAPL', x: 4, i: '12345', z: 3, p: 192.31, s: 100, c: [12, 37], t: 1748476801234, q: 9 },
        { ev: 'Q', sym: 'AAPL', bx: 11, bp: 192.3, bs: 2, ax: 12, ap: 192.32, as: 3, c: 0, t: 1748476801240, q: 10, z: 3 },
        { ev: 'AM', sym: 'AAPL', v: 5400, av: 9000, op: 190, vw: 192.305, o: 192.3, c: 192.31, h: 192.34, l: 192.28, a: 191, z: 50, s: 1748476740000, e: 1748476800000 },
        { ev: 'status', status: 'success', message: 'subscribed to: T.AAPL' },
      ]),
      'stocks',
      sink,
    );
    expect(out.trades).toEqual([{ symbol: 'AAPL', time: 1748476801234, timeNs: null, price: 192.31, size: 100, exchange: 4, conditions: [12, 37], id: '12345' }]);
    expect(out.quotes[0]).toMatchObject({ symbol: 'AAPL', bidPrice: 192.3, bidSize: 2, askPrice: 192.32, askSize: 3 });
    expect(out.bars).toEqual([['AAPL', '1m', { time: 1748476740000, open: 192.3, high: 192.34, low: 192.28, close: 192.31, volume: 5400, vwap: 192.305, trades: null }]]);
    expect(out.statuses).toEqual(['success: subscribed to: T.AAPL']);
    expect(out.malformed).toEqual([]);
  });

  it('maps crypto pairs to Polygon REST tickers', () => {
    const { out, sink } = collect();
    parseFrame('[{"ev":"XT","pair":"BTC-USD","p":50000.5,"t":1,"s":0.25,"c":[2],"i":77,"x":1,"r":2},{"ev":"XA","pair":"ETH-USDT","o":1,"c":2,"h":3,"l":0.5,"v":10,"s":60000,"e":120000,"vw":1.5,"z":1}]', 'crypto', sink);
    expect(out.trades[0]).toMatchObject({ symbol: 'X:BTCUSD', price: 50000.5, size: 0.25, id: '77', conditions: [2] });
    expect(out.bars[0]?.[0]).toBe('X:ETHUSDT');
  });

  it('counts what it cannot read and keeps the rest of the frame', () => {
    const { out, sink } = collect();
    parseFrame('not json', 'stocks', sink);
    parseFrame('{"ev":"T"}', 'stocks', sink);
    parseFrame('[1,{"ev":"LULD","sym":"AAPL"},{"ev":"T","sym":"AAPL","p":"1","s":1,"t":1},{"ev":"T","sym":"AAPL","p":1,"s":1,"t":1}]', 'stocks', sink);
    expect(out.malformed).toEqual(['not-json', 'not-array', 'not-object', 'unknown-event', 'missing-fields']);
    expect(out.trades).toHaveLength(1);
  });
});
