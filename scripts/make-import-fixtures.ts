/**
 * Writes the spreadsheet-import fixtures of the browser and unit tests (fictional companies,
 * Dutch headers, a few bad cells each): tests/fixtures/import/bedrijven-49.csv (`;`, BOM,
 * decimal comma, a quoted cell) and bedrijven-12.xlsx (written with write-excel-file: numbers,
 * a yes/no and a date as Excel types; three rows update companies of the CSV by KvK number).
 * Run: npx tsx scripts/make-import-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';

const DIR = new URL('../tests/fixtures/import/', import.meta.url);
const USES = ['logistiek', 'industrie', 'kantoor', 'detailhandel', 'anders'];
const kvk = (i: number): string => String(30_000_000 + i * 7919);

/** The CSV: 49 companies; bad cells on lines 6 (KvK), 13 (roof area), 21 (asbestos) and 34 (use). */
function csv(): string {
  const header = ['Bedrijfsnaam', 'KvK-nummer', 'Adres', 'Gebruik', 'Vloeroppervlak (m²)', 'Dakoppervlak (m²)', 'Daktype', 'Asbest in het dak', 'Monumentstatus', 'Elektriciteitsverbruik (kWh/jaar)'];
  const rows = Array.from({ length: 49 }, (_, n) => {
    const i = n + 1;
    const line = i + 1;
    return [
      `Roomburg Bedrijf ${String(i).padStart(2, '0')} B.V.`,
      line === 6 ? '1234567' : kvk(i),
      i === 3 ? '"Roomburgerweg 3; unit B"' : `Roomburgerweg ${i}`,
      line === 34 ? 'fabriek' : USES[i % USES.length],
      `${(1000 + i * 137).toLocaleString('nl-NL')}`,
      line === 13 ? '-20' : `${800 + i * 61},5`,
      i % 4 === 0 ? 'hellend' : 'plat',
      line === 21 ? 'misschien' : i % 9 === 0 ? 'ja' : 'nee',
      'geen',
      `${(50_000 + i * 3_001).toLocaleString('nl-NL')}`,
    ];
  });
  return '\uFEFF' + [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
}

/** The XLSX: 12 rows; rows 2–4 update CSV companies 1–3 by KvK; bad cells on rows 5 (floor area), 7 (KvK) and 9 (sandwich panels). */
async function xlsx(): Promise<Buffer> {
  const header = ['Bedrijfsnaam', 'KvK-nummer', 'Adres', 'Gebruik', 'Vloeroppervlak (m²)', 'Dakoppervlak (m²)', 'Sandwichpanelen', 'Datum bezoek', 'Telefoon contactpersoon'].map((value) => ({ value }));
  const rows = Array.from({ length: 12 }, (_, n) => {
    const row = n + 2;
    const update = n < 3;
    const i = update ? n + 1 : 100 + n;
    return [
      { value: update ? `Roomburg Bedrijf ${String(i).padStart(2, '0')} B.V.` : `Excel Bedrijf ${i}` },
      { value: row === 7 ? '12-34' : kvk(i) },
      { value: `Vondellaan ${i}` },
      { value: 'industrie' },
      { type: Number, value: row === 5 ? -500 : 2000 + n * 250 },
      { type: Number, value: 1500 + n * 100.5 },
      row === 9 ? { value: 'soms' } : { type: Boolean, value: n % 2 === 0 },
      { type: Date, value: new Date(Date.UTC(2026, 10, 20 + (n % 5))), format: 'dd-mm-yyyy' },
      { value: `071-5${String(100000 + n).slice(1)}` },
    ];
  });
  return writeXlsxFile([header, ...rows] as never).toBuffer();
}

writeFileSync(new URL('bedrijven-49.csv', DIR), csv());
writeFileSync(new URL('bedrijven-12.xlsx', DIR), await xlsx());
console.log('written: tests/fixtures/import/bedrijven-49.csv, bedrijven-12.xlsx');
