/**
 * Database fixtures: a file in tests/fixtures/db/ holds a database as an earlier version of
 * the app wrote it. createDatabaseAt builds that database with the migration steps of that
 * time (steps are frozen once released) and fills it, so a test can open it with today's app.
 */
import { openDB, unwrap } from 'idb';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DB_NAME, runUpgrade, type Migration, migrations, type ToolboxDB } from '../../../src/storage/db';

export interface DbFixture {
  description?: string;
  /** The schema version the data was written at. */
  dbVersion: number;
  /** Store name → records: plain values for stores with a key path, [key, value] pairs for the others. */
  stores: Record<string, unknown[]>;
  /** What the stores must hold after opening with the current app, when a migration changes records (default: `stores`). */
  expected?: Record<string, unknown[]>;
}

const DIR = fileURLToPath(new URL('../../fixtures/db/', import.meta.url));

export function loadDbFixtures(): { file: string; fixture: DbFixture }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fixture: JSON.parse(readFileSync(DIR + file, 'utf8')) as DbFixture }));
}

/** Creates the database at the fixture's version (with the steps up to it) and writes its records. */
export async function createDatabaseAt(fixture: DbFixture, ladder: readonly Migration[] = migrations, name = DB_NAME): Promise<void> {
  const db = await openDB<ToolboxDB>(name, fixture.dbVersion, {
    upgrade(database, oldVersion, _newVersion, tx) {
      runUpgrade(database, oldVersion, fixture.dbVersion, tx, ladder);
    },
  });
  const raw = unwrap(db);
  const names = Object.keys(fixture.stores);
  const tx = raw.transaction(names, 'readwrite');
  for (const store of names) {
    const os = tx.objectStore(store);
    for (const record of fixture.stores[store]) {
      if (os.keyPath === null) {
        const [key, value] = record as [IDBValidKey, unknown];
        os.put(value, key);
      } else os.put(record);
    }
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

/** The stores in a fixed order (records by id, pairs by key), so two dumps compare equal. */
export function sortedStores(stores: Record<string, unknown[]>): Record<string, unknown[]> {
  const keyOf = (r: unknown): string => (Array.isArray(r) ? String(r[0]) : String((r as { id?: unknown }).id));
  return Object.fromEntries(Object.keys(stores).sort().map((name) => [name, [...stores[name]].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))]));
}

/** Every store's records, in the fixture's form ([key, value] pairs for out-of-line keys). */
export async function dumpDatabase(db: IDBDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of [...db.objectStoreNames]) {
    const os = db.transaction(store, 'readonly').objectStore(store);
    const values = await request(os.getAll());
    if (os.keyPath === null) {
      const keys = await request(os.getAllKeys());
      out[store] = keys.map((k, i) => [k, values[i]]);
    } else out[store] = values;
  }
  return out;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
