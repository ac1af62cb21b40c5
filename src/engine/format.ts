/**
 * The one formatter of what a person reads about a rule, in nl-NL or en-GB: a value with its
 * unit ("50.000 kWh per jaar"), a requirement ("ten minste 50.000 kWh per jaar", "geen EPS of
 * PUR/PIR", "vóór 1-4-2026"), a comparison as a sentence ("verbruik ten minste 50.000 kWh per jaar", "Dakisolatie is geen EPS of PUR/PIR")
 *. The engine's reason sentences, the measure cards, the
 * report and the handbook (through `exprWords`, words.ts) all use it; no symbol reaches a reader.
 * Pure; numbers are written by plainFormat.ts.
 */
import { OPERATORS } from './operators';
import { formatNumberIn } from './plainFormat';
import type { CompareOp, Expected, Lang, ParamValue } from './types';


const words: Record<Lang, { yes: string; no: string; unknown: string; or: string; is: string }> = {
  nl: { yes: 'ja', no: 'nee', unknown: 'onbekend', or: 'of', is: 'is' },
  en: { yes: 'yes', no: 'no', unknown: 'unknown', or: 'or', is: 'is' },
};

/** The subject of a rule on the assessment date. */
export const dateSubject = (lang: Lang): string => (lang === 'nl' ? 'Peildatum' : 'Assessment date');

/** Formats a date string YYYY-MM-DD as d-m-yyyy (nl) or d/m/yyyy (en). */
function formatDate(value: string, lang: Lang): string {
  const [y, m, d] = value.split('-').map(Number);
  return lang === 'nl' ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
}

/** Units in the data are Dutch; their English form. */
const englishUnits: Record<string, string> = {
  jaar: 'years',
  'kWh/jaar': 'kWh/year',
  'm³/jaar': 'm³/year',
  'uur/jaar': 'hours/year',
  'uur/week': 'hours/week',
  'douchebeurten/week': 'showers/week',
  plaatsen: 'spaces',
  parkeerplaatsen: 'parking spaces',
  gebouwen: 'buildings',
  leden: 'members',
  "bestelauto's": 'vans',
  "vrachtauto's": 'trucks',
};

/** A unit in the given language. */
export function unitIn(unit: string, lang: Lang): string {
  return lang === 'en' ? (englishUnits[unit] ?? unit) : unit;
}

/** A unit as a sentence writes it: "kWh per jaar" for the field's "kWh/jaar". */
const proseUnit = (unit: string, lang: Lang): string => unitIn(unit, lang).replace(/\/(jaar|year|week)$/, ' per $1');

/** Formatted numbers and dates repeat a lot (thresholds, dates): remembered, bounded. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 5000;
function remember(key: string, make: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    text = make();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, text);
  }
  return text;
}

/** One value as a person reads it. Option labels are looked up by the caller when known. */
export function formatValue(value: ParamValue | null | undefined, lang: Lang, unit?: string, label?: (v: string) => string): string {
  if (value === null || value === undefined) return words[lang].unknown;
  if (typeof value === 'boolean') return value ? words[lang].yes : words[lang].no;
  if (typeof value === 'number') {
    return remember(`${lang}|${unit ?? ''}|${value}`, () => {
      const text = formatNumberIn(value, lang);
      return unit && unit !== '-' ? `${text} ${proseUnit(unit, lang)}` : text;
    });
  }
  if (value.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(value)) return remember(`${lang}|date|${value}`, () => formatDate(value, lang));
  return label ? label(value) : value;
}

/** Values as a list reads: "A, B of C" / "A, B or C". */
export function listWords(values: readonly string[], lang: Lang): string {
  return values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} ${words[lang].or} ${values[values.length - 1]}`;
}

/** What kind of value a comparison is about: a yes/no fact reads "Asbest in het dak: nee", a date "Peildatum vóór 1-4-2026". */
export type ValueKind = 'value' | 'boolean' | 'date';

/**
 * A requirement in words, from values already formatted (a list for in / nin): "ten minste 20 kg/m²",
 * "geen EPS (piepschuim) of PUR/PIR", "vóór 1 april 2026", "nee". A yes/no requirement with `ne` is
 * written as its opposite ("niet ja" is "nee").
 */
export function requirementWords(op: CompareOp, value: string | readonly string[], lang: Lang, kind: ValueKind = 'value'): string {
  if (kind === 'boolean' && !Array.isArray(value) && (op === 'eq' || op === 'ne')) {
    const yes = value === words[lang].yes;
    return (op === 'eq') === yes ? words[lang].yes : words[lang].no;
  }
  const before = OPERATORS[op].words[lang][kind === 'date' ? 'date' : 'value'];
  const text = Array.isArray(value) ? listWords(value, lang) : (value as string);
  return before ? `${before} ${text}` : text;
}

/**
 * A comparison as a sentence: a bound or a date reads "Elektriciteitsverbruik ten minste 50.000 kWh per
 * jaar", "Peildatum vóór 1 april 2026"; an option "Dakisolatie is geen EPS (piepschuim) of PUR/PIR";
 * a yes/no fact "Asbest in het dak: nee".
 */
export function comparisonWords(subject: string, op: CompareOp, value: string | readonly string[], lang: Lang, kind: ValueKind = 'value'): string {
  const requirement = requirementWords(op, value, lang, kind);
  if (kind === 'boolean') return `${subject}: ${requirement}`;
  return kind === 'date' || OPERATORS[op].direction !== 'none' ? `${subject} ${requirement}` : `${subject} ${words[lang].is} ${requirement}`;
}

/** The kind of a compared value. */
export function kindOf(value: ParamValue | readonly ParamValue[] | null | undefined): ValueKind {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'boolean') return 'boolean';
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'value';
}

/** The required value(s) of a reason formatted, without the operator's words (a list for in / nin). */
export function requiredValue(expected: Expected, lang: Lang, unit?: string, label?: (v: string) => string): string | string[] {
  const value = expected.value;
  return Array.isArray(value) ? value.map((v) => formatValue(v, lang, undefined, label)) : formatValue(value, lang, unit, label);
}

/** A reason's requirement in words ("ten minste 20 kg/m²"); the value unknown reads "onbekend". */
export function formatRequirement(expected: Expected | undefined, lang: Lang, unit?: string, label?: (v: string) => string): string {
  return expected ? requirementWords(expected.op, requiredValue(expected, lang, unit, label), lang, kindOf(expected.value)) : '';
}

/**
 * Fills a sentence template: {observed} the value found, {expected} the requirement in
 * words ("ten minste 20 kg/m²"), {limit} the required value alone ("20 kg/m²").
 */
export function fillTemplate(template: string, observed: string, expected: string, limit: string): string {
  return template.replace('{observed}', observed).replace('{expected}', expected).replace('{limit}', limit);
}
