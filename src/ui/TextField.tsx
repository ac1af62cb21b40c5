/** A text field of the record itself (name, municipality, postcode, date, survey fields) with its own check. */
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'date';
  help?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  /** Returns an error message, or null when the value may be stored. */
  check?: (value: string) => string | null;
  onCommit(value: string): void;
}

export function TextField({ id, label, value, type = 'text', help, inputMode, maxLength, check, onCommit }: Props) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current && !error) setText(value);
  }, [value]);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', help ? helpId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type as 'text'}
        value={text}
        inputMode={inputMode}
        maxLength={maxLength}
        autoComplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          // A newer value may have arrived while typing (another tab): show it now.
          if (!error && text !== value) setText(value);
        }}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const message = check ? check(next) : null;
          setError(message);
          if (!message) onCommit(next);
        }}
      />
      <p class="field-error" id={errorId} aria-live="polite">
        {error}
      </p>
      {help && (
        <p class="help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}
