import type { ReactElement } from 'react';
import { formatPrice } from '../chart/number-format';
import { isSimulated } from '../chart/simulated';

/** The symbol the ticket trades (the chart's) and its last trade. */
export function TicketSymbol({ symbol, last }: { symbol: string; last: number | undefined }): ReactElement {
  return (
    <div className="ticket-symbol">
      <span className="ticket-symbol-code" data-testid="ticket-symbol" title={isSimulated(symbol) ? 'Simulated market' : undefined}>
        {symbol}
      </span>
      <span className="ticket-last numeric" data-testid="ticket-last" aria-label="Last price">
        {formatPrice(last)}
      </span>
    </div>
  );
}
