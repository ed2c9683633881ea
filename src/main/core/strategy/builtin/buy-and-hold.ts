import { Decimal } from '@shared/money/decimal';
import { defineStrategy } from '../strategy-api';
import { allInQuantity } from './all-in';

export type BuyAndHoldParams = Record<string, never>;

/**
 * Buys on the first bar it may trade and holds to the end. The cash is split equally over
 * the symbols not bought yet (one symbol: all-in), whole shares, market orders. Orders sent
 * during the warm-up are ignored by the runtime, so it keeps asking until one is working.
 */
export const buyAndHold = defineStrategy<BuyAndHoldParams>({
  id: 'buy-and-hold',
  name: 'Buy and hold',
  description: 'Buys with all available cash (split equally over the symbols) on the first tradable bar and holds.',
  params: {},
  warmup: () => 0,
  create() {
    const bought = new Set<string>();
    return {
      onBar(ctx, bar) {
        if (bought.has(bar.symbol)) return;
        if (!ctx.portfolio.position(bar.symbol).isZero() || ctx.orders.open().some((order) => order.symbol === bar.symbol)) {
          bought.add(bar.symbol);
          return;
        }
        const share = ctx.portfolio.cash().dividedBy(new Decimal(ctx.symbols.length - bought.size));
        const qty = allInQuantity(share, bar.close);
        if (qty.greaterThan(0)) ctx.orders.submit({ symbol: bar.symbol, side: 'buy', type: 'market', quantity: qty.toFixed() });
      },
    };
  },
});
