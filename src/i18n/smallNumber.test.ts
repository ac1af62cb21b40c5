import { describe, expect, it } from 'vitest';
import { formatSmallNumber } from './smallNumber';

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
