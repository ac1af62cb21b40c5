/**
 * The compare CSV must open correctly in Dutch Excel: UTF-8 with BOM, ';' between cells,
 * CRLF between rows, a decimal comma in numbers, quoting where a cell holds ; " or a line
 * break, and text that starts with = + - @ (or tab / CR) neutralised so it can never be
 * read as a formula. Numbers (also negative ones) stay numbers.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { parseCsv } from '../../../tests/shared/csv';

const BOM = '\uFEFF';

describe('csvCell: numbers', () => {
  it('writes a decimal comma and no thousands separator', () => {
    expect(csvCell(1123.8)).toBe('1123,8');
    expect(csvCell(0.5)).toBe('0,5');
    expect(csvCell(945.4)).toBe('945,4');
    expect(csvCell(2892.1)).toBe('2892,1');
  });

  it('writes whole numbers without decimals', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(7)).toBe('7');
    expect(csvCell(3437)).toBe('3437');
  });

  it('keeps negative numbers as numbers: not neutralised, not quoted', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.5)).toBe('-0,5');
    expect(csvCell(-1234.5)).toBe('-1234,5');
  });

  it('writes an empty cell for a missing or non-finite value', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('csvCell: text', () => {
  it('leaves plain text as it is (also text with a comma or an apostrophe)', () => {
    expect(csvCell('Roomburg (fictief voorbeeld)')).toBe('Roomburg (fictief voorbeeld)');
    expect(csvCell("'t Heen (fictief voorbeeld)")).toBe("'t Heen (fictief voorbeeld)");
    expect(csvCell('Leiden, Zuid-Holland')).toBe('Leiden, Zuid-Holland');
    expect(csvCell('Coöperatie Zon & Wind')).toBe('Coöperatie Zon & Wind');
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell with the separator, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Hal "A"')).toBe('"Hal ""A"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
  });

  it('quotes text with leading or trailing spaces so Excel keeps them', () => {
    expect(csvCell(' Hal A')).toBe('" Hal A"');
    expect(csvCell('Hal A ')).toBe('"Hal A "');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@SUM(1)', "'@SUM(1)"],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
  ])('neutralises text that starts with a formula character: %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('neutralises text that starts with a tab or a carriage return (quoting the CR)', () => {
    // A tab inside a ';'-separated cell needs no quotes; the apostrophe comes first.
    expect(csvCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('a hostile name like =HYPERLINK("http://x") becomes quoted text that starts with an apostrophe', () => {
    const cell = csvCell('=HYPERLINK("http://x")');
    expect(cell).toBe(`"'=HYPERLINK(""http://x"")"`);
    // Read back as a CSV field: the value Excel would hold is text, not a formula.
    expect(unquote(cell)).toBe(`'=HYPERLINK("http://x")`);
    expect(unquote(cell)).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises and quotes a formula that also holds the separator', () => {
    expect(csvCell('=1;2')).toBe(`"'=1;2"`);
    expect(csvCell('@A1;"x"')).toBe(`"'@A1;""x"""`);
  });

  it('does not neutralise a formula character later in the text', () => {
    expect(csvCell('Hal A = B')).toBe('Hal A = B');
    expect(csvCell('Zuid-Holland')).toBe('Zuid-Holland');
    expect(csvCell('a@b.nl')).toBe('a@b.nl');
  });
});

describe('toCsv', () => {
  const csv = toCsv([
    ['Terrein', 'Zon-pv potentieel (kWp)', 'Plichten'],
    ['Roomburg', 1123.8, 7],
    ['=HYPERLINK("http://x")', -5, null],
    ['a;b', 0.25, 0],
  ]);

  it('starts with the BOM, once', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).includes(BOM)).toBe(false);
    // Encoded as UTF-8, the file starts with EF BB BF.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('separates rows with CRLF, ends with CRLF, and has no bare LF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Terrein;Zon-pv potentieel (kWp);Plichten',
      'Roomburg;1123,8;7',
      `"'=HYPERLINK(""http://x"")";-5;`,
      '"a;b";0,25;0',
      '',
    ]);
  });

  it('has the same number of cells in every row when read with ";"', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3, 3]);
    expect(rows[2]).toEqual([`'=HYPERLINK("http://x")`, '-5', '']);
    expect(rows[3]).toEqual(['a;b', '0,25', '0']);
  });

  it('is just the BOM and a line end for an empty table row', () => {
    expect(toCsv([[]])).toBe(`${BOM}\r\n`);
  });
});

/** The value of one quoted or unquoted CSV field. */
function unquote(cell: string): string {
  return cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

