import type { ReactElement } from 'react';
import type { StrategyInfo } from '@shared/dto/backtest';
import { FormField, TextInput } from './FormField';
import { METRICS, type MetricKey } from './metric-format';
import { paramLabel } from './param-form';
import type { SweepDraft, SweepField } from './sweep-draft';
import { sweepableParams } from './sweep-grid';

interface SweepFormProps {
  strategy: StrategyInfo | undefined;
  draft: SweepDraft;
  errors: Partial<Record<SweepField, string>>;
  onChange: (patch: Partial<SweepDraft>) => void;
}

/** Which parameters vary and over what values, how the grid is searched, and walk-forward. */
export function SweepForm({ strategy, draft, errors, onChange }: SweepFormProps): ReactElement {
  const names = strategy ? sweepableParams(strategy.params) : [];
  const option = (name: string): ReactElement => (
    <option key={name} value={name}>
      {strategy?.params[name] ? paramLabel(name, strategy.params[name]) : name}
    </option>
  );
  return (
    <div className="bt-form">
      {names.length === 0 && <p className="bt-hint">This strategy has no numeric parameters to sweep.</p>}
      <p className="bt-hint">Values as a list (5, 10, 20) or a range from:to:step (5:50:5). The other settings come from the Run tab.</p>
      <div className="bt-grid">
        <FormField id="sweep-param-x" label="Parameter X">
          <select id="sweep-param-x" data-testid="sweep-param-x" value={draft.xParam} onChange={(event) => onChange({ xParam: event.target.value })}>
            {names.map(option)}
          </select>
        </FormField>
        <FormField id="sweep-values-x" label="X values" error={errors.xValues}>
          <TextInput id="sweep-values-x" value={draft.xValues} invalid={!!errors.xValues} onChange={(xValues) => onChange({ xValues })} />
        </FormField>
        <FormField id="sweep-param-y" label="Parameter Y" error={errors.yParam}>
          <select id="sweep-param-y" data-testid="sweep-param-y" value={draft.yParam} onChange={(event) => onChange({ yParam: event.target.value })}>
            <option value="">None (one parameter)</option>
            {names.map(option)}
          </select>
        </FormField>
        {draft.yParam !== '' && (
          <FormField id="sweep-values-y" label="Y values" error={errors.yValues}>
            <TextInput id="sweep-values-y" value={draft.yValues} invalid={!!errors.yValues} onChange={(yValues) => onChange({ yValues })} />
          </FormField>
        )}
        <FormField id="sweep-mode" label="Search">
          <select id="sweep-mode" data-testid="sweep-mode" value={draft.mode} onChange={(event) => onChange({ mode: event.target.value === 'random' ? 'random' : 'grid' })}>
            <option value="grid">Every point (grid)</option>
            <option value="random">Random points</option>
          </select>
        </FormField>
        {draft.mode === 'random' && (
          <FormField id="sweep-samples" label="Points to try" error={errors.samples}>
            <TextInput id="sweep-samples" value={draft.samples} invalid={!!errors.samples} onChange={(samples) => onChange({ samples })} />
          </FormField>
        )}
        <FormField id="sweep-workers" label="Workers" error={errors.workers}>
          <TextInput id="sweep-workers" value={draft.workers} invalid={!!errors.workers} onChange={(workers) => onChange({ workers })} />
        </FormField>
      </div>
      <label className="bt-check">
        <input type="checkbox" data-testid="sweep-walk-forward" checked={draft.walkForward} onChange={(event) => onChange({ walkForward: event.target.checked })} />
        Walk-forward (optimise in-sample, test on the bars after)
      </label>
      {draft.walkForward && (
        <div className="bt-grid">
          <FormField id="sweep-in-sample" label="In-sample bars" error={errors.inSampleBars}>
            <TextInput id="sweep-in-sample" value={draft.inSampleBars} invalid={!!errors.inSampleBars} onChange={(inSampleBars) => onChange({ inSampleBars })} />
          </FormField>
          <FormField id="sweep-out-of-sample" label="Out-of-sample bars" error={errors.outOfSampleBars}>
            <TextInput id="sweep-out-of-sample" value={draft.outOfSampleBars} invalid={!!errors.outOfSampleBars} onChange={(outOfSampleBars) => onChange({ outOfSampleBars })} />
          </FormField>
          <FormField id="sweep-metric" label="Optimise">
            <select id="sweep-metric" data-testid="sweep-metric" value={draft.metric} onChange={(event) => onChange({ metric: event.target.value as MetricKey })}>
              {METRICS.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>
          </FormField>
        </div>
      )}
      {errors.grid && <p className="bt-error">{errors.grid}</p>}
    </div>
  );
}
