/**
 * Reads a spreadsheet into a header row and data rows: CSV through papaparse (separator `;`,
 * `,` or tab, read from the header line; UTF-8 with or without BOM, else Windows-1252 as older
 * Excel writes it; quoted cells) and XLSX
 * through read-excel-file, loaded only when an .xlsx file is chosen (its "universal" build:
 * no Web Worker, so the CSP's worker-src stays 'self'). A file that cannot be read is refused
 * with a Dutch message and nothing else happens.
 */
import Papa from 'papaparse';
import type { Text } from '../../engine/types';

/** A cell as read: text (CSV, XLSX), or a number, yes/no or date typed in Excel. */
export type Cell = string | number | boolean | Date | null;

export interface Sheet {
  headers: string[];
  /** The data rows (fully empty rows left out), each as long as the header. */
  rows: Cell[][];
  /** The line or row number in the file of each data row (1 = the header). */
  lines: number[];
}

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; message: Text };

/** Bigger files are refused before they are read. */
export const MAX_FILE_BYTES = 5_000_000;
/** A spreadsheet import leaves at most MAX_BUILDINGS (500) buildings in a terrain, so no file needs more rows. */
export const MAX_ROWS = 500;
export const MAX_COLUMNS = 200;

const refuse = (nl: string, en: string): SheetResult => ({ ok: false, message: { nl, en } });
const isEmpty = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');

/** The separator the header line uses most (outside quotes): `;`, `,` or tab. */
export function guessDelimiter(text: string): string {
  const counts = new Map([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Header and rows from a table of cells (CSV or XLSX): checks the size, drops empty rows. */
export function toSheet(table: Cell[][]): SheetResult {
  const first = table.findIndex((row) => !row.every(isEmpty));
  if (first < 0) return refuse('Het bestand is leeg.', 'The file is empty.');
  const headers = table[first].map((h, i) => (typeof h === 'string' ? h.trim() : h === null ? '' : String(h)) || `Kolom ${i + 1}`);
  if (headers.length > MAX_COLUMNS) return refuse(`Het bestand heeft meer dan ${MAX_COLUMNS} kolommen.`, `The file has more than ${MAX_COLUMNS} columns.`);
  const rows: Cell[][] = [];
  const lines: number[] = [];
  for (let i = first + 1; i < table.length; i++) {
    const row = table[i];
    if (row.every(isEmpty)) continue;
    if (rows.length === MAX_ROWS) return refuse(`Het bestand heeft meer dan ${MAX_ROWS} rijen met bedrijven.`, `The file has more than ${MAX_ROWS} rows of companies.`);
    rows.push(headers.map((_, c) => row[c] ?? null));
    lines.push(i + 1);
  }
  if (rows.length === 0) return refuse('Het bestand heeft alleen een kopregel, geen bedrijven.', 'The file has only a header row, no companies.');
  return { ok: true, sheet: { headers, rows, lines } };
}

/** A CSV text as a sheet. */
export function parseCsv(text: string): SheetResult {
  const body = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(body, { delimiter: guessDelimiter(body), skipEmptyLines: false });
  const quote = result.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const line = (body.slice(0, quote.index ?? 0).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    return refuse(`Regel ${line}: een aanhalingsteken (") wordt niet gesloten.`, `Line ${line}: a quotation mark (") is not closed.`);
  }
  return toSheet(result.data);
}

const isXlsx = (file: Blob & { name?: string }): boolean =>
  /\.xlsx$/i.test(file.name ?? '') || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a chosen file: .xlsx through read-excel-file (loaded now), anything else as CSV text. */
export async function readSpreadsheet(file: Blob & { name?: string }): Promise<SheetResult> {
  if (file.size > MAX_FILE_BYTES) return refuse('Het bestand is groter dan 5 MB.', 'The file is larger than 5 MB.');
  if (/\.xls$/i.test(file.name ?? '')) return refuse('Oude Excel-bestanden (.xls) kunnen niet worden gelezen: bewaar het als .xlsx of .csv.', 'Old Excel files (.xls) cannot be read: save it as .xlsx or .csv.');
  if (isXlsx(file)) {
    try {
      const { readSheet } = await import('read-excel-file/universal');
      return toSheet((await readSheet(await file.arrayBuffer())) as Cell[][]);
    } catch {
      return refuse('Dit Excel-bestand kan niet worden gelezen. Bewaar het opnieuw als .xlsx of als .csv.', 'This Excel file cannot be read. Save it again as .xlsx or as .csv.');
    }
  }
  let text: string;
  try {
    text = await file.text();
    // Not UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" writes Windows-1252.
    if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(await file.arrayBuffer());
  } catch {
    return refuse('Het bestand kan niet worden gelezen.', 'The file cannot be read.');
  }
  if (text.includes('\u0000')) return refuse('Dit is geen CSV- of Excelbestand (.csv of .xlsx).', 'This is not a CSV or Excel file (.csv or .xlsx).');
  return parseCsv(text);
}
