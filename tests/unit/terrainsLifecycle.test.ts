/**
 * The terrains model (src/state/terrains.ts) for whole records and buildings: delete with
 * undo (a pending edit of a deleted terrain is never written), duplicating a terrain, and
 * adding, duplicating, updating and removing buildings, with the assessment following. Each
 * test has fresh models on a fresh fake-indexeddb (helpers/appState.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { getTerrain, listTerrains } from '../../src/storage/terrainRepository';
import { SAVE_DEBOUNCE_MS } from '../../src/state/save';
import { app, freshAppPerTest, model, open, pvRoof, saveState, waitFor } from './helpers/appState';

freshAppPerTest();

describe('delete and undo', () => {
  it('deleteTerrain removes it from the list and the database; undoDelete brings it back identical', async () => {
    const t = await app.terrains.create('Roomburg');
    const keep = await app.terrains.create('Blijft');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    app.terrains.setFact(t.id, t.buildings[0]!.id, 'roofAreaM2', 4200);
    await app.save.flush();
    open(t.id);
    const before = await getTerrain(t.id);
    const beforeModel = model(t.id);
    expect(before).toEqual(beforeModel);

    await app.terrains.remove(t.id);
    expect(app.terrains.list.value.map((x) => x.id)).toEqual([keep.id]);
    expect(await getTerrain(t.id)).toBeUndefined();
    expect(app.terrains.current.value).toBeNull(); // the route still names it; it is gone
    expect(app.terrains.lastDeleted.value).toEqual(before);

    await app.terrains.undoDelete();
    expect(app.terrains.lastDeleted.value).toBeNull();
    expect(await getTerrain(t.id)).toEqual(before);
    expect(model(t.id)).toEqual(before);
    expect(app.terrains.list.value.map((x) => x.id).sort()).toEqual([t.id, keep.id].sort());

    // Editing the restored terrain saves normally.
    app.terrains.setFact(t.id, null, 'organisation', 'cooperative');
    await app.save.flush();
    expect(saveState()).toBe('saved');
    expect((await getTerrain(t.id))?.facts).toEqual({ organisation: 'cooperative' });
  });

  it('a pending edit is not written after the terrain was deleted', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    await app.terrains.remove(t.id);
    await app.save.flush();
    expect(await getTerrain(t.id)).toBeUndefined();
    expect(await listTerrains()).toEqual([]);
    // Nothing is left to save: the visible state must not stay "pending".
    expect(saveState()).toBe('saved');
  });

  it('after the debounce, a deleted terrain with a pending edit leaves the state saved', async () => {
    const t = await app.terrains.create('Roomburg');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    expect(saveState()).toBe('pending');
    await app.terrains.remove(t.id);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    await waitFor(() => saveState() !== 'pending', 'a settled save state');
    expect(saveState()).toBe('saved');
    expect(await getTerrain(t.id)).toBeUndefined();
  });
});

describe('duplicating and buildings', () => {
  it('duplicateTerrain gives a new id, the name with the suffix and equal facts and buildings', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    app.terrains.setFact(t.id, t.buildings[0]!.id, 'roofAreaM2', 4200);
    app.terrains.setTerrainField(t.id, 'municipality', 'Leiden');
    await app.save.flush();
    const source = model(t.id);

    const copy = await app.terrains.duplicate(t.id, '(kopie)');
    expect(copy).not.toBeNull();
    expect(copy!.id).not.toBe(t.id);
    expect(copy!.name).toBe('Roomburg (kopie)');
    expect(copy!.revision).toBe(1);
    expect(copy!.facts).toEqual(source.facts);
    expect(copy!.buildings).toEqual(source.buildings);
    expect(copy!.municipality).toBe('Leiden');
    expect(await getTerrain(copy!.id)).toEqual(copy);
    expect(app.terrains.list.value).toHaveLength(2);

    // A deep copy: editing the copy leaves the source alone.
    app.terrains.setFact(copy!.id, copy!.buildings[0]!.id, 'roofAreaM2', 10);
    expect(model(t.id).buildings[0]?.facts).toEqual({ roofAreaM2: 4200 });
    expect(await app.terrains.duplicate('nope', '(kopie)')).toBeNull();
  });

  it('addBuilding adds an empty, numbered building', async () => {
    const t = await app.terrains.create('Roomburg');
    const id = app.terrains.addBuilding(t.id);
    const buildings = model(t.id).buildings;
    expect(buildings).toHaveLength(2);
    expect(buildings[1]).toEqual({ id, name: 'Gebouw 2', facts: {} });
    expect(id).not.toBe(buildings[0]!.id);
    await app.save.flush();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([buildings[0]!.id, id]);
  });

  it('duplicateBuilding inserts a copy right after the source, with equal facts', async () => {
    const t = await app.terrains.create('Roomburg');
    const first = t.buildings[0]!.id;
    const last = app.terrains.addBuilding(t.id);
    app.terrains.setFact(t.id, first, 'roofAreaM2', 4200);
    app.terrains.setFact(t.id, first, 'asbestos', true);
    app.terrains.setBuildingName(t.id, first, 'Hal A');

    const copyId = app.terrains.duplicateBuilding(t.id, first, '(kopie)');
    expect(copyId).not.toBeNull();
    const buildings = model(t.id).buildings;
    expect(buildings.map((b) => b.id)).toEqual([first, copyId, last]);
    expect(buildings[1]!.name).toBe('Hal A (kopie)');
    expect(buildings[1]!.facts).toEqual({ roofAreaM2: 4200, asbestos: true });
    expect(buildings[1]!.facts).not.toBe(buildings[0]!.facts);

    app.terrains.setFact(t.id, copyId, 'roofAreaM2', 100);
    expect(model(t.id).buildings[0]!.facts.roofAreaM2).toBe(4200);
    expect(app.terrains.duplicateBuilding(t.id, 'nope', '(kopie)')).toBeNull();

    await app.save.flush();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([first, copyId, last]);
  });

  it('removeBuilding removes only that building', async () => {
    const t = await app.terrains.create('Roomburg');
    const first = t.buildings[0]!.id;
    const second = app.terrains.addBuilding(t.id);
    const third = app.terrains.addBuilding(t.id);
    app.terrains.removeBuilding(t.id, second);
    expect(model(t.id).buildings.map((b) => b.id)).toEqual([first, third]);
    await app.save.flush();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([first, third]);
  });

  it('undoRemoveBuilding puts the deleted building back where it stood, facts and all, and saves it', async () => {
    const t = await app.terrains.create('Roomburg');
    const first = t.buildings[0]!.id;
    const second = app.terrains.addBuilding(t.id);
    const third = app.terrains.addBuilding(t.id);
    app.terrains.setFact(t.id, second, 'roofAreaM2', 900);
    await app.save.flush();
    const before = model(t.id).buildings[1];

    app.terrains.removeBuilding(t.id, second);
    expect(app.terrains.lastRemovedBuilding.value).toEqual({ terrainId: t.id, building: before, index: 1 });
    await app.save.flush();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([first, third]);

    app.terrains.undoRemoveBuilding();
    expect(app.terrains.lastRemovedBuilding.value).toBeNull();
    expect(model(t.id).buildings).toEqual([t.buildings[0], before, model(t.id).buildings[2]]);
    expect(model(t.id).buildings.map((b) => b.id)).toEqual([first, second, third]);
    await app.save.flush();
    expect((await getTerrain(t.id))?.buildings[1]).toEqual(before);

    // Once undone there is nothing left to undo; only the last deletion can be undone.
    app.terrains.undoRemoveBuilding();
    expect(model(t.id).buildings).toHaveLength(3);
    app.terrains.removeBuilding(t.id, first);
    app.terrains.removeBuilding(t.id, third);
    app.terrains.undoRemoveBuilding();
    expect(model(t.id).buildings.map((b) => b.id)).toEqual([second, third]);
  });

  it('undoRemoveBuilding does nothing when the terrain was deleted since', async () => {
    const t = await app.terrains.create('Roomburg');
    const second = app.terrains.addBuilding(t.id);
    app.terrains.removeBuilding(t.id, second);
    await app.terrains.remove(t.id);
    app.terrains.undoRemoveBuilding();
    expect(app.terrains.byId.value.has(t.id)).toBe(false);
    await app.save.flush();
    expect(await getTerrain(t.id)).toBeUndefined();
  });

  it('the assessment follows building changes', async () => {
    const t = await app.terrains.create('Roomburg');
    open(t.id);
    const first = t.buildings[0]!.id;
    app.terrains.setFact(t.id, first, 'roofAreaM2', 4200);
    app.terrains.setFact(t.id, first, 'roofType', 'flat');
    const copy = app.terrains.duplicateBuilding(t.id, first, '(kopie)')!;
    expect(pvRoof(copy).potential?.kwp).toBe(pvRoof(first).potential?.kwp);
    app.terrains.removeBuilding(t.id, copy);
    expect(app.assessment.current.value?.measures.some((m) => m.buildingId === copy)).toBe(false);
  });
});

describe('updateBuilding', () => {
  it('replaces the given fields of one building, keeps its id and the other buildings, and saves', async () => {
    const t = await app.terrains.create('Roomburg');
    const first = t.buildings[0]!.id;
    const second = app.terrains.addBuilding(t.id);
    const untouched = model(t.id).buildings[1];
    app.terrains.updateBuilding(t.id, first, { name: 'Hal A', facts: { roofAreaM2: 10 }, id: 'hijacked' });
    expect(saveState()).toBe('pending');
    expect(model(t.id).buildings[0]).toEqual({ id: first, name: 'Hal A', facts: { roofAreaM2: 10 } });
    expect(model(t.id).buildings[1]).toBe(untouched); // the other building object is the same
    await app.save.flush();
    expect((await getTerrain(t.id))?.buildings.map((b) => [b.id, b.name])).toEqual([
      [first, 'Hal A'],
      [second, 'Gebouw 2'],
    ]);
  });
});
