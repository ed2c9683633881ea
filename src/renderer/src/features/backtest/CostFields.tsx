import type { ReactElement } from 'react';
import type { BacktestDraft, CommissionChoice, DraftErrors, SlippageChoice } from './backtest-draft';
import { FormField, TextInput } from './FormField';

const SLIPPAGE: { id: SlippageChoice; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'fixed_bps', label: 'Fixed (bps)' },
  { id: 'spread', label: 'Spread' },
  { id: 'volume', label: 'Volume impact' },
];

const COMMISSION: { id: CommissionChoice; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'per_share', label: 'Per share' },
  { id: 'per_order', label: 'Per order' },
  { id: 'bps', label: 'Basis points' },
];

const SLIPPAGE_RATE: Record<SlippageChoice, string> = { none: '', fixed_bps: 'Slippage (bps)', spread: 'Fallback spread (bps)', volume: 'Impact (bps)' };
const COMMISSION_RATE: Record<CommissionChoice, string> = { none: '', per_share: 'Per share', per_order: 'Per order', bps: 'Rate (bps)' };

interface CostFieldsProps {
  draft: BacktestDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<BacktestDraft>) => void;
}

/** Slippage and commission: the model, and the rates that model needs. */
export function CostFields({ draft, errors, onChange }: CostFieldsProps): ReactElement {
  const hasMinimum = draft.commission === 'per_share' || draft.commission === 'bps';
  return (
    <div className="bt-grid">
      <FormField id="backtest-slippage" label="Slippage">
        <select id="backtest-slippage" data-testid="backtest-slippage" value={draft.slippage} onChange={(event) => onChange({ slippage: event.target.value as SlippageChoice })}>
          {SLIPPAGE.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </FormField>
      {draft.slippage !== 'none' && (
        <FormField id="backtest-slippage-bps" label={SLIPPAGE_RATE[draft.slippage]} error={errors.slippageBps}>
          <TextInput id="backtest-slippage-bps" value={draft.slippageBps} invalid={!!errors.slippageBps} onChange={(slippageBps) => onChange({ slippageBps })} />
        </FormField>
      )}
      {draft.slippage === 'volume' && (
        <FormField id="backtest-participation" label="Participation (0–1)" error={errors.participation}>
          <TextInput id="backtest-participation" value={draft.participation} invalid={!!errors.participation} onChange={(participation) => onChange({ participation })} />
        </FormField>
      )}
      <FormField id="backtest-commission" label="Commission">
        <select id="backtest-commission" data-testid="backtest-commission" value={draft.commission} onChange={(event) => onChange({ commission: event.target.value as CommissionChoice })}>
          {COMMISSION.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </FormField>
      {draft.commission !== 'none' && (
        <FormField id="backtest-commission-rate" label={COMMISSION_RATE[draft.commission]} error={errors.commissionRate}>
          <TextInput id="backtest-commission-rate" value={draft.commissionRate} invalid={!!errors.commissionRate} onChange={(commissionRate) => onChange({ commissionRate })} />
        </FormField>
      )}
      {hasMinimum && (
        <FormField id="backtest-commission-minimum" label="Minimum per order" error={errors.commissionMinimum}>
          <TextInput id="backtest-commission-minimum" value={draft.commissionMinimum} invalid={!!errors.commissionMinimum} onChange={(commissionMinimum) => onChange({ commissionMinimum })} />
        </FormField>
      )}
    </div>
  );
}
