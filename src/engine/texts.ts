/**
 * `{param:<id>}` placeholders in the toolbox's texts (condition sentences, fixes, summaries,
 * do's and don'ts, subsidy and obligation texts, step descriptions, edge reasons): each names
 * a parameter and shows its value with its unit in the UI's number format ("55 kVA"), so a
 * dated change of the parameter changes the prose too. The engine's sentences and the views
 * fill them with these functions.
 */
import { valueOn } from './params';
import { formatValue } from './format';
import { formatLongDate } from './plainFormat';
import type { Lang, Parameter, ParamValue } from './types';

const PLACEHOLDER = /\{param:([A-Za-z0-9]+)\}/g;

/** True when a text has a placeholder (most have none: they are used as they are). */
export function hasPlaceholder(text: string): boolean {
  return text.includes('{param:');
}

/** The parameter ids a text's placeholders name, in order. */
export function placeholderIds(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Fills every placeholder with `valueText(id)`; one it cannot fill (an unknown id) stays as written. */
export function fillParams(text: string, valueText: (id: string) => string | undefined): string {
  return hasPlaceholder(text) ? text.replace(PLACEHOLDER, (whole, id: string) => valueText(id) ?? whole) : text;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value as prose reads it: dates written out ("1 januari 2027"), an amount in euros with the sign first ("€ 2.500"). */
function proseValue(value: ParamValue, lang: Lang, unit: string): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatLongDate(value, lang) ?? value;
  if (typeof value === 'number' && unit === '€') return `€ ${formatValue(value, lang)}`;
  return formatValue(value, lang, unit);
}

const windowWords: Record<Lang, { from: string; until: string }> = {
  nl: { from: 'vanaf', until: 'tot' },
  en: { from: 'from', until: 'until' },
};

/**
 * A parameter as a placeholder shows it: `value` (its value on the assessment date, or an own
 * value) with its unit; with no value given (no date, as in the handbook, or none in force)
 * each of its values with its validity, e.g. "55 kW vanaf 1 januari 2024 tot 1 januari 2026; 100 kW vanaf 1 januari 2026".
 */
export function paramText(parameter: Parameter, value: ParamValue | null | undefined, lang: Lang): string {
  if (value !== null && value !== undefined) return proseValue(value, lang, parameter.unit);
  const words = windowWords[lang];
  return parameter.values
    .map((v) => {
      const from = v.validFrom ? ` ${words.from} ${proseValue(v.validFrom, lang, 'date')}` : '';
      const until = v.validTo ? ` ${words.until} ${proseValue(v.validTo, lang, 'date')}` : '';
      return `${proseValue(v.value, lang, parameter.unit)}${from}${until}`;
    })
    .join('; ');
}

/** Fills a text with the parameters' values on `date` (a view's way; the engine fills from the values it assessed with). */
export function fillParamsOn(text: string, lang: Lang, parameters: ReadonlyMap<string, Parameter>, date: string | undefined): string {
  return fillParams(text, (id) => {
    const p = parameters.get(id);
    return p && paramText(p, date ? valueOn(p, date)?.value : undefined, lang);
  });
}
