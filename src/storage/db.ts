/**
 * The IndexedDB database: typed schema, version ladder for migrations, and the
 * blocked / blocking / terminated handlers. Only the repositories talk to it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Terrain } from '../engine/types';

export const DB_NAME = 'energietoolbox-bedrijventerreinen';
/** Bump with a new step in `migrations` below; never edit an old step. */
export const DB_VERSION = 1;

/** A terrain as stored: the input plus bookkeeping. */
export interface StoredTerrain extends Terrain {
  createdAt: string;
  updatedAt: string;
  /** Increases with every save; lets two tabs notice each other's writes. */
  revision: number;
}

export interface ToolboxDB extends DBSchema {
  terrains: { key: string; value: StoredTerrain; indexes: { 'by-updated': string } };
  meta: { key: string; value: unknown };
}

type Migration = (db: IDBPDatabase<ToolboxDB>) => void;

/** migrations[n] upgrades a database from version n to n + 1. */
const migrations: Migration[] = [
  (db) => {
    const terrains = db.createObjectStore('terrains', { keyPath: 'id' });
    terrains.createIndex('by-updated', 'updatedAt');
    db.createObjectStore('meta');
  },
];

/** Events the UI shows: another tab holds an old version open, or wants a newer one. */
export type DbEvent = 'blocked' | 'blocking' | 'terminated';
const listeners = new Set<(event: DbEvent) => void>();
export function onDbEvent(listener: (event: DbEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const emit = (event: DbEvent): void => listeners.forEach((l) => l(event));

let dbPromise: Promise<IDBPDatabase<ToolboxDB>> | null = null;

/** Opens (once) the database, running every migration step it is behind. */
export function openDatabase(name = DB_NAME): Promise<IDBPDatabase<ToolboxDB>> {
  if (!dbPromise) {
    dbPromise = openDB<ToolboxDB>(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        for (let v = oldVersion; v < DB_VERSION; v++) migrations[v](db);
      },
      blocked() {
        emit('blocked');
      },
      blocking() {
        // A newer version of the app wants to upgrade: let it, and reopen later.
        void dbPromise?.then((db) => db.close());
        dbPromise = null;
        emit('blocking');
      },
      terminated() {
        // The browser closed the connection (e.g. storage cleared): reopen on next use.
        dbPromise = null;
        emit('terminated');
      },
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

/** Closes and forgets the connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  if (p) (await p).close();
}
