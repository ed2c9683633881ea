import type { ReactElement, ReactNode } from 'react';

interface FormFieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}

/** A label over a control, with its message when the value is not valid. */
export function FormField({ id, label, error, hint, children }: FormFieldProps): ReactElement {
  return (
    <div className="bt-field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="bt-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        hint && <p className="bt-hint">{hint}</p>
      )}
    </div>
  );
}

interface TextInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  placeholder?: string;
  invalid?: boolean;
  type?: 'text' | 'date';
}

export function TextInput({ id, value, onChange, testId, placeholder, invalid, type = 'text' }: TextInputProps): ReactElement {
  return (
    <input
      id={id}
      data-testid={testId ?? id}
      className="bt-input"
      type={type}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={value}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
