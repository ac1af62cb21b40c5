/** Reading spreadsheets: CSV edge cases (BOM, separators, quotes, empty rows, limits) and the XLSX fixture. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, MAX_ROWS, parseCsv, readSpreadsheet, type Sheet } from './sheet';

const FIXTURES = new URL('../../../tests/fixtures/import/', import.meta.url);
const ok = (text: string): Sheet => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message.nl);
  return r.sheet;
};
const refused = (text: string): string => {
  const r = parseCsv(text);
  if (r.ok) throw new Error('accepted');
  return r.message.nl;
};

describe('CSV', () => {
  it('reads `;` and `,` files alike, with or without BOM', () => {
    const expected = { headers: ['Bedrijfsnaam', 'Dakoppervlak'], rows: [['A', '12,5']], lines: [2] };
    expect(ok('Bedrijfsnaam;Dakoppervlak\r\nA;12,5\r\n')).toEqual(expected);
    expect(ok('\uFEFFBedrijfsnaam;Dakoppervlak\nA;12,5')).toEqual(expected);
    expect(ok('\uFEFFBedrijfsnaam,Dakoppervlak\nA,"12,5"\n')).toEqual(expected);
    expect(ok('Bedrijfsnaam\tDakoppervlak\nA\t12,5')).toEqual(expected);
  });

  it('takes the separator from the header line, outside quotes', () => {
    expect(guessDelimiter('a;b;c\n1,2,3,4,5,6')).toBe(';');
    expect(guessDelimiter('"a;b",c,d\n')).toBe(',');
    expect(guessDelimiter('one column')).toBe(';');
  });

  it('keeps quoted cells whole: separators, doubled quotes and line breaks inside', () => {
    const s = ok('Naam;Adres;Notities\n"Bakker ""De Molen""";"Weg 3; unit B";"regel 1\nregel 2"\n');
    expect(s.rows).toEqual([['Bakker "De Molen"', 'Weg 3; unit B', 'regel 1\nregel 2']]);
  });

  it('leaves out empty rows, pads short rows, trims headers and names empty ones', () => {
    const s = ok('\n  Naam ;;KvK\n\nA\n;;\nB;x;12345678;extra\n');
    expect(s.headers).toEqual(['Naam', 'Kolom 2', 'KvK']);
    expect(s.rows).toEqual([['A', null, null], ['B', 'x', '12345678']]);
    expect(s.lines).toEqual([4, 6]);
  });

  it('refuses an empty file, a header alone, an unclosed quote and too many rows, in Dutch', () => {
    expect(refused('')).toBe('Het bestand is leeg.');
    expect(refused('\uFEFF;;\n')).toBe('Het bestand is leeg.');
    expect(refused('Naam;KvK\n')).toMatch(/alleen een kopregel/);
    expect(refused('Naam;KvK\nA;1\n"B;2\n')).toMatch(/^Regel 3: een aanhalingsteken/);
    const many = ['Naam', ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => `B${i}`)].join('\n');
    expect(refused(many)).toMatch(/meer dan 500 rijen/);
    expect(ok(many.split('\n').slice(0, MAX_ROWS + 1).join('\n')).rows).toHaveLength(MAX_ROWS);
  });

  it('reads the 49-company fixture: 49 rows, the quoted address whole', () => {
    const s = ok(readFileSync(new URL('bedrijven-49.csv', FIXTURES), 'utf8'));
    expect(s.headers[0]).toBe('Bedrijfsnaam');
    expect(s.rows).toHaveLength(49);
    expect(s.rows[2][2]).toBe('Roomburgerweg 3; unit B');
  });
});

describe('files', () => {
  const file = (parts: BlobPart[], name: string, type = '') => Object.assign(new Blob(parts, { type }), { name });

  it('reads the XLSX fixture through read-excel-file: numbers, yes/no and dates as Excel typed them', async () => {
    const r = await readSpreadsheet(file([readFileSync(new URL('bedrijven-12.xlsx', FIXTURES))], 'bedrijven-12.xlsx'));
    if (!r.ok) throw new Error(r.message.nl);
    expect(r.sheet.rows).toHaveLength(12);
    expect(r.sheet.rows[0].slice(4, 8)).toEqual([2000, 1500, true, new Date(Date.UTC(2026, 10, 20))]);
  });

  it('reads a .csv file as UTF-8 text; refuses .xls, a broken .xlsx, binary data and a file over 5 MB', async () => {
    const csv = await readSpreadsheet(file(['\uFEFFNaam;Dak\nÉén;1\n'], 'a.csv'));
    expect(csv.ok && csv.sheet.rows).toEqual([['Één', '1']]);
    // Windows-1252, as Excel's classic CSV: "Café Oriënt" with é = 0xE9 and ë = 0xEB.
    const ansi = await readSpreadsheet(file([new Uint8Array([...Buffer.from('Naam\nCaf'), 0xe9, ...Buffer.from(' Ori'), 0xeb, ...Buffer.from('nt\n')])], 'oud.csv'));
    expect(ansi.ok && ansi.sheet.rows).toEqual([['Café Oriënt']]);
    const msg = async (f: Blob & { name: string }) => {
      const r = await readSpreadsheet(f);
      return r.ok ? 'accepted' : r.message.nl;
    };
    expect(await msg(file(['x'], 'oud.xls'))).toMatch(/\.xls\) kunnen niet/);
    expect(await msg(file(['PK not a zip'], 'kapot.xlsx'))).toMatch(/Excel-bestand kan niet worden gelezen/);
    expect(await msg(file([new Uint8Array([0, 1, 2, 0])], 'foto.csv'))).toMatch(/geen CSV- of Excelbestand/);
    expect(await msg(file([new Uint8Array(5_000_001)], 'groot.csv'))).toMatch(/groter dan 5 MB/);
  });
});
