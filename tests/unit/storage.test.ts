/**
 * The IndexedDB layer (src/storage): schema and version ladder, the blocking handler,
 * and the terrain repository (revisions, ordering, conflicts, all-or-nothing import).
 * Runs in Node on fake-indexeddb; every test starts from an empty database.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, DB_NAME, DB_VERSION, onDbEvent, openDatabase, type DbEvent, type StoredTerrain } from '../../src/storage/db';
import { ConflictError, deleteTerrain, getTerrain, listTerrains, putTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import type { Terrain } from '../../src/engine/types';

function terrain(id: string, overrides: Partial<Terrain> = {}): Terrain {
  return {
    id,
    name: `Terrein ${id}`,
    municipality: 'Leiden',
    postcode4: '2314',
    assessmentDate: '2026-11-28',
    facts: { organisation: 'parkmanagement' },
    buildings: [{ id: 'b1', name: 'Hal A', facts: { roofAreaM2: 4200 } }],
    ...overrides,
  };
}

function stored(id: string, updatedAt: string, overrides: Partial<StoredTerrain> = {}): StoredTerrain {
  return { ...terrain(id), createdAt: '2026-01-01T00:00:00.000Z', updatedAt, revision: 1, ...overrides };
}

/** Opens the database without the app (another tab, or a test peeking at the raw schema). */
function rawOpen(version?: number, onUpgrade?: (request: IDBOpenDBRequest) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
    request.onupgradeneeded = () => onUpgrade?.(request);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  vi.useRealTimers();
  await closeDatabase();
});

describe('database schema', () => {
  it('is created at DB_VERSION with the terrains, summaries, photos and meta stores', async () => {
    const db = await openDatabase();
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'photos', 'summaries', 'terrains']);

    const tx = db.transaction(['terrains', 'summaries', 'photos', 'meta'], 'readonly');
    const terrains = tx.objectStore('terrains');
    expect(terrains.keyPath).toBe('id');
    expect([...terrains.indexNames]).toEqual(['by-updated']);
    expect(terrains.index('by-updated').keyPath).toBe('updatedAt');
    expect(tx.objectStore('summaries').keyPath).toBe('id');
    expect(tx.objectStore('summaries').index('by-updated').keyPath).toBe('updatedAt');
    const photos = tx.objectStore('photos');
    expect([...photos.indexNames].sort()).toEqual(['by-building', 'by-terrain']);
    expect(photos.index('by-building').keyPath).toEqual(['terrainId', 'buildingId']);
    // meta uses out-of-line keys.
    expect(tx.objectStore('meta').keyPath).toBeNull();
    await tx.done;
  });

  it('returns the same connection on repeated calls', async () => {
    const a = await openDatabase();
    const b = await openDatabase();
    expect(b).toBe(a);
  });

  it('runs the migration ladder once: data written after 0 → 1 survives closing and reopening', async () => {
    const first = await openDatabase();
    expect(first.version).toBe(DB_VERSION);
    await saveTerrain(terrain('t1'));
    await first.put('meta', 'x', 'marker');
    await closeDatabase();

    // Reopening an existing database must not re-run step 0 (that would throw: store exists).
    const again = await openDatabase();
    expect(again).not.toBe(first);
    expect(again.version).toBe(DB_VERSION);
    expect((await getTerrain('t1'))?.name).toBe('Terrein t1');
    expect(await again.get('meta', 'marker')).toBe('x');
  });

  it('the database is really on disk at DB_VERSION (seen from a raw connection)', async () => {
    await saveTerrain(terrain('t1'));
    await closeDatabase();
    const raw = await rawOpen();
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['meta', 'photos', 'summaries', 'terrains']);
    raw.close();
  });
});

describe('blocking handler', () => {
  it('gives way to another connection that wants a newer version, and the next openDatabase() works again', async () => {
    const events: DbEvent[] = [];
    const stop = onDbEvent((e) => events.push(e));
    try {
      const db = await openDatabase();
      await saveTerrain(terrain('t1'));

      // Another tab (a newer app) opens a higher version. Its upgrade is rolled back, as
      // a tab that is closed mid-upgrade would do, so the database stays at DB_VERSION
      // and this app may open it again.
      let upgradeStarted = false;
      const other = rawOpen(DB_VERSION + 1, (request) => {
        upgradeStarted = true;
        request.transaction!.abort();
      });
      await expect(other).rejects.toBeTruthy();

      expect(events).toContain('blocking');
      // The upgrade could start only because our connection closed in the blocking handler.
      expect(upgradeStarted).toBe(true);
      expect(events).not.toContain('blocked');

      const next = await openDatabase();
      expect(next).not.toBe(db);
      expect(next.version).toBe(DB_VERSION);
      expect((await getTerrain('t1'))?.name).toBe('Terrein t1');
      await saveTerrain(terrain('t2'));
      expect((await listTerrains()).map((t) => t.id).sort()).toEqual(['t1', 't2']);
    } finally {
      stop();
    }
  });

  it('lets the newer version upgrade for real; this (old) app then cannot open it and says so', async () => {
    const events: DbEvent[] = [];
    const stop = onDbEvent((e) => events.push(e));
    try {
      await openDatabase();
      const newer = await rawOpen(DB_VERSION + 1);
      expect(events).toEqual(['blocking']);
      expect(newer.version).toBe(DB_VERSION + 1);
      newer.close();
      // An old app cannot open a newer database: the call fails (VersionError), it does not hang.
      await expect(openDatabase()).rejects.toMatchObject({ name: 'VersionError' });
    } finally {
      stop();
    }
  });

  it('onDbEvent returns an unsubscribe function', async () => {
    const events: DbEvent[] = [];
    const stop = onDbEvent((e) => events.push(e));
    stop();
    await openDatabase();
    await rawOpen(DB_VERSION + 1, (request) => request.transaction!.abort()).catch(() => undefined);
    expect(events).toEqual([]);
  });
});

describe('terrain repository', () => {
  it('save then get returns the terrain with createdAt, updatedAt and revision 1', async () => {
    const input = terrain('t1');
    const result = await saveTerrain(input);
    expect(result.revision).toBe(1);
    expect(result.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(result.updatedAt).toBe(result.createdAt);

    const got = await getTerrain('t1');
    expect(got).toEqual({ ...input, createdAt: result.createdAt, updatedAt: result.updatedAt, revision: 1 });
  });

  it('get of an unknown id is undefined', async () => {
    expect(await getTerrain('nope')).toBeUndefined();
  });

  it('a second save bumps the revision to 2, keeps createdAt and moves updatedAt', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T09:00:00.000Z'));
    const first = await saveTerrain(terrain('t1'));
    vi.setSystemTime(new Date('2026-11-28T10:00:00.000Z'));
    const second = await saveTerrain(terrain('t1', { name: 'Roomburg' }));

    expect(second.revision).toBe(2);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.createdAt).toBe('2026-11-28T09:00:00.000Z');
    expect(second.updatedAt).toBe('2026-11-28T10:00:00.000Z');
    const got = await getTerrain('t1');
    expect(got?.name).toBe('Roomburg');
    expect(got?.revision).toBe(2);
    expect(got?.createdAt).toBe(first.createdAt);
  });

  it('a save with the current expectedRevision succeeds', async () => {
    await saveTerrain(terrain('t1'));
    const second = await saveTerrain(terrain('t1', { name: 'Nieuw' }), 1);
    expect(second.revision).toBe(2);
    expect((await getTerrain('t1'))?.name).toBe('Nieuw');
  });

  it('listTerrains orders by updatedAt, newest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T00:00:00.000Z'));
    await saveTerrain(terrain('a'));
    vi.setSystemTime(new Date('2026-11-03T00:00:00.000Z'));
    await saveTerrain(terrain('b'));
    vi.setSystemTime(new Date('2026-11-02T00:00:00.000Z'));
    await saveTerrain(terrain('c'));
    expect((await listTerrains()).map((t) => t.id)).toEqual(['b', 'c', 'a']);

    // Saving "a" again makes it the most recent one.
    vi.setSystemTime(new Date('2026-11-04T00:00:00.000Z'));
    await saveTerrain(terrain('a', { name: 'bijgewerkt' }));
    expect((await listTerrains()).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });

  it('listTerrains of an empty database is empty', async () => {
    expect(await listTerrains()).toEqual([]);
  });

  it('deleteTerrain removes the terrain and leaves the others', async () => {
    await saveTerrain(terrain('t1'));
    await saveTerrain(terrain('t2'));
    await deleteTerrain('t1');
    expect(await getTerrain('t1')).toBeUndefined();
    expect((await listTerrains()).map((t) => t.id)).toEqual(['t2']);
    // Deleting what is not there is no error.
    await expect(deleteTerrain('t1')).resolves.toBeUndefined();
  });

  it('putTerrains writes all records as given (bookkeeping included)', async () => {
    const records = [stored('a', '2026-11-01T00:00:00.000Z', { revision: 7 }), stored('b', '2026-11-02T00:00:00.000Z'), stored('c', '2026-11-03T00:00:00.000Z')];
    await putTerrains(records);
    expect(await listTerrains()).toEqual([...records].reverse());
    expect((await getTerrain('a'))?.revision).toBe(7);
  });

  it('putTerrains uses one transaction (the photos store in it: an import writes photos with their terrains)', async () => {
    const db = await openDatabase();
    const spy = vi.spyOn(db, 'transaction');
    await putTerrains([stored('a', '2026-11-01T00:00:00.000Z'), stored('b', '2026-11-02T00:00:00.000Z')]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.slice(0, 2)).toEqual([['terrains', 'summaries', 'photos'], 'readwrite']);
    spy.mockRestore();
  });

  it('putTerrains is all or nothing: one record without the key path id → nothing is written', async () => {
    await saveTerrain(terrain('existing'));
    const before = await listTerrains();
    const bad = { ...stored('x', '2026-11-05T00:00:00.000Z') } as Partial<StoredTerrain>;
    delete bad.id;
    const records = [stored('a', '2026-11-01T00:00:00.000Z'), stored('b', '2026-11-02T00:00:00.000Z'), bad as StoredTerrain, stored('c', '2026-11-03T00:00:00.000Z')];

    await expect(putTerrains(records)).rejects.toMatchObject({ name: 'DataError' });
    expect(await getTerrain('a')).toBeUndefined();
    expect(await getTerrain('b')).toBeUndefined();
    expect(await getTerrain('c')).toBeUndefined();
    expect(await listTerrains()).toEqual(before);

    // The connection is still usable afterwards.
    await putTerrains([stored('a', '2026-11-01T00:00:00.000Z')]);
    expect((await getTerrain('a'))?.id).toBe('a');
  });

  it('putTerrains is all or nothing when the invalid record comes first', async () => {
    const bad = { ...stored('x', '2026-11-05T00:00:00.000Z'), id: undefined } as unknown as StoredTerrain;
    await expect(putTerrains([bad, stored('a', '2026-11-01T00:00:00.000Z')])).rejects.toMatchObject({ name: 'DataError' });
    expect(await listTerrains()).toEqual([]);
  });

  it('saveTerrain with a stale expectedRevision throws ConflictError with the stored version and changes nothing', async () => {
    await saveTerrain(terrain('t1', { name: 'Origineel' }));
    const theirs = await saveTerrain(terrain('t1', { name: 'Andere tab' })); // revision 2
    const before = await getTerrain('t1');

    let caught: unknown;
    try {
      await saveTerrain(terrain('t1', { name: 'Mijn versie' }), 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConflictError);
    const conflict = caught as ConflictError;
    expect(conflict.message).toBe('conflict');
    expect(conflict.stored).toEqual(theirs);
    expect(conflict.stored.revision).toBe(2);
    expect(conflict.stored.name).toBe('Andere tab');

    expect(await getTerrain('t1')).toEqual(before);

    // The repository keeps working after the aborted transaction.
    const mine = await saveTerrain(terrain('t1', { name: 'Mijn versie' }), 2);
    expect(mine.revision).toBe(3);
  });

  it('a newer expectedRevision than stored is a conflict too', async () => {
    await saveTerrain(terrain('t1'));
    await expect(saveTerrain(terrain('t1', { name: 'x' }), 5)).rejects.toBeInstanceOf(ConflictError);
    expect((await getTerrain('t1'))?.revision).toBe(1);
  });
});
