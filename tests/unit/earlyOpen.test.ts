/**
 * The early open (src/storage/earlyOpen.ts, the build's first script): the database opened
 * before the app's chunk is there and taken over by db.ts. A first visit creates nothing
 * early; a database at this version is taken as it is (no second open); an older one is
 * closed and upgraded by the ladder without loss; a newer tab is let in before and after the
 * connection is taken.
 * On fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, DB_NAME, DB_VERSION, onDbEvent, openDatabase, type DbEvent } from '../../src/storage/db';
import { EARLY_OPEN_KEY, earlyOpen } from '../../src/storage/earlyOpen';
import { listSummaries } from '../../src/storage/terrainRepository';
import { createDatabaseAt, dumpDatabase, loadDbFixtures, sortedStores } from './helpers/dbFixtures';

const global = globalThis as Record<string, unknown>;
/** The early script as the page runs it; returns its promise (left in place for db.ts). */
const runEarly = (): Promise<IDBDatabase | null> => {
  earlyOpen(DB_NAME, EARLY_OPEN_KEY);
  return global[EARLY_OPEN_KEY] as Promise<IDBDatabase | null>;
};

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
  delete global[EARLY_OPEN_KEY];
  vi.restoreAllMocks();
  await closeDatabase();
});

describe('the early open', () => {
  it('a first visit: the early open creates nothing, the app makes the database with the ladder', async () => {
    expect(await runEarly()).toBeNull();
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
