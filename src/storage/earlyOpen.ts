/**
 * The database opened, and what the list's first render needs read, before the app's own script
 * is there: opening IndexedDB and the reads after it are the longest wait of the start-up, so a
 * classic script of a few lines does them while the app's chunk is still being fetched and
 * compiled. vite.config.ts writes that script from `earlyOpen` (which therefore uses nothing from
 * outside its body) and puts it before the app's script in index.html; db.ts takes the connection
 * over with `takeEarlyOpen`, and the first load of the list takes the read with `takeEarlyRead`.
 * It opens the database at the version it has, so it never upgrades nor waits for another tab,
 * and it never creates one (a first visit aborts the creation): db.ts opens a missing or older
 * database itself, with the version ladder. It reads only a database at the app's version (the
 * stores and records are then as the app reads them); at another version the app reads as
 * without it. This module imports nothing (vite.config.ts reads it).
 */

/** The database's name (one per origin). */
export const DB_NAME = 'energietoolbox-bedrijventerreinen';

/** The app's database version: bump it with a new step of the version ladder in db.ts (`migrations`), never else. */
export const DB_VERSION = 2;

/** Where the early open leaves its connection (a property of the page's global object). */
export const EARLY_OPEN_KEY = '__energietoolboxEarlyOpen';

/** Where it leaves its read (a property of the page's global object). */
export const EARLY_READ_KEY = '__energietoolboxEarlyRead';

/** The meta store's keys of the save journal: this prefix and the terrain's id (src/storage/journal.ts). */
export const JOURNAL_PREFIX = 'journal:';

/** The connection at the version the database has, or null (none yet): then db.ts opens it itself. */
export type EarlyOpen = Promise<IDBDatabase | null>;

/** The records as stored, not yet checked: every summary in the order of the store's 'by-updated' index (oldest first, as `getAllFromIndex` gives them) and every value of the meta store under a journal key, in key order. */
export interface EarlyRecords {
  summaries: unknown[];
  journal: unknown[];
}

/**
 * The early read as the script leaves it: the records, or null when nothing was read (another
 * version, an error); `stale` once another tab announced a write (or an upgrade came) after the
 * read began, so the records may be older than the database: then the app reads itself.
 */
export interface EarlyRead {
  records: Promise<EarlyRecords | null>;
  stale: boolean;
  channel: BroadcastChannel | null;
}

export interface EarlyOpenOptions {
  /** The database's name. */
  name: string;
  /** The app's database version (DB_VERSION): only a database at this version is read. */
  version: number;
  /** The global's property for the connection promise. */
  openKey: string;
  /** The global's property for the read. */
  readKey: string;
  /** The journal keys' prefix. */
  journalPrefix: string;
  /** The BroadcastChannel on which tabs announce their writes (src/state/tabSync.ts). */
  channel: string;
}

/** Runs as the early script (and in tests): opens the database if it exists and reads the list's records; leaves both on the global object. */
export function earlyOpen(options: EarlyOpenOptions): void {
  const global = globalThis as Record<string, unknown>;
  let done = (_records: EarlyRecords | null): void => undefined;
  const early: EarlyRead = { records: new Promise((resolve) => (done = resolve)), stale: false, channel: null };
  global[options.readKey] = early;
  try {
    // Another tab that writes after the read began announces it on this channel: the read is then stale.
    early.channel = new BroadcastChannel(options.channel);
    early.channel.onmessage = () => {
      early.stale = true;
    };
  } catch {
    /* no BroadcastChannel: no other tab tells this one either */
  }
  try {
    const request = indexedDB.open(options.name);
    global[options.openKey] = new Promise<IDBDatabase | null>((resolve) => {
      request.onupgradeneeded = () => {
        request.transaction?.abort(); // there was no database: leave it to the app to make one
        resolve(null);
        done(null);
      };
      request.onerror = (event) => {
        event.preventDefault();
        resolve(null);
        done(null);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrades before the app has taken the connection: let it, and leave the app to open (and read) anew.
        db.onversionchange = () => {
          db.close();
          global[options.openKey] = Promise.resolve(null);
          early.stale = true;
        };
        resolve(db);
        if (db.version !== options.version) return done(null);
        // One read transaction, as terrainRepository.listSummaries and journal.readJournal read.
        try {
          const tx = db.transaction(['summaries', 'meta'], 'readonly');
          const summaries = tx.objectStore('summaries').index('by-updated').getAll();
          // The string keys that start with the prefix: from the prefix up to (without) the prefix with its last character the next one.
          const p = options.journalPrefix;
          const journal = tx.objectStore('meta').getAll(IDBKeyRange.bound(p, p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1), false, true));
          tx.oncomplete = () => done({ summaries: summaries.result, journal: journal.result });
          tx.onabort = () => done(null);
        } catch {
          done(null);
        }
      };
    });
  } catch {
    done(null); /* no IndexedDB here: db.ts says so when it opens */
  }
}

/** The early open's connection promise, once (undefined when there was none). */
export function takeEarlyOpen(): EarlyOpen | undefined {
  const global = globalThis as Record<string, unknown>;
  const early = global[EARLY_OPEN_KEY] as EarlyOpen | undefined;
  delete global[EARLY_OPEN_KEY];
  return early;
}

/**
 * The early read's records, once: null when there was none, nothing was read, or it is stale
 * (then the caller reads itself). Call it after the app listens to other tabs (src/state/tabSync.ts):
 * from then on their announcements reach the app.
 */
export async function takeEarlyRead(): Promise<EarlyRecords | null> {
  const global = globalThis as Record<string, unknown>;
  const early = global[EARLY_READ_KEY] as EarlyRead | undefined;
  delete global[EARLY_READ_KEY];
  if (!early) return null;
  const records = await early.records;
  early.channel?.close();
  return early.stale ? null : records;
}
