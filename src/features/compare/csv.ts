/**
 * CSV that opens correctly in Dutch Excel: semicolon separator, decimal comma, UTF-8 with
 * BOM, CRLF line ends, and cells that start with = + - @ (or tab/CR) neutralised so a
 * cell can never become a formula.
 */

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers with a decimal comma; text quoted when needed and never a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return String(value).replace('.', ',');
  }
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text) || text !== text.trim()) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A whole file: header row plus rows, with BOM. */
export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  return BOM + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
