/**
 * The database opened before the app's own script is there: opening IndexedDB is the longest
 * wait of the start-up, so a classic script of a few lines starts it while the app's chunk
 * is still being fetched and compiled. vite.config.ts writes that script from `earlyOpen`
 * (which therefore uses nothing from outside its body) and puts it before the app's script
 * in index.html; db.ts takes the connection over with `takeEarlyOpen`. It opens the database
 * at the version it has, so it never upgrades nor waits for another tab, and it never creates
 * one (a first visit aborts the creation): db.ts opens a missing or older database itself,
 * with the version ladder. This module imports nothing (vite.config.ts reads it).
 */

/** The database's name (one per origin). */
export const DB_NAME = 'energietoolbox-bedrijventerreinen';

/** Where the early open leaves its connection (a property of the page's global object). */
export const EARLY_OPEN_KEY = '__energietoolboxEarlyOpen';

/** The connection at the version the database has, or null (none yet): then db.ts opens it itself. */
export type EarlyOpen = Promise<IDBDatabase | null>;

/** Runs as the early script (and in tests): opens `name` if it exists, and leaves the promise at `key`. */
export function earlyOpen(name: string, key: string): void {
  try {
    const request = indexedDB.open(name);
    (globalThis as Record<string, unknown>)[key] = new Promise<IDBDatabase | null>((resolve) => {
      request.onupgradeneeded = () => {
        request.transaction?.abort(); // there was no database: leave it to the app to make one
        resolve(null);
      };
      request.onerror = (event) => {
        event.preventDefault();
        resolve(null);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrades before the app has taken the connection: let it, and leave the app to open anew.
        db.onversionchange = () => {
          db.close();
          (globalThis as Record<string, unknown>)[key] = Promise.resolve(null);
        };
        resolve(db);
      };
    });
  } catch {
    /* no IndexedDB here: db.ts says so when it opens */
  }
}

/** The early open's connection promise, once (undefined when there was none). */
export function takeEarlyOpen(): EarlyOpen | undefined {
  const global = globalThis as Record<string, unknown>;
  const early = global[EARLY_OPEN_KEY] as EarlyOpen | undefined;
  delete global[EARLY_OPEN_KEY];
  return early;
}
