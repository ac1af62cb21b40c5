/**
 * A text field of the record itself (name, municipality, postcode, date, survey fields) with its
 * own check. Text that fails it is not stored, and the field says what stays stored; a value
 * replaced from outside (another tab, a conflict answered) is shown at once, even while typing.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

/** What a field whose text failed its check says after the message: the stored value stays. */
export function notSavedText(stored: string): string {
  return stored === '' ? t('notSavedEmpty') : t('notSavedKeeps', { value: stored });
}

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
  /** The value this field last committed: any other value came from outside. */
  const committed = useRef(value);
  useLayoutEffect(() => {
    if (value === committed.current && (focused.current || error)) return;
    committed.current = value;
    setText(value);
    setError(null);
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
        onBlur={() => (focused.current = false)}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const message = check ? check(next) : null;
          setError(message);
          if (message) return;
          committed.current = next;
          onCommit(next);
        }}
      />
      <p class="field-error" id={errorId} aria-live="polite">
        {error && `${error} ${notSavedText(value)}`}
      </p>
      {help && (
        <p class="help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}
