/**
 * Reads the app's CSV back in tests with papaparse, the reader the import uses
 * (src/features/import/sheet.ts): ';' between cells, CRLF between rows, quotes as RFC 4180.
 * The text is given without its BOM; the empty line after the last CRLF is not a row.
 */
import Papa from 'papaparse';

export function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}
