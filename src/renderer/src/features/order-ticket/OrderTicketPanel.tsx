import { useEffect, useRef, type FormEvent, type ReactElement } from 'react';
import { PanelFrame } from '../../ui/PanelFrame';
import { useChartSettings } from '../chart/use-chart-settings';
import { formatAmount } from './ticket-format';
import { ticketChannel } from './ticket-channel';
import { KillSwitchBanner } from './KillSwitchBanner';
import { LegFields } from './LegFields';
import { OrderConfirmDialog } from './OrderConfirmDialog';
import { PriceFields } from './PriceFields';
import { SideToggle } from './SideToggle';
import { SizeFields } from './SizeFields';
import { SizingHelper } from './SizingHelper';
import { TicketPreview } from './TicketPreview';
import { TicketResult } from './TicketResult';
import { TicketSymbol } from './TicketSymbol';
import { TypeFields } from './TypeFields';
import { useLastPrice } from './use-last-price';
import { useOrderPreview } from './use-order-preview';
import { usePositionSizing } from './use-position-sizing';
import { useRiskStatus } from './use-risk-status';
import { useTicketForm } from './use-ticket-form';
import { useTicketSubmit } from './use-ticket-submit';
import './order-ticket.css';
import './ticket-verdict.css';

/** Order entry for the chart's symbol: form, live preview and risk verdict, confirmation and result. */
export function OrderTicketPanel(): ReactElement {
  const { symbol } = useChartSettings();
  const last = useLastPrice(symbol);
  const ticket = useTicketForm(symbol);
  const { form, layout, build, errors, edit } = ticket;
  const submit = useTicketSubmit();
  const preview = useOrderPreview(build.ok ? build.order : null, submit.sends);
  const risk = useRiskStatus();
  const sizing = usePositionSizing(symbol, form, last, (quantity) => edit({ sizeMode: 'quantity', quantity }));
  const sizeInput = useRef<HTMLInputElement>(null);

  // B and S: pick the side and put the cursor in the size box, ready to type.
  useEffect(
    () =>
      ticketChannel.listen(({ side }) => {
        edit({ side });
        sizeInput.current?.focus();
        sizeInput.current?.select();
      }),
    [edit],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const complete = ticket.trySend();
    if (!complete || !build.ok) {
      // The messages render on the next paint; then the first bad field takes the focus.
      const formElement = event.currentTarget;
      requestAnimationFrame(() => formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    submit.submit(build.order);
  };

  const sideWord = form.side === 'buy' ? 'Buy' : 'Sell';
  const size = build.ok ? (build.order.notional !== undefined ? `$${formatAmount(build.order.notional)} of` : formatAmount(build.order.quantity)) : '';
  const sections = { form, layout, errors, edit };

  return (
    <PanelFrame title="Order ticket" testId="panel-order-ticket">
      <form className="ticket" data-side={form.side} noValidate onSubmit={onSubmit} aria-label={`Order ticket for ${symbol}`}>
        {risk && <KillSwitchBanner killSwitch={risk.killSwitch} />}
        <TicketSymbol symbol={symbol} last={last} />
        <SideToggle side={form.side} onChange={(side) => edit({ side })} />
        <TypeFields {...sections} />
        <SizeFields {...sections} inputRef={sizeInput} />
        <PriceFields {...sections} />
        <LegFields {...sections} />
        <SizingHelper sizing={sizing} stopFallback={form.stopLossStop} />
        <TicketPreview state={preview} />
        <button type="submit" className="button ticket-send ticket-submit" data-side={form.side} data-testid="ticket-submit" disabled={submit.sending}>
          {submit.sending ? 'Sending…' : `${sideWord} ${size} ${symbol}`.replace(/\s+/g, ' ')}
        </button>
        {submit.outcome && <TicketResult outcome={submit.outcome} />}
      </form>
      {submit.pending && (
        <OrderConfirmDialog
          order={submit.pending}
          preview={preview.kind === 'ready' ? preview.preview : null}
          onSend={submit.confirm}
          onCancel={submit.cancel}
        />
      )}
    </PanelFrame>
  );
}
