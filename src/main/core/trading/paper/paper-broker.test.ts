import { describe, expect, it } from 'vitest';
import { bar, briefs, et, harness, order, quote, trade } from './test-harness';

describe('PaperBroker on quotes', () => {
  it('fills a market buy at the ask and a market sell at the bid, inside submit', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 99.98, 100.02));
    h.broker.submit(order({ id: 'b' }));
    h.broker.submit(order({ id: 's', side: 'sell' }));
    expect(briefs(h.reports)).toEqual(['accepted b', 'fill b 100@100.02 c0 b-F1', 'accepted s', 'fill s 100@99.98 c0 s-F1']);
    expect(h.reports[1]).toMatchObject({ time: et('10:00') });
    expect(h.broker.openOrders()).toEqual([]);
  });

  it('accepts a market order before any market data and fills it on the first event', () => {
    const h = harness();
    h.broker.submit(order());
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onMarket(quote(et('10:00') + 5, 187.3, 187.33));
    expect(briefs(h.take())).toEqual(['fill o1 100@187.33 c0 o1-F1']);
  });

  it('fills a resting buy limit only once the ask is at or below it, at its limit', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 99.98, 100.02));
    h.broker.submit(order({ type: 'limit', limitPrice: '100.00' }));
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onMarket(quote(et('10:01'), 99.95, 99.99));
    expect(briefs(h.take())).toEqual(['fill o1 100@100 c0 o1-F1']);
  });

  it('triggers a buy stop when the ask reaches it and fills at the ask', () => {
    const h = harness();
    h.broker.submit(order({ type: 'stop', stopPrice: '101.00' }));
    h.broker.onMarket(quote(et('10:01'), 100.45, 100.5));
    h.broker.onMarket(quote(et('10:02'), 100.98, 101.02));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'triggered o1', 'fill o1 100@101.02 c0 o1-F1']);
  });

  it('triggers a stop-limit on a gap through its limit without filling, then fills at its limit when the bid comes back', () => {
    const h = harness();
    h.broker.submit(order({ side: 'sell', type: 'stop_limit', stopPrice: '95.00', limitPrice: '94.50' }));
    h.broker.onMarket(quote(et('10:01'), 94.4, 94.45));
    expect(briefs(h.take())).toEqual(['accepted o1', 'triggered o1']);
    expect(h.broker.openOrders()[0]).toMatchObject({ triggered: true });
    h.broker.onMarket(quote(et('10:02'), 94.6, 94.65));
    expect(briefs(h.take())).toEqual(['fill o1 100@94.5 c0 o1-F1']);
  });
});

describe('PaperBroker on trades', () => {
  it('fills a market order at the trade price', () => {
    const h = harness();
    h.broker.onMarket(trade(et('09:59'), 187.33));
    h.broker.submit(order());
    expect(briefs(h.reports)).toContain('fill o1 100@187.33 c0 o1-F1');
  });

  it('fills a resting buy limit on a trade at or below it, at its limit', () => {
    const h = harness();
    h.broker.submit(order({ type: 'limit', limitPrice: '50.00' }));
    h.broker.onMarket(trade(et('10:01'), 50.1));
    h.broker.onMarket(trade(et('10:02'), 49.95));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 100@50 c0 o1-F1']);
  });

  it('fills a resting buy limit crossed by a lower trade at its limit, not at the trade', () => {
    const h = harness();
    h.broker.onMarket(trade(et('09:59'), 99.6));
    h.broker.submit(order({ type: 'limit', limitPrice: '99.50' }));
    expect(briefs(h.take())).toEqual(['accepted o1']);
    h.broker.onMarket(trade(et('10:01'), 99.4));
    expect(briefs(h.take())).toEqual(['fill o1 100@99.5 c0 o1-F1']);
  });

  it('fills a buy limit marketable on arrival at the last trade, below its limit', () => {
    const h = harness();
    h.broker.onMarket(trade(et('09:59'), 99.4));
    h.broker.submit(order({ type: 'limit', limitPrice: '99.50' }));
    expect(briefs(h.take())).toEqual(['accepted o1', 'fill o1 100@99.4 c0 o1-F1']);
  });

  it('fills a sell stop gapped through at the lower trade price', () => {
    const h = harness();
    h.broker.submit(order({ side: 'sell', type: 'stop', stopPrice: '48.00' }));
    h.broker.onMarket(trade(et('10:01'), 48.2));
    h.broker.onMarket(trade(et('10:02'), 47.5));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'triggered o1', 'fill o1 100@47.5 c0 o1-F1']);
  });
});

describe('PaperBroker on bars', () => {
  it('fills a market order waiting before the bar at its open', () => {
    const h = harness();
    h.broker.submit(order());
    h.broker.onMarket(bar(et('10:01'), [100, 101, 99, 100.5]));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 100@100 c0 o1-F1']);
    expect(h.reports[1]).toMatchObject({ time: et('10:02') - 1 });
  });

  it('fills limits at the limit inside the bar and at the open when the bar gaps through', () => {
    const h = harness();
    h.broker.submit(order({ id: 'in', type: 'limit', limitPrice: '99.50' }));
    h.broker.submit(order({ id: 'gap', side: 'sell', type: 'limit', limitPrice: '102.00' }));
    h.broker.onMarket(bar(et('10:01'), [100, 101, 99.2, 100.5]));
    h.broker.onMarket(bar(et('10:02'), [103, 103.5, 102.8, 103.2]));
    expect(briefs(h.reports).slice(2)).toEqual(['fill in 100@99.5 c0 in-F1', 'fill gap 100@103 c0 gap-F1']);
  });

  it('fills a buy stop at the stop, or at the open when the bar gaps above it', () => {
    const h = harness();
    h.broker.submit(order({ id: 'touch', type: 'stop', stopPrice: '101.00' }));
    h.broker.submit(order({ id: 'gap', type: 'stop', stopPrice: '99.00' }));
    h.broker.onMarket(bar(et('10:01'), [100, 101.5, 99.8, 101.2]));
    expect(briefs(h.reports).slice(2)).toEqual(['triggered touch', 'fill touch 100@101 c0 touch-F1', 'triggered gap', 'fill gap 100@100 c0 gap-F1']);
  });

  it('leaves a stop-limit triggered but unfilled when the bar opens past its limit', () => {
    const h = harness();
    h.broker.submit(order({ type: 'stop_limit', stopPrice: '101.00', limitPrice: '101.20' }));
    h.broker.onMarket(bar(et('10:01'), [101.5, 102, 101.4, 101.8]));
    expect(briefs(h.take())).toEqual(['accepted o1', 'triggered o1']);
    h.broker.onMarket(bar(et('10:02'), [101.3, 101.35, 101.1, 101.15]));
    expect(briefs(h.take())).toEqual(['fill o1 100@101.2 c0 o1-F1']);
  });
});

describe('trailing stops', () => {
  it('trails a sell by an amount as trades rise and fills when the price falls to the stop', () => {
    const h = harness();
    h.broker.submit(order({ side: 'sell', type: 'trailing_stop', trailAmount: '1.00' }));
    for (const [minute, px] of [[1, 100], [2, 100.5], [3, 100.2], [4, 99.4]] as const) h.broker.onMarket(trade(et('10:00') + minute * 60_000, px));
    expect(briefs(h.reports)).toEqual([
      'accepted o1',
      'trail o1 100/99',
      'trail o1 100.5/99.5',
      'triggered o1',
      'fill o1 100@99.4 c0 o1-F1',
    ]);
  });

  it('trails a buy by a percent as the price falls and fills when it rises through the stop', () => {
    const h = harness();
    h.broker.onMarket(trade(et('09:59'), 50));
    h.broker.submit(order({ type: 'trailing_stop', trailPercent: '2' }));
    h.broker.onMarket(trade(et('10:01'), 49));
    h.broker.onMarket(trade(et('10:02'), 49.5));
    h.broker.onMarket(trade(et('10:03'), 50));
    // 50 × 1.02 = 51; 49 × 1.02 = 49.98; 50 ≥ 49.98 triggers.
    expect(briefs(h.reports)).toEqual(['accepted o1', 'trail o1 50/51', 'trail o1 49/49.98', 'triggered o1', 'fill o1 100@50 c0 o1-F1']);
  });

  it('trails on bar highs and fills a bar that opens below the stop at the open', () => {
    const h = harness();
    h.broker.submit(order({ side: 'sell', type: 'trailing_stop', trailAmount: '2.00' }));
    h.broker.onMarket(bar(et('10:01'), [103, 105, 102.8, 104]));
    h.broker.onMarket(bar(et('10:02'), [102.5, 103.5, 102, 102.2]));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'trail o1 105/103', 'triggered o1', 'fill o1 100@102.5 c0 o1-F1']);
  });
});

describe('partial fills', () => {
  it('fills what the touch shows and works the rest on the next quote', () => {
    const h = harness();
    h.broker.onMarket(quote(et('09:59'), 99.98, 100.02, 500, 30));
    h.broker.submit(order());
    h.broker.onMarket(quote(et('10:01'), 100.0, 100.04, 500, 200));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 30@100.02 c0 o1-F1', 'fill o1 70@100.04 c0 o1-F2']);
  });

  it('takes at most the participation share of each bar under the volume model', () => {
    const h = harness({ slippage: { model: 'volume', participation: '0.1', impactBps: '0' } });
    h.broker.submit(order({ quantity: '120' }));
    h.broker.onMarket(bar(et('10:01'), [100, 100, 100, 100], 500));
    expect(h.broker.openOrders()[0]).toMatchObject({ status: 'partially_filled' });
    h.broker.onMarket(bar(et('10:02'), [101, 101, 101, 101], 500));
    h.broker.onMarket(bar(et('10:03'), [102, 102, 102, 102], 500));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 50@100 c0 o1-F1', 'fill o1 50@101 c0 o1-F2', 'fill o1 20@102 c0 o1-F3']);
  });

  it('shares one trade among orders in creation order', () => {
    const h = harness();
    h.broker.submit(order({ id: 'a', quantity: '80' }));
    h.broker.submit(order({ id: 'b', quantity: '80' }));
    h.broker.onMarket(trade(et('10:01'), 25, 100));
    expect(briefs(h.reports).slice(2)).toEqual(['fill a 80@25 c0 a-F1', 'fill b 20@25 c0 b-F1']);
  });

  it('rounds fills down to the lot size (crypto, 0.0001)', () => {
    const h = harness({ slippage: { model: 'volume', participation: '0.5', impactBps: '0' } });
    h.broker.submit(order({ symbol: 'X:BTCUSD', quantity: '1' }));
    h.broker.onMarket(trade(et('03:00', '2024-03-16'), 65000, 0.12345, 'X:BTCUSD'));
    expect(briefs(h.reports)).toEqual(['accepted o1', 'fill o1 0.0617@65000 c0 o1-F1']);
  });
});

describe('slippage and commission through the broker', () => {
  it('charges the volume model impact on a partial fill and never crosses a limit', () => {
    const h = harness({ slippage: { model: 'volume', participation: '0.0625', impactBps: '10' } });
    h.broker.submit(order({ id: 'mkt', quantity: '25' }));
    h.broker.submit(order({ id: 'lim', quantity: '100', type: 'limit', limitPrice: '80.01' }));
    // Each trade offers 6.25 % of 400 = 25. 25 of 400 → 2.5 bps: 80 × 1.00025 = 80.02 for the
    // market order, which takes the first trade's share; the limit order's fill caps at 80.01.
    h.broker.onMarket(trade(et('10:01'), 80, 400));
    h.broker.onMarket(trade(et('10:02'), 80, 400));
    expect(briefs(h.reports).slice(2)).toEqual(['fill mkt 25@80.02 c0 mkt-F1', 'fill lim 25@80.01 c0 lim-F1']);
  });

  it('adds half the fallback spread to a trade fill', () => {
    const h = harness({ slippage: { model: 'spread', fallbackSpreadBps: '2' } });
    h.broker.onMarket(trade(et('09:59'), 250));
    h.broker.submit(order({ side: 'sell' }));
    expect(briefs(h.reports)).toContain('fill o1 100@249.97 c0 o1-F1');
  });

  it('charges the per-share minimum once across partial fills', () => {
    const h = harness({ commission: { model: 'per_share', perShare: '0.005', minimum: '1.00', maximumPercent: null } });
    h.broker.onMarket(quote(et('09:59'), 99.98, 100, 500, 30));
    h.broker.submit(order({ quantity: '300' }));
    h.broker.onMarket(quote(et('10:01'), 99.98, 100, 500, 270));
    // 30 → max(0.15, 1) = 1.00; 300 → 1.50, so the second fill pays 0.50.
    expect(briefs(h.reports).slice(1)).toEqual(['fill o1 30@100 c1 o1-F1', 'fill o1 270@100 c0.5 o1-F2']);
    expect(h.broker.openOrders()).toEqual([]);
  });

  it('moves a tiered commission to the next tier once the month has traded past it', () => {
    const tiers = [
      { upTo: '1000', perShare: '0.01' },
      { upTo: null, perShare: '0.005' },
    ];
    const h = harness({ commission: { model: 'tiered', tiers, minimum: '0' } });
    h.broker.onMarket(trade(et('09:59'), 10, 0));
    h.broker.submit(order({ id: 'a', quantity: '1000' }));
    h.broker.submit(order({ id: 'b', quantity: '200' }));
    expect(briefs(h.reports)).toEqual(['accepted a', 'fill a 1000@10 c10 a-F1', 'accepted b', 'fill b 200@10 c1 b-F1']);
  });
});

describe('configure', () => {
  it('applies new slippage and commission models to the next fill', () => {
    const h = harness();
    h.broker.onMarket(trade(et('09:59'), 100));
    h.broker.submit(order({ id: 'a' }));
    h.broker.configure({ slippage: { model: 'fixed_bps', bps: '10' }, commission: { model: 'per_order', amount: '1.5' } });
    h.broker.submit(order({ id: 'b' }));
    expect(briefs(h.reports)).toEqual(['accepted a', 'fill a 100@100 c0 a-F1', 'accepted b', 'fill b 100@100.1 c1.5 b-F1']);
  });
});

describe('ids and refusals', () => {
  it('prefixes fill ids when asked', () => {
    const h = harness({ idPrefix: 'p1:' });
    h.broker.onMarket(trade(et('09:59'), 10));
    h.broker.submit(order());
    expect(h.reports[1]).toMatchObject({ fillId: 'p1:o1-F1' });
  });

  it('rejects unknown symbols, odd lots and orders missing their prices', () => {
    const h = harness();
    h.broker.submit(order({ id: 'a', symbol: 'NOPE' }));
    h.broker.submit(order({ id: 'b', quantity: '1.5' }));
    h.broker.submit(order({ id: 'c', type: 'stop_limit', stopPrice: '10' }));
    h.broker.submit(order({ id: 'd', type: 'trailing_stop' }));
    h.broker.submit(order({ id: 'e', extendedHours: true }));
    expect(h.reports.map((report) => (report.kind === 'rejected' ? report.reason : report.kind))).toEqual([
      'Unknown symbol NOPE',
      'The quantity must be a multiple of the lot size 1',
      'A stop_limit order needs a limit price',
      'A trailing stop needs either a trail amount or a trail percent',
      'Extended hours take limit orders only',
    ]);
  });

  it('ignores a second submit of an order it already works', () => {
    const h = harness();
    h.broker.submit(order({ type: 'limit', limitPrice: '1' }));
    h.broker.submit(order({ type: 'limit', limitPrice: '1' }));
    expect(briefs(h.reports)).toEqual(['accepted o1']);
    expect(h.broker.positions()).toEqual([]);
  });
});
