/**
 * One input field generated from the fact catalogue: yes/no/unknown radios, a select
 * with "onbekend", or a number field that accepts nl-NL input and shows a Dutch message
 * next to the field when the value is not valid: an invalid value is never stored, and the
 * stored value stays (the message says which) until a valid one replaces it. A cross-field
 * warning (the value is stored) shows under the field; an action ("voor alle gebouwen") below it.
 * The handlers get the fact, so one pair of them serves every field of a card: a field whose
 * props are the same as before is skipped when its card re-renders.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { checkNumberInput, unitIn } from '../../engine';
import type { Fact, FactValue } from '../../engine/types';
import { formatNumber, lang, t, tx } from '../../i18n';
import { notSavedText } from '../../ui/TextField';

interface Props {
  fact: Fact;
  value: unknown;
  /** Unique per terrain/building, used for ids and deep links. */
  fieldId: string;
  onChange(value: FactValue, fact: Fact): void;
  /** Number fields: what an empty field means (default: unknown). */
  placeholder?: string;
  emptyNote?: string;
  /** A cross-field warning for this field (the value is stored). */
  warning?: string;
  /** What to show under the field, e.g. "Dit antwoord voor alle gebouwen". */
  action?: (fact: Fact, value: unknown) => ComponentChildren;
}

export function fieldDomId(scopeId: string, factId: string): string {
  return `f-${scopeId}-${factId}`;
}

export function FactField(props: Props) {
  const { fact, value, fieldId, onChange } = props;
  const helpId = `${fieldId}-help`;
  const errorId = `${fieldId}-error`;
  const unit = fact.unit ? unitIn(fact.unit, lang.value) : '';
  if (fact.type === 'boolean') {
    const current = value === true ? 'yes' : value === false ? 'no' : 'unknown';
    return (
      <fieldset class="field field-radio" id={fieldId} tabIndex={-1}>
        <legend>{tx(fact.label)}</legend>
        <div class="radios">
          {(['yes', 'no', 'unknown'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={fieldId}
                value={option}
                checked={current === option}
                aria-describedby={helpId}
                onChange={() => onChange(option === 'yes' ? true : option === 'no' ? false : null, fact)}
              />
              {t(option)}
            </label>
          ))}
        </div>
        <p class="help" id={helpId}>
          {tx(fact.help)}
        </p>
        {props.action?.(fact, value)}
      </fieldset>
    );
  }
  if (fact.type === 'enum') {
    const known = typeof value === 'string' && fact.options?.some((o) => o.value === value);
    return (
      <div class="field">
        <label for={fieldId}>{tx(fact.label)}</label>
        <select id={fieldId} value={known ? (value as string) : ''} aria-describedby={helpId} onChange={(e) => onChange((e.currentTarget.value || null) as FactValue, fact)}>
          <option value="">{t('unknownOption')}</option>
          {fact.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {tx(o.label)}
            </option>
          ))}
        </select>
        <p class="help" id={helpId}>
          {tx(fact.help)}
        </p>
        {props.action?.(fact, value)}
      </div>
    );
  }
  return <NumberField {...props} unit={unit} helpId={helpId} errorId={errorId} />;
}

function toText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, 6) : '';
}

function NumberField(props: Props & { unit: string; helpId: string; errorId: string }) {
  const { fact, value, fieldId, unit, helpId, errorId, onChange, placeholder, emptyNote, warning, action } = props;
  const warningId = `${fieldId}-warning`;
  const [text, setText] = useState(() => toText(value));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  /** The value this field last handed on: any other value came from outside (another tab, a conflict answered). */
  const sent = useRef<unknown>(value ?? null);

  // Show an outside change at once (before paint), even while typing; reformat (language switch) when not typing.
  useLayoutEffect(() => {
    if ((value ?? null) === sent.current && (focused.current || error)) return;
    sent.current = value ?? null;
    setText(toText(value));
    setError(null);
  }, [value, lang.value]);

  const described = [error && errorId, warning && warningId, helpId].filter(Boolean).join(' ');

  const commit = (next: FactValue): void => {
    setError(null);
    sent.current = next;
    onChange(next, fact);
  };
  const handle = (raw: string) => {
    setText(raw);
    const check = checkNumberInput(fact, raw, lang.value);
    // Invalid: the stored value stays until a valid one replaces it.
    if (check.ok) commit(check.value);
    else setError(tx(check.message));
  };

  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={fieldId}>
        {tx(fact.label)}
        {unit && <span class="unit"> ({unit})</span>}
      </label>
      <input
        id={fieldId}
        type="text"
        inputMode={fact.type === 'integer' ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        placeholder={placeholder ?? t('unknown')}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        onFocus={() => (focused.current = true)}
        onBlur={() => (focused.current = false)}
        onInput={(e) => handle(e.currentTarget.value)}
      />
      <p class="field-error" id={errorId} aria-live="polite">
        {error && `${error} ${notSavedText(toText(value))}`}
      </p>
      {warning && (
        <p class="field-warning" id={warningId} role="status">
          {warning}
        </p>
      )}
      <p class="help" id={helpId}>
        {tx(fact.help)} {emptyNote ?? t('emptyIsUnknown')}
      </p>
      {action?.(fact, value)}
    </div>
  );
}
