/**
 * The one writer of numbers and long dates in nl-NL and en-GB, for the UI (i18n) and the engine's
 * prose (format.ts, texts.ts). Dates and numbers below 1,000 are written without Intl, with Intl's
 * result: a page's first Intl format loads the browser's locale data (~40 ms on a laptop, several
 * times that on a phone), which the list's first date or "73,7 kB" would otherwise pay for at
 * start-up. Pure; tested against Intl (tests/unit/plainFormat.test.ts).
 */
import type { Lang } from './types';

const MONTHS: Record<Lang, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// Building an Intl format costs far more than using one (an editor of 50 buildings formats ~750
// numbers): one per language and number of decimals, made on first use.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1.234,5 (nl) or 1,234.5 (en), at most `maximumFractionDigits` decimals. */
export function formatNumberIn(value: number, lang: Lang, maximumFractionDigits = 1): string {
  const small = formatSmallNumber(value, maximumFractionDigits, lang === 'nl' ? ',' : '.');
  if (small !== null) return small;
  const key = `${lang}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits })));
  return format.format(value);
}

/** "2 december 2026" (nl) or "2 December 2026" (en), as Intl.DateTimeFormat writes a day with its month in full; null for no date. */
export function formatLongDate(iso: string, lang: Lang): string | null {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A number below 1,000 as Intl.NumberFormat writes it (no digit grouping applies there, so the
 * decimal sign is the only difference between the languages): the shortest decimal of the value
 * rounded half away from zero, trailing zeros dropped, "-0" for a negative value that rounds to
 * zero. Null where it does not apply (grouping, an exponent, no number).
 */
export function formatSmallNumber(value: number, maximumFractionDigits: number, decimalSign: string): string | null {
  const text = String(Math.abs(value));
  if (!(Math.abs(value) < 1000) || text.includes('e')) return null;
  const [whole, fraction = ''] = text.split('.');
  let digits = whole + fraction.slice(0, maximumFractionDigits).padEnd(maximumFractionDigits, '0');
  if ((fraction[maximumFractionDigits] ?? '0') >= '5') digits = addOne(digits);
  const cut = digits.length - maximumFractionDigits;
  const int = digits.slice(0, cut).replace(/^0+(?=\d)/, '') || '0';
  if (int.length > 3) return null; // rounded up to 1,000: grouping applies
  const frac = digits.slice(cut).replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + int + (frac ? decimalSign + frac : '');
}

/** A string of decimal digits plus one (may grow by a digit). */
function addOne(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return '1' + out.join('');
}
