import { describe, expect, it } from 'vitest';
import type { Bar, Quote, Trade } from '../../../../core/market-data/types';
import { parseDataFrame, type ControlMessage, type DataFrameSink, type MalformedReason } from './parse-frame';
import { saleConditionIds } from './sale-conditions';

function collect() {
  const out = {
    trades: [] as Trade[],
    quotes: [] as Quote[],
    bars: [] as [string, Bar][],
    control: [] as ControlMessage[],
    malformed: [] as MalformedReason[],
    ignored: [] as string[],
  };
  const sink: DataFrameSink = {
    trade: (t) => out.trades.push(t),
    quote: (q) => out.quotes.push(q),
    bar: (s, b) => out.bars.push([s, b]),
    control: (m) => out.control.push(m),
    malformed: (r) => out.malformed.push(r),
    ignored: (t) => out.ignored.push(t),
  };
  return { out, sink };
}

// 2024-03-15T13:30:00Z is 1710509400 s after the epoch.
const OPEN_S = 1_710_509_400;

describe('parseDataFrame', () => {
  it('reads a trade with its nanosecond timestamp exactly', () => {
    const { out, sink } = collect();
    parseDataFrame('[{"T":"t","S":"AAPL","i":52983525029461,"x":"V","p":173.15,"s":100,"c":["@"],"t":"2024-03-15T13:30:00.123456789Z","z":"C"}]', sink);
    expect(out.trades).toEqual([
      {
        symbol: 'AAPL',
        time: OPEN_S * 1000 + 123,
        timeNs: BigInt(OPEN_S) * 1_000_000_000n + 123_456_789n,
        price: 173.15,
        size: 100,
        exchange: null,
        conditions: [],
        id: '52983525029461',
      },
    ]);
    expect(out.malformed).toEqual([]);
  });

  it('reads a quote and a minute bar stamped at the start of its minute', () => {
    const { out, sink } = collect();
    parseDataFrame(
      JSON.stringify([
        { T: 'q', S: 'AMD', bx: 'U', bp: 87.66, bs: 1, ax: 'Q', ap: 87.68, as: 4, c: ['R'], t: '2021-02-22T15:51:45.335689322Z', z: 'C' },
        { T: 'b', S: 'SPY', o: 388.985, h: 389.13, l: 388.975, c: 389.12, v: 49378, t: '2021-02-22T19:15:00Z', n: 461, vw: 389.062639 },
      ]),
      sink,
    );
    // 2021-02-22T15:51:45Z = 1614009105 s; 19:15:00Z = 1614021300 s.
    expect(out.quotes).toEqual([
      { symbol: 'AMD', time: 1_614_009_105_335, timeNs: 1_614_009_105_335_689_322n, bidPrice: 87.66, bidSize: 1, askPrice: 87.68, askSize: 4 },
    ]);
    expect(out.bars).toEqual([['SPY', { time: 1_614_021_300_000, open: 388.985, high: 389.13, low: 388.975, close: 389.12, volume: 49378, vwap: 389.062639, trades: 461 }]]);
  });

  it('reads control messages, and the subscription reply as the whole set', () => {
    const { out, sink } = collect();
    parseDataFrame('[{"T":"success","msg":"connected"}]', sink);
    parseDataFrame('[{"T":"error","code":406,"msg":"connection limit exceeded"}]', sink);
    parseDataFrame('[{"T":"subscription","trades":["AAPL"],"quotes":["AMD","CLDR"],"bars":["*"],"updatedBars":[],"dailyBars":["VOO"],"statuses":["*"]}]', sink);
    parseDataFrame('[{"T":"subscription","trades":["AAPL"]}]', sink);
    expect(out.control).toEqual([
      { kind: 'success', msg: 'connected' },
      { kind: 'error', code: 406, msg: 'connection limit exceeded' },
      { kind: 'subscription', set: { trades: ['AAPL'], quotes: ['AMD', 'CLDR'], bars: ['*'] } },
      { kind: 'subscription', set: { trades: ['AAPL'], quotes: [], bars: [] } },
    ]);
  });

  it('keeps every good message of a mixed frame and counts the bad ones by reason', () => {
    const { out, sink } = collect();
    parseDataFrame('not json', sink);
    parseDataFrame('{"T":"t"}', sink);
    parseDataFrame(
      JSON.stringify([
        42,
        { T: 't', S: 'AAPL', p: 1, s: 5, t: '2024-03-15T13:30:00Z' },
        { T: 't', S: 'AAPL', p: '1.00', s: 5, t: '2024-03-15T13:30:00Z' },
        { T: 'q', S: 'AAPL', bp: 1, bs: 1, ap: 2, t: '2024-03-15T13:30:00Z' },
        { T: 'b', S: 'AAPL', o: 1, h: 1, l: 1, c: 1, v: 1, t: '2024-03-15 13:30:00' },
        { T: 't', S: 'AAPL', p: 1, s: 5 },
        { T: 'zz', S: 'AAPL' },
        { T: 'u', S: 'AAPL', o: 1, h: 1, l: 1, c: 1, v: 1, t: '2024-03-15T13:30:00Z' },
        { T: 'subscription', trades: 'AAPL' },
        { T: 'q', S: 'MSFT', bp: 400.01, bs: 3, ap: 400.05, as: 2, t: '2024-03-15T13:30:00.5Z' },
      ]),
      sink,
    );
    expect(out.malformed).toEqual(['not-json', 'not-array', 'not-object', 'missing-fields', 'missing-fields', 'bad-time', 'missing-fields', 'unknown-event', 'missing-fields']);
    expect(out.ignored).toEqual(['u']);
    expect(out.trades.map((t) => t.size)).toEqual([5]);
    expect(out.quotes.map((q) => [q.symbol, q.time])).toEqual([['MSFT', OPEN_S * 1000 + 500]]);
  });

  it('turns sale-condition letters into the engine numbering by tape', () => {
    const { out, sink } = collect();
    const trade = (c: string[], z: string) => ({ T: 't', S: 'X', p: 1, s: 1, t: '2024-03-15T13:30:00Z', c, z });
    parseDataFrame(JSON.stringify([trade(['@', 'I'], 'C'), trade(['@', 'T', 'I'], 'A'), trade(['B'], 'A'), trade(['B'], 'C'), trade(['W'], 'C')]), sink);
    // Odd lot 37; Form T 12; CTA B = average price 2; UTP B = bunched (restricts nothing); UTP W = average price 2.
    expect(out.trades.map((t) => t.conditions)).toEqual([[37], [12, 37], [2], [], [2]]);
    expect(saleConditionIds(['constructor', 'toString'], null)).toEqual([]);
  });
});
