import type { ReactElement } from 'react';
import type { ParamSpec } from '@shared/dto/backtest';
import { FormField, TextInput } from './FormField';
import { paramLabel, type ParamDraft } from './param-form';

interface ParamFieldsProps {
  specs: Readonly<Record<string, ParamSpec>>;
  draft: ParamDraft;
  errors: Record<string, string> | undefined;
  onChange: (name: string, value: string | boolean) => void;
}

/** A strategy's parameters as inputs: numbers with their range, a checkbox, a select. */
export function ParamFields({ specs, draft, errors, onChange }: ParamFieldsProps): ReactElement {
  return (
    <div className="bt-params" data-testid="backtest-params">
      {Object.entries(specs).map(([name, spec]) => {
        const id = `backtest-param-${name}`;
        const value = draft[name];
        const label = paramLabel(name, spec);
        switch (spec.kind) {
          case 'bool':
            return (
              <label key={name} className="bt-check">
                <input id={id} data-testid={id} type="checkbox" checked={value === true} onChange={(event) => onChange(name, event.target.checked)} />
                {label}
              </label>
            );
          case 'enum':
            return (
              <FormField key={name} id={id} label={label} error={errors?.[name]}>
                <select id={id} data-testid={id} value={typeof value === 'string' ? value : spec.default} onChange={(event) => onChange(name, event.target.value)}>
                  {spec.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              </FormField>
            );
          default:
            return (
              <FormField key={name} id={id} label={label} error={errors?.[name]} hint={`${spec.min} – ${spec.max}`}>
                <TextInput id={id} value={typeof value === 'string' ? value : ''} invalid={errors?.[name] !== undefined} onChange={(text) => onChange(name, text)} />
              </FormField>
            );
        }
      })}
    </div>
  );
}
