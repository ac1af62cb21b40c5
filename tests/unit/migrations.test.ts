/**
 * Database migrations: every fixture in tests/fixtures/db/ (one per schema version the app
 * has ever written) is built as that version wrote it and opened with today's app; nothing
 * may be lost. The ladder machinery is proven with a pretend next version (a data migration
 * through a cursor plus a new index) and a failing step (the upgrade aborts, data intact).
 * When DB_VERSION goes up, add tests/fixtures/db/v<new>.json and keep the older ones: the
 * first test then fails until it exists.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, DB_NAME, DB_VERSION, migrations, openDatabase, runUpgrade, upgradeDatabase, type Migration, type StoredTerrain, type ToolboxDB } from '../../src/storage/db';
import { getExchangeMeta } from '../../src/storage/metaRepository';
import { getTerrain, listTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import { createDatabaseAt, dumpDatabase, loadDbFixtures, sortedStores } from './helpers/dbFixtures';

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  await closeDatabase();
});

const fixtures = loadDbFixtures();

describe('database fixtures of every version', () => {
  it('there is a fixture for every schema version from 1 to DB_VERSION', () => {
    expect(fixtures.map((f) => f.fixture.dbVersion).sort()).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
    expect(migrations).toHaveLength(DB_VERSION);
  });

  it.each(fixtures.map((f) => [f.file, f.fixture] as const))('%s opens with the current app without loss', async (_file, fixture) => {
    await createDatabaseAt(fixture);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(sortedStores(await dumpDatabase(unwrap(db)))).toEqual(sortedStores(fixture.expected ?? fixture.stores));

    // …and the app works on it: lists, reads, saves with the stored revision, reads the meta.
    const terrains = (fixture.expected ?? fixture.stores).terrains as StoredTerrain[];
    expect((await listTerrains()).map((t) => t.id).sort()).toEqual(terrains.map((t) => t.id).sort());
    const first = terrains[0];
    expect(await getTerrain(first.id)).toEqual(first);
    const { createdAt: _c, updatedAt: _u, revision, ...input } = first;
    const saved = await saveTerrain({ ...input, name: 'Na migratie' }, revision);
    expect(saved.revision).toBe(revision + 1);
    expect(saved.createdAt).toBe(first.createdAt);
    const meta = new Map((fixture.expected ?? fixture.stores).meta as [string, unknown][]);
    expect(await getExchangeMeta()).toEqual({ changesSinceExport: meta.get('changesSinceExport') ?? 0, lastExportAt: meta.get('lastExportAt') ?? null });
  });
});

describe('the ladder machinery', () => {
  const latest = fixtures.find((f) => f.fixture.dbVersion === DB_VERSION)!.fixture;
  const NEXT = DB_VERSION + 1;

  /** A pretend next step: every building gets `storeys: null`, and terrains get an index by name. */
  const toV2: Migration = async (_db, tx) => {
    const store = tx.objectStore('terrains');
    (store as unknown as { createIndex(name: string, keyPath: string): void }).createIndex('by-name', 'name');
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update({ ...cursor.value, buildings: cursor.value.buildings.map((b) => ({ ...b, storeys: null })) });
    }
  };

  it('opening a database of the current version at the next one runs only the new step, rewrites every record, loses nothing', async () => {
    await createDatabaseAt(latest);
    let ran: number[] = [];
    const spyLadder: Migration[] = [...migrations, toV2].map((step, i) => (db, tx) => {
      ran.push(i);
      return step(db, tx);
    });
    const db = await openDB<ToolboxDB>(DB_NAME, NEXT, {
      upgrade(database, oldVersion, newVersion, tx) {
        void upgradeDatabase(database, oldVersion, newVersion ?? NEXT, tx, spyLadder);
      },
    });
    expect(ran).toEqual([DB_VERSION]);
    expect(db.version).toBe(NEXT);
    const raw = unwrap(db);
    expect([...raw.transaction('terrains').objectStore('terrains').indexNames].sort()).toEqual(['by-name', 'by-updated']);
    const after = sortedStores(await dumpDatabase(raw)).terrains as StoredTerrain[];
    const before = sortedStores(latest.stores).terrains as StoredTerrain[];
    expect(after).toEqual(before.map((t) => ({ ...t, buildings: t.buildings.map((b) => ({ ...b, storeys: null })) })));
    expect(sortedStores(await dumpDatabase(raw)).meta).toEqual(sortedStores(latest.stores).meta);
    db.close();

    // A fresh database runs every step, from 0.
    globalThis.indexedDB = new IDBFactory();
    ran = [];
    const fresh = await openDB<ToolboxDB>(DB_NAME, NEXT, {
      upgrade(database, oldVersion, newVersion, tx) {
        void upgradeDatabase(database, oldVersion, newVersion ?? NEXT, tx, spyLadder);
      },
    });
    expect(ran).toEqual(Array.from({ length: NEXT }, (_, i) => i));
    fresh.close();
  });

  it('a step that fails aborts the upgrade: the database stays at its version with every record', async () => {
    await createDatabaseAt(latest);
    const failing: Migration = async (_db, tx) => {
      const store = tx.objectStore('terrains');
      const cursor = await store.openCursor();
      await cursor!.update({ ...cursor!.value, name: 'half-way' });
      throw new Error('the next step failed');
    };
    await expect(
      openDB<ToolboxDB>(DB_NAME, NEXT, {
        upgrade(database, oldVersion, newVersion, tx) {
          runUpgrade(database, oldVersion, newVersion ?? NEXT, tx, [...migrations, failing]);
        },
      }),
    ).rejects.toBeTruthy();
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(sortedStores(await dumpDatabase(unwrap(db)))).toEqual(sortedStores(latest.stores));
  });

  it('a missing step is an error, not a silent skip', () => {
    expect(() => upgradeDatabase({} as never, DB_VERSION, DB_VERSION + 2, {} as never, migrations)).toThrow(new RegExp(`no migration from database version ${DB_VERSION}`));
  });
});
