import type { ReactElement, Ref } from 'react';

interface TicketFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  placeholder?: string;
  /** A unit after the box: "%", "$". */
  unit?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** One amount box of the ticket: label, text input (decimals stay text) and its message. */
export function TicketField({ id, label, value, onChange, error, placeholder, unit, inputRef }: TicketFieldProps): ReactElement {
  const errorId = `${id}-error`;
  return (
    <div className="ticket-field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      <div className="ticket-input">
        <input
          ref={inputRef}
          id={id}
          data-testid={id}
          className="input numeric"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {unit && <span className="ticket-unit">{unit}</span>}
      </div>
      {error && (
        <p className="ticket-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
