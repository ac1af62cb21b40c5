/**
 * Numbers below 1,000 formatted as Intl.NumberFormat formats them in nl-NL and en-GB (no digit
 * grouping applies there, so the decimal sign is the only difference), without Intl: the first
 * Intl number format of a page loads the browser's number data (~40 ms on a laptop, several times
 * that on a phone), which the terrains list would otherwise pay for its first "73,7 kB".
 * Like Intl: the shortest decimal of the value rounded half away from zero, trailing zeros
 * dropped, "-0" for a negative value that rounds to zero. Null where it does not apply.
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
