/**
 * Bookkeeping in the meta store about exchange: how many changes were saved since the
 * last export to a file, and when that export was. Shared by all tabs (one database);
 * each update is one read-modify-write transaction.
 */
import { openDatabase } from './db';

const CHANGES = 'changesSinceExport';
const LAST_EXPORT = 'lastExportAt';

export interface ExchangeMeta {
  changesSinceExport: number;
  lastExportAt: string | null;
}

function read(changes: unknown, last: unknown): ExchangeMeta {
  return {
    changesSinceExport: typeof changes === 'number' && Number.isFinite(changes) && changes >= 0 ? changes : 0,
    lastExportAt: typeof last === 'string' ? last : null,
  };
}

export async function getExchangeMeta(): Promise<ExchangeMeta> {
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readonly');
  const [changes, last] = await Promise.all([tx.store.get(CHANGES), tx.store.get(LAST_EXPORT), tx.done]);
  return read(changes, last);
}

/** Adds n saved changes to the count since the last export. */
export async function countChanges(n = 1): Promise<ExchangeMeta> {
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readwrite');
  const [changes, last] = await Promise.all([tx.store.get(CHANGES), tx.store.get(LAST_EXPORT)]);
  const next = read(changes, last);
  next.changesSinceExport += n;
  await Promise.all([tx.store.put(next.changesSinceExport, CHANGES), tx.done]);
  return next;
}

/** An export of everything was made: the count starts again. */
export async function markExported(at: string): Promise<ExchangeMeta> {
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([tx.store.put(0, CHANGES), tx.store.put(at, LAST_EXPORT), tx.done]);
  return { changesSinceExport: 0, lastExportAt: at };
}

const COLUMNS = 'importColumns';
/** At most this many header texts are remembered (the oldest go first). */
const MAX_REMEMBERED_COLUMNS = 500;

/** A spreadsheet column's header text → what the user mapped it to last time (a code of the import feature). */
export type ColumnMemory = Record<string, string>;

function readColumns(value: unknown): ColumnMemory {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export async function getColumnMemory(): Promise<ColumnMemory> {
  const db = await openDatabase();
  return readColumns(await db.get('meta', COLUMNS));
}

/** Remembers these header → target pairs (newest last), in one read-modify-write transaction. */
export async function rememberColumns(pairs: ColumnMemory): Promise<ColumnMemory> {
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readwrite');
  const old = readColumns(await tx.store.get(COLUMNS));
  for (const key of Object.keys(pairs)) delete old[key];
  const next = Object.fromEntries(Object.entries({ ...old, ...pairs }).slice(-MAX_REMEMBERED_COLUMNS));
  await Promise.all([tx.store.put(next, COLUMNS), tx.done]);
  return next;
}
