/**
 * The early open (src/storage/earlyOpen.ts, the build's first script): the database opened
 * before the app's chunk is there and taken over by db.ts. A first visit creates nothing
 * early; a database at this version is taken as it is (no second open); an older one is
 * closed and upgraded by the ladder without loss; a newer tab is let in before and after the
 * connection is taken. Its read of the list's records (summaries and journal) is what the
 * repository's own reads return, taken once by the first load; at another version, or once
 * another tab announced a write, it gives nothing and the app reads itself.
 * On fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, DB_NAME, DB_VERSION, onDbEvent, openDatabase, type DbEvent } from '../../src/storage/db';
import { EARLY_OPEN_KEY, EARLY_READ_KEY, JOURNAL_PREFIX, earlyOpen, type EarlyRead } from '../../src/storage/earlyOpen';
import { readJournal, writeJournalSync } from '../../src/storage/journal';
import { readSummariesAndJournal } from '../../src/storage/listRead';
import { listSummaries, saveTerrain } from '../../src/storage/terrainRepository';
import { CHANNEL_NAME } from '../../src/state/tabSync';
import { createDatabaseAt, dumpDatabase, loadDbFixtures, sortedStores } from './helpers/dbFixtures';

const global = globalThis as Record<string, unknown>;
/** The early script as the page runs it; returns its promise (left in place for db.ts). */
const runEarly = (): Promise<IDBDatabase | null> => {
  earlyOpen({ name: DB_NAME, version: DB_VERSION, openKey: EARLY_OPEN_KEY, readKey: EARLY_READ_KEY, journalPrefix: JOURNAL_PREFIX, channel: CHANNEL_NAME });
  return global[EARLY_OPEN_KEY] as Promise<IDBDatabase | null>;
};
/** The early read's records as the script left them (null: it read nothing). */
const earlyRecords = () => (global[EARLY_READ_KEY] as EarlyRead).records;

/** Another tab opens the database at a newer version; fails when this page keeps it blocked. */
const newerVersionElsewhere = (): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
    request.onblocked = () => reject(new Error('blocked by a connection kept open'));
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  (global[EARLY_READ_KEY] as EarlyRead | undefined)?.channel?.close();
  delete global[EARLY_OPEN_KEY];
  delete global[EARLY_READ_KEY];
  vi.restoreAllMocks();
  await closeDatabase();
});

describe('the early open', () => {
  it('a first visit: the early open creates nothing, the app makes the database with the ladder', async () => {
    expect(await runEarly()).toBeNull();
    expect(await earlyRecords()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'photos', 'summaries', 'terrains']);
    expect(global[EARLY_OPEN_KEY]).toBeUndefined(); // taken once
  });

  it('a database at this version: its early connection is the app’s, opened once', async () => {
    const [current] = loadDbFixtures().filter((f) => f.fixture.dbVersion === DB_VERSION);
    await createDatabaseAt(current.fixture);
    const early = await runEarly();
    expect(early?.version).toBe(DB_VERSION);
    const open = vi.spyOn(indexedDB, 'open');
    const db = await openDatabase();
    expect(unwrap(db)).toBe(early);
    expect(open).not.toHaveBeenCalled();
    expect((await listSummaries()).map((s) => s.id).sort()).toEqual((current.fixture.stores.summaries as { id: string }[]).map((s) => s.id).sort());
  });

  it.each(loadDbFixtures().filter((f) => f.fixture.dbVersion < DB_VERSION).map((f) => [f.file, f.fixture] as const))('%s: the early connection is closed and the ladder upgrades it without loss', async (_file, fixture) => {
    await createDatabaseAt(fixture);
    expect((await runEarly())?.version).toBe(fixture.dbVersion);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(sortedStores(await dumpDatabase(unwrap(db)))).toEqual(sortedStores(fixture.expected ?? fixture.stores));
  });

  it('a newer version opened elsewhere before the app takes the early connection is let in; the app then opens anew', async () => {
    await openDatabase();
    await closeDatabase();
    expect((await runEarly())?.version).toBe(DB_VERSION);
    await newerVersionElsewhere();
    expect(await global[EARLY_OPEN_KEY]).toBeNull();
    await expect(openDatabase()).rejects.toThrow(); // the database is newer than this app now: as without the early open
  });

  it('the taken connection lets a newer version in, with the "blocking" notice', async () => {
    await openDatabase();
    await closeDatabase();
    await runEarly();
    await openDatabase();
    const events: DbEvent[] = [];
    const stop = onDbEvent((e) => events.push(e));
    await newerVersionElsewhere();
    stop();
    expect(events).toEqual(['blocking']);
  });
});

/** A database at this version with three terrains, journal entries and other meta keys around the journal's. */
async function databaseWithJournal(): Promise<void> {
  const [current] = loadDbFixtures().filter((f) => f.fixture.dbVersion === DB_VERSION);
  await createDatabaseAt(current.fixture);
  const a = await saveTerrain({ id: 'a', name: 'A', facts: {}, buildings: [] });
  const b = await saveTerrain({ id: 'b', name: 'B', facts: {}, buildings: [] });
  await saveTerrain({ ...b, name: 'B2' });
  expect(writeJournalSync([{ ...a, name: 'A edited' }, { ...b, name: 'B edited' }])).toBe(true);
  const db = unwrap(await openDatabase());
  const tx = db.transaction('meta', 'readwrite');
  tx.objectStore('meta').put('not an entry', `${JOURNAL_PREFIX}broken`);
  tx.objectStore('meta').put(1, 'journal');
  tx.objectStore('meta').put(2, 'journal;');
  tx.objectStore('meta').put(3, 'journalx');
  await new Promise((resolve) => (tx.oncomplete = resolve));
  await closeDatabase();
}

describe('the early read', () => {
  it('reads what the repository reads, in the same order, and the first load takes it (no read of its own)', async () => {
    await databaseWithJournal();
    await runEarly();
    expect(await earlyRecords()).not.toBeNull();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const [summaries, journal] = await readSummariesAndJournal();
    expect(transaction).not.toHaveBeenCalled();
    transaction.mockRestore();
    expect(global[EARLY_READ_KEY]).toBeUndefined(); // taken once
    expect(summaries.map((s) => s.id)).toEqual(['b', 'a', 'example-roomburg', 'example-t-heen']);
    expect(summaries).toEqual(await listSummaries());
    expect(journal.map((e) => e.terrain.name)).toEqual(['A edited', 'B edited']);
    expect(journal).toEqual(await readJournal());
    // A later load reads itself, the same.
    expect(await readSummariesAndJournal()).toEqual([summaries, journal]);
  });

  it.each([
    ['an older version', () => createDatabaseAt(loadDbFixtures().find((f) => f.fixture.dbVersion < DB_VERSION)!.fixture)],
    [
      'a newer version',
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
          request.onupgradeneeded = () => request.result.createObjectStore('summaries', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
        }),
    ],
  ])('at %s reads nothing', async (_name, create) => {
    await create();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect((await runEarly())?.version).not.toBe(DB_VERSION);
    expect(await earlyRecords()).toBeNull();
    expect(transaction).not.toHaveBeenCalled();
  });

  it('a write another tab announces before the app takes the read makes it stale: the app reads itself', async () => {
    await databaseWithJournal();
    await runEarly();
    await earlyRecords();
    const other = new BroadcastChannel(CHANNEL_NAME);
    other.postMessage({ kind: 'terrain-change', change: { id: 'a', revision: 9 } });
    other.close();
    await vi.waitFor(() => expect((global[EARLY_READ_KEY] as EarlyRead).stale).toBe(true));
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const [summaries, journal] = await readSummariesAndJournal();
    expect(transaction).toHaveBeenCalled();
    expect(summaries).toEqual(await listSummaries());
    expect(journal).toEqual(await readJournal());
  });
});
