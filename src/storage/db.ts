/**
 * The IndexedDB database: typed schema, version ladder for migrations, and the
 * blocked / blocking / terminated handlers. Only the repositories talk to it.
 */
import { openDB, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, takeEarlyOpen } from './earlyOpen';
import type { Terrain } from '../engine/types';
import { summarize, type TerrainSummary } from './summary';
import { setOldMeaningAside } from './ownValueIds';

/**
 * DB_VERSION (kept in earlyOpen.ts beside the name, as the build's early script needs it too):
 * bump it with a new step in `migrations` below; never edit an old step.
 */
export { DB_NAME, DB_VERSION };

/** A terrain as stored: the input plus bookkeeping. */
export interface StoredTerrain extends Terrain {
  createdAt: string;
  updatedAt: string;
  /** Increases with every save; lets two tabs notice each other's writes. */
  revision: number;
}

/** A photo of a building (the roof, the meter cupboard), compressed on the device; kept apart from the terrain so lists stay light. */
export interface StoredPhoto {
  id: string;
  terrainId: string;
  buildingId: string;
  blob: Blob;
  /** MIME type of the blob (image/jpeg, image/webp). */
  type: string;
  width: number;
  height: number;
  /** Size of the blob in bytes. */
  bytes: number;
  /** ISO time the photo was taken or added. */
  takenAt: string;
  caption?: string;
}

export interface ToolboxDB extends DBSchema {
  terrains: { key: string; value: StoredTerrain; indexes: { 'by-updated': string } };
  /** One light record per terrain for the list, written in the same transaction as its terrain (since version 2). */
  summaries: { key: string; value: TerrainSummary; indexes: { 'by-updated': string } };
  /** Photos per building (since version 2). */
  photos: { key: string; value: StoredPhoto; indexes: { 'by-terrain': string; 'by-building': [string, string] } };
  meta: { key: string; value: unknown };
}

/**
 * One step of the ladder. It gets the upgrade (versionchange) transaction, so a step may
 * also rewrite records; it may be async as long as it awaits only requests on that
 * transaction (anything else lets the transaction commit half-way).
 */
export type Migration = (db: IDBPDatabase<ToolboxDB>, tx: IDBPTransaction<ToolboxDB, StoreNames<ToolboxDB>[], 'versionchange'>) => void | Promise<void>;

/**
 * migrations[n] upgrades a database from version n to n + 1. Step 1 → 2 would look like:
 *
 *   async (_db, tx) => {
 *     // e.g. give every building a new field, without losing anything
 *     for (let c = await tx.objectStore('terrains').openCursor(); c; c = await c.continue()) {
 *       await c.update({ ...c.value, buildings: c.value.buildings.map((b) => ({ ...b, extra: null })) });
 *     }
 *   },
 *
 * plus DB_VERSION = 2 and a fixture tests/fixtures/db/v1.json that must survive it
 * (tests/unit/migrations.test.ts opens every fixture with the app).
 */
export const migrations: readonly Migration[] = [
  (db) => {
    const terrains = db.createObjectStore('terrains', { keyPath: 'id' });
    terrains.createIndex('by-updated', 'updatedAt');
    db.createObjectStore('meta');
  },
  // 1 → 2: summaries for the list (built here for every stored terrain) and photos. Every version-1 app stored the
  // own electricity value as supply price plus energy tax (today: the bare supply price): it is moved aside, as it was.
  async (db, tx) => {
    db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
    const photos = db.createObjectStore('photos', { keyPath: 'id' });
    photos.createIndex('by-terrain', 'terrainId');
    photos.createIndex('by-building', ['terrainId', 'buildingId']);
    const summaries = tx.objectStore('summaries');
    for (let c = await tx.objectStore('terrains').openCursor(); c; c = await c.continue()) {
      const terrain = setOldMeaningAside(c.value);
      if (terrain !== c.value) await c.update(terrain);
      await summaries.put(summarize(terrain, null));
    }
  },
];

/**
 * Runs the steps from oldVersion up to newVersion, in order, on the upgrade transaction.
 * Synchronous steps run at once (schema changes must happen while the transaction is
 * active); a step that returns a promise holds the next ones back until it is done.
 */
export function upgradeDatabase(
  db: IDBPDatabase<ToolboxDB>,
  oldVersion: number,
  newVersion: number,
  tx: IDBPTransaction<ToolboxDB, StoreNames<ToolboxDB>[], 'versionchange'>,
  ladder: readonly Migration[] = migrations,
): Promise<void> {
  let chain: Promise<void> | null = null;
  for (let v = oldVersion; v < newVersion; v++) {
    const step = ladder[v];
    if (!step) throw new Error(`no migration from database version ${v}`);
    if (chain) chain = chain.then(() => step(db, tx));
    else chain = step(db, tx) ?? null;
  }
  return chain ?? Promise.resolve();
}

/**
 * The upgrade handler: runs the ladder, and when a step fails aborts the upgrade, so the
 * database stays at its old version, unchanged (openDatabase then rejects).
 */
export function runUpgrade(
  db: IDBPDatabase<ToolboxDB>,
  oldVersion: number,
  newVersion: number,
  tx: IDBPTransaction<ToolboxDB, StoreNames<ToolboxDB>[], 'versionchange'>,
  ladder: readonly Migration[] = migrations,
): void {
  const abort = (): void => {
    tx.done.catch(() => undefined); // the abort is the expected outcome here, not an unhandled error
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
  };
  try {
    upgradeDatabase(db, oldVersion, newVersion, tx, ladder).catch(abort);
  } catch {
    abort();
  }
}

/** Events the UI shows: another tab holds an old version open, or wants a newer one. */
export type DbEvent = 'blocked' | 'blocking' | 'terminated';
const listeners = new Set<(event: DbEvent) => void>();
export function onDbEvent(listener: (event: DbEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const emit = (event: DbEvent): void => listeners.forEach((l) => l(event));

let dbPromise: Promise<IDBPDatabase<ToolboxDB>> | null = null;
/** The open connection once it is resolved, for the few writes that must start synchronously. */
let connection: IDBPDatabase<ToolboxDB> | null = null;

/** The already open connection, or null (never opens one: used while the page is being left). */
export function openConnection(): IDBPDatabase<ToolboxDB> | null {
  return connection;
}

function onBlocking(): void {
  // A newer version of the app wants to upgrade: let it, and reopen later.
  void dbPromise?.then((db) => db.close());
  dbPromise = null;
  connection = null;
  emit('blocking');
}

function onTerminated(): void {
  // The browser closed the connection (e.g. storage cleared): reopen on next use.
  dbPromise = null;
  connection = null;
  emit('terminated');
}

/** The early script's connection (src/storage/earlyOpen.ts), with the handlers openDB gives its own. */
function adopt(db: IDBDatabase): IDBPDatabase<ToolboxDB> {
  db.onversionchange = null; // the early script's own handler, for the time before this
  db.addEventListener('versionchange', onBlocking);
  db.addEventListener('close', onTerminated);
  return wrap(db) as unknown as IDBPDatabase<ToolboxDB>;
}

/**
 * Opens (once) the database, running every migration step it is behind; in the page, the
 * connection the early script opened is taken over (src/storage/earlyOpen.ts).
 */
export function openDatabase(name = DB_NAME): Promise<IDBPDatabase<ToolboxDB>> {
  if (!dbPromise) {
    const open = (): Promise<IDBPDatabase<ToolboxDB>> =>
      openDB<ToolboxDB>(name, DB_VERSION, {
        upgrade(db, oldVersion, _newVersion, tx) {
          runUpgrade(db, oldVersion, DB_VERSION, tx);
        },
        blocked() {
          emit('blocked');
        },
        blocking: onBlocking,
        terminated: onTerminated,
      });
    const early = name === DB_NAME ? takeEarlyOpen() : undefined;
    // The early connection is taken when the database is at this version; else it is closed and the ladder runs.
    dbPromise = early
      ? early.then((db) => {
          if (db?.version === DB_VERSION) return adopt(db);
          db?.close();
          return open();
        })
      : open();
    const opening = dbPromise;
    opening.then(
      (db) => {
        if (dbPromise === opening) connection = db;
      },
      () => {
        dbPromise = null;
      },
    );
  }
  return dbPromise;
}

/** Closes and forgets the connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  connection = null;
  if (p) (await p).close();
}
