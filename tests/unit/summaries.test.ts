/**
 * Summary records (src/storage/summary.ts): the list's light record per terrain is written in the
 * same transaction as its terrain by every write (save, import, delete), so it never disagrees with
 * it; status counts are kept only for the revision they were made for.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type StoredTerrain } from '../../src/storage/db';
import { deleteTerrain, getTerrain, listSummaries, putStatusCounts, putTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import type { Terrain } from '../../src/engine/types';

const terrain = (id: string, buildings = 2, overrides: Partial<Terrain> = {}): Terrain => ({
  id,
  name: `Terrein ${id}`,
  municipality: 'Leiden',
  facts: {},
  buildings: Array.from({ length: buildings }, (_, i) => ({ id: `b${i}`, name: `Hal ${i}`, facts: {} })),
  ...overrides,
});

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDatabase());

/** Every summary equals what the stored terrain says (name, place, count, dates, revision). */
async function expectInStep(): Promise<void> {
  for (const summary of await listSummaries()) {
    const t = (await getTerrain(summary.id))!;
    expect(summary).toMatchObject({ name: t.name, buildingCount: t.buildings.length, updatedAt: t.updatedAt, revision: t.revision, createdAt: t.createdAt });
    expect(summary.municipality).toBe(t.municipality);
  }
}

describe('summaries', () => {
  it('a save writes the summary; a second save with another building count updates it', async () => {
    const first = await saveTerrain(terrain('a', 2));
    expect(await listSummaries()).toEqual([{ id: 'a', name: 'Terrein a', municipality: 'Leiden', buildingCount: 2, withoutLocation: 2, createdAt: first.createdAt, updatedAt: first.updatedAt, revision: 1, statusCounts: null }]);
    await saveTerrain(terrain('a', 5, { name: 'Roomburg', municipality: undefined }), 1);
    const [summary] = await listSummaries();
    expect(summary).toMatchObject({ name: 'Roomburg', buildingCount: 5, revision: 2 });
    expect('municipality' in summary).toBe(false);
    await expectInStep();
  });

  it('status counts are stored for the assessed revision only and kept, marked by revision, after a save', async () => {
    await saveTerrain(terrain('a'));
    const counts = { revision: 1, toolboxVersion: '2026.12.0', counts: { feasible: 3, blocked: 1 } };
    expect(await putStatusCounts('a', counts)).toBe(true);
    expect((await listSummaries())[0].statusCounts).toEqual(counts);
    await saveTerrain(terrain('a', 3), 1);
    const [summary] = await listSummaries();
    expect(summary.revision).toBe(2);
    expect(summary.statusCounts).toEqual(counts); // stale: its revision (1) says so
    expect(await putStatusCounts('a', { ...counts, revision: 1 })).toBe(false); // an assessment of the old revision is not written
    expect(await putStatusCounts('gone', counts)).toBe(false);
  });

  it('import writes a summary per terrain in the same transaction; a refused import writes none', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    const records: StoredTerrain[] = [1, 2, 3].map((n) => ({ ...terrain(`t${n}`, n), createdAt: at, updatedAt: `2026-11-0${n}T00:00:00.000Z`, revision: n }));
    await putTerrains(records);
    expect((await listSummaries()).map((s) => [s.id, s.buildingCount])).toEqual([['t3', 3], ['t2', 2], ['t1', 1]]);
    await expectInStep();
    await expect(putTerrains([{ ...records[0], id: 'x' }, { name: 'geen id' } as unknown as StoredTerrain])).rejects.toBeTruthy();
    expect((await listSummaries()).map((s) => s.id)).toEqual(['t3', 't2', 't1']);
  });

  it('a delete removes the summary and the terrain\'s photos, and no other terrain\'s', async () => {
    await saveTerrain(terrain('a'));
    await saveTerrain(terrain('b'));
    const db = await openDatabase();
    const photo = (id: string, terrainId: string) => ({ id, terrainId, buildingId: 'b0', blob: new Blob(['x']), type: 'image/jpeg', width: 1, height: 1, bytes: 1, takenAt: '2026-12-02T10:00:00.000Z' });
    await db.put('photos', photo('p1', 'a'));
    await db.put('photos', photo('p2', 'a'));
    await db.put('photos', photo('p3', 'b'));
    await deleteTerrain('a');
    expect((await listSummaries()).map((s) => s.id)).toEqual(['b']);
    expect((await db.getAll('photos')).map((p) => p.id)).toEqual(['p3']);
    expect(await getTerrain('a')).toBeUndefined();
  });
});
