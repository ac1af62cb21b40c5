/**
 * Formats observed and expected values for the reason sentences, in nl-NL or en-GB.
 * Pure (Intl only); the number formatters are made once.
 */
import { OPERATORS } from './operators';
import type { Expected, Lang, ParamValue } from './types';

const numberFormat: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

const words: Record<Lang, { yes: string; no: string; unknown: string }> = {
  nl: { yes: 'ja', no: 'nee', unknown: 'onbekend' },
  en: { yes: 'yes', no: 'no', unknown: 'unknown' },
};

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
      const text = numberFormat[lang].format(value);
      return unit && unit !== '-' ? `${text} ${unitIn(unit, lang)}` : text;
    });
  }
  if (value.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(value)) return remember(`${lang}|date|${value}`, () => formatDate(value, lang));
  return label ? label(value) : value;
}

/** An expected value, e.g. "≥ 2.000 m²" or "∈ geen, geel". */
export function formatExpected(expected: Expected | undefined, lang: Lang, unit?: string, label?: (v: string) => string): string {
  if (!expected) return '';
  const { op, value } = expected;
  if (Array.isArray(value)) return `${OPERATORS[op].symbol} {${value.map((v) => formatValue(v, lang, undefined, label)).join(', ')}}`;
  return `${OPERATORS[op].symbol} ${formatValue(value, lang, unit, label)}`;
}

/**
 * Fills a sentence template: {observed} the value found, {expected} the requirement with
 * its operator ("≥ 20 kg/m²"), {limit} the required value alone ("20 kg/m²").
 */
export function fillTemplate(template: string, observed: string, expected: string, limit: string): string {
  return template.replace('{observed}', observed).replace('{expected}', expected).replace('{limit}', limit);
}
