import type { ReactElement } from 'react';
import { TIMEFRAMES, type Timeframe } from '@shared/dto/market-data';
import type { StrategyInfo } from '@shared/dto/backtest';
import type { BacktestDraft, DraftErrors } from './backtest-draft';
import { CostFields } from './CostFields';
import { FormField, TextInput } from './FormField';
import { ParamFields } from './ParamFields';

interface BacktestFormProps {
  draft: BacktestDraft;
  errors: DraftErrors;
  strategies: readonly StrategyInfo[];
  onChange: (patch: Partial<BacktestDraft>) => void;
  onStrategy: (id: string) => void;
}

/** What every run (and every sweep) is based on: strategy, parameters, data and costs. */
export function BacktestForm({ draft, errors, strategies, onChange, onStrategy }: BacktestFormProps): ReactElement {
  const strategy = strategies.find((s) => s.id === draft.strategy);
  return (
    <div className="bt-form">
      <FormField id="backtest-strategy" label="Strategy" error={errors.strategy}>
        <select id="backtest-strategy" data-testid="backtest-strategy" value={draft.strategy} onChange={(event) => onStrategy(event.target.value)}>
          {draft.strategy === '' && <option value="">{strategies.length === 0 ? 'Loading…' : 'Pick a strategy'}</option>}
          {strategies.map((s) => (
            <option key={s.id} value={s.id} disabled={s.error !== null}>
              {s.name}
              {s.source === 'user' ? ' (user)' : ''}
            </option>
          ))}
        </select>
      </FormField>
      {strategy?.description && <p className="bt-hint bt-description">{strategy.description}</p>}
      {strategy?.error && (
        <p className="bt-error" data-testid="backtest-strategy-error">
          {strategy.error}
        </p>
      )}
      {strategy && (
        <ParamFields specs={strategy.params} draft={draft.params} errors={errors.params} onChange={(name, value) => onChange({ params: { ...draft.params, [name]: value } })} />
      )}
      <div className="bt-grid">
        <FormField id="backtest-symbol" label="Symbols" error={errors.symbols}>
          <TextInput id="backtest-symbol" value={draft.symbols} placeholder="AAPL, MSFT" invalid={!!errors.symbols} onChange={(symbols) => onChange({ symbols })} />
        </FormField>
        <FormField id="backtest-timeframe" label="Timeframe">
          <select id="backtest-timeframe" data-testid="backtest-timeframe" value={draft.timeframe} onChange={(event) => onChange({ timeframe: event.target.value as Timeframe })}>
            {TIMEFRAMES.map((tf) => (
              <option key={tf} value={tf}>
                {tf}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="backtest-from" label="From (UTC)" error={errors.from}>
          <TextInput id="backtest-from" type="date" value={draft.from} invalid={!!errors.from} onChange={(from) => onChange({ from })} />
        </FormField>
        <FormField id="backtest-to" label="To (UTC)" error={errors.to}>
          <TextInput id="backtest-to" type="date" value={draft.to} invalid={!!errors.to} onChange={(to) => onChange({ to })} />
        </FormField>
        <FormField id="backtest-cash" label="Initial cash" error={errors.initialCash}>
          <TextInput id="backtest-cash" value={draft.initialCash} invalid={!!errors.initialCash} onChange={(initialCash) => onChange({ initialCash })} />
        </FormField>
      </div>
      <CostFields draft={draft} errors={errors} onChange={onChange} />
    </div>
  );
}
