/**
 * The list from summaries and its status counts (src/state/statusCounts.ts, terrains.ts):
 * load reads no terrain in full; the background assessment (here its main-thread runner: Node
 * has no Worker) stores counts equal to the engine's for every terrain, in the model and the
 * database; a save makes them stale and the next run replaces them; a change another tab made
 * to a terrain not read here moves only its summary; the summary follows unsaved edits.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/engine';
import { listSummaries, getTerrain, saveTerrain } from '../../src/storage/terrainRepository';
import { countStatuses } from '../../src/state/statusCountsJob';
import { app, freshAppPerTest, open, waitFor } from './helpers/appState';
import type { Terrain } from '../../src/engine/types';

freshAppPerTest();

const terrain = (id: string, roof: number): Terrain => ({
  id,
  name: `Terrein ${id}`,
  municipality: 'Leiden',
  facts: { congestionFeedIn: 'green' },
  buildings: [
    { id: 'b1', name: 'Hal 1', facts: { roofAreaM2: roof, roofType: 'flat' } },
    { id: 'b2', name: 'Hal 2', facts: {} },
  ],
});

const expected = async (id: string) => countStatuses(assess((await getTerrain(id))!).measures);

describe('status counts in the background', () => {
  it('assesses every terrain from its stored record; the counts are in the model and the database', async () => {
    for (const [id, roof] of [['a', 5000], ['b', 40], ['c', 900]] as const) await saveTerrain(terrain(id, roof));
    await app.terrains.load();
    expect(app.terrains.byId.value.size).toBe(0);
    await app.statusCounts.schedule(true);
    for (const id of ['a', 'b', 'c']) {
      const counts = await expected(id);
      expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
      expect(app.terrains.summaries.value.get(id)?.statusCounts).toMatchObject({ revision: 1, counts });
    }
    expect((await listSummaries()).map((s) => s.statusCounts?.counts)).toEqual(await Promise.all(['c', 'b', 'a'].map(expected)));
    expect(app.terrains.byId.value.size).toBe(0); // still nothing read in full on this thread
    expect(app.statusCounts.progress.value).toBeNull();
  });

  it('a save makes the counts stale; the next run assesses the new revision', async () => {
    await saveTerrain(terrain('a', 5000));
    await app.terrains.load();
    await app.statusCounts.schedule(true);
    const before = app.terrains.summaries.value.get('a')!.statusCounts!;
    open('a');
    await waitFor(() => app.terrains.byId.value.has('a'), 'the open terrain read');
    app.terrains.addBuilding('a'); // more verdicts
    await app.save.flush();
    const stale = app.terrains.summaries.value.get('a')!;
    expect(stale.revision).toBe(2);
    expect(stale.statusCounts).toBe(before); // kept, marked by its revision
    await app.statusCounts.schedule(true);
    const fresh = app.terrains.summaries.value.get('a')!.statusCounts!;
    expect(fresh.revision).toBe(2);
    expect(fresh.counts).toEqual(await expected('a'));
    expect(fresh.counts).not.toEqual(before.counts);
  });

  it('the summary follows unsaved edits; another tab\'s save of a terrain not read here moves only its summary', async () => {
    await saveTerrain(terrain('a', 5000));
    await saveTerrain(terrain('b', 5000));
    await app.terrains.load();
    open('a');
    await waitFor(() => app.terrains.byId.value.has('a'), 'the open terrain read');
    app.terrains.setTerrainField('a', 'name', 'Nieuwe naam');
    app.terrains.addBuilding('a');
    expect(app.terrains.summaries.value.get('a')).toMatchObject({ name: 'Nieuwe naam', buildingCount: 3 });

    const theirs = await saveTerrain({ ...terrain('b', 10), name: 'Door tab B' }, 1);
    await app.tabSync.receive({ id: 'b', revision: theirs.revision });
    expect(app.terrains.summaries.value.get('b')).toMatchObject({ name: 'Door tab B', revision: 2 });
    expect(app.terrains.byId.value.has('b')).toBe(false);
    await app.tabSync.receive({ id: 'b', deleted: true });
    expect(app.terrains.summaries.value.has('b')).toBe(false);
  });
});
