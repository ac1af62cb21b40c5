import { describe, expect, it } from 'vitest';
import { formatLongDate, formatSmallNumber } from '../../src/engine/plainFormat';

const LOCALES = [
  ['nl-NL', ','],
  ['en-GB', '.'],
] as const;

describe('formatSmallNumber', () => {
  it('writes what Intl.NumberFormat writes for every number below 1,000 it takes', () => {
    const values = [-0, 0, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 73.65, 999.4, 999.5, 999.95, -999.65, -0.04, 5e-7, 1e-7];
    for (let i = -4000; i <= 4000; i++) values.push(i / 4, i / 7, i * 0.15, i * 0.045, i * 0.249);
    let compared = 0;
    for (const [locale, sign] of LOCALES)
      for (const digits of [0, 1, 2]) {
        const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        for (const v of values) {
          const small = formatSmallNumber(v, digits, sign);
          if (small === null) continue;
          compared++;
          if (small !== intl.format(v)) expect(`${locale} ${digits} ${v}: ${small}`).toBe(`${locale} ${digits} ${v}: ${intl.format(v)}`);
        }
      }
    expect(compared).toBeGreaterThan(100_000);
  });

  it('rounds like Intl, half away from zero on the shortest decimal, and drops trailing zeros', () => {
    expect(formatSmallNumber(73.65, 1, ',')).toBe('73,7');
    expect(formatSmallNumber(-999.65, 1, ',')).toBe('-999,7');
    expect(formatSmallNumber(2.5, 0, ',')).toBe('3');
    expect(formatSmallNumber(12.0, 1, '.')).toBe('12');
    expect(formatSmallNumber(-0.04, 1, ',')).toBe('-0');
  });

  it('leaves to Intl what needs grouping or an exponent', () => {
    expect(formatSmallNumber(1000, 1, ',')).toBeNull();
    expect(formatSmallNumber(999.96, 1, ',')).toBeNull(); // 1.000
    expect(formatSmallNumber(1e-7, 1, ',')).toBeNull();
    expect(formatSmallNumber(Number.NaN, 1, ',')).toBeNull();
    expect(formatSmallNumber(Number.POSITIVE_INFINITY, 1, ',')).toBeNull();
  });
});

describe('formatLongDate', () => {
  it('writes every day from 1990 to 2060 as Intl.DateTimeFormat does, in both languages', () => {
    const intl = {
      nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
    let days = 0;
    for (let t = Date.UTC(1990, 0, 1); t <= Date.UTC(2060, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      for (const lang of ['nl', 'en'] as const) {
        const expected = intl[lang].format(new Date(t));
        if (formatLongDate(iso, lang) !== expected) expect(`${iso} ${lang}: ${formatLongDate(iso, lang)}`).toBe(`${iso} ${lang}: ${expected}`);
      }
      days++;
    }
    expect(days).toBe(25_933);
    expect(formatLongDate('2026-12-02', 'nl')).toBe('2 december 2026');
    expect(formatLongDate('2026-12-02T09:30:00Z', 'en')).toBe('2 December 2026');
  });

  it('says null for what is no date', () => {
    expect(formatLongDate('', 'nl')).toBeNull();
    expect(formatLongDate('morgen', 'nl')).toBeNull();
  });
});
