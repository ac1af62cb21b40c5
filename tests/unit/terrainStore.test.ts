/**
 * The terrains model (src/state/terrainStore): edits, the computed current terrain and
 * its assessment, debounced autosave with its visible save state, edits during a save,
 * conflicts with another tab, delete/undo and duplicating. On fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase } from '../../src/storage/db';
import { deleteTerrain as deleteStored, getTerrain, listTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import {
  addBuilding,
  applyRemoteChange,
  conflict,
  deletedElsewhere,
  createTerrain,
  current,
  currentAssessment,
  currentId,
  deleteTerrain,
  duplicateBuilding,
  duplicateTerrain,
  flushSaves,
  lastDeleted,
  loadEngine,
  loadTerrains,
  removeBuilding,
  resolveConflict,
  resolveDeleted,
  SAVE_DEBOUNCE_MS,
  saveError,
  saveState,
  setBuildingName,
  setFact,
  setTerrainField,
  terrainList,
  terrainsById,
  undoDelete,
} from '../../src/state/terrainStore';
import type { StoredTerrain } from '../../src/storage/db';

// The engine is loaded on demand in the app; here once, up front.
beforeAll(async () => {
  await loadEngine();
});

/** Lets IndexedDB (setImmediate in Node) and promise chains run until `done` holds. */
async function waitFor(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function model(id: string): StoredTerrain {
  const t = terrainsById.value.get(id);
  if (!t) throw new Error(`terrain ${id} not in the model`);
  return t;
}

function pvRoof(buildingId: string) {
  const verdict = currentAssessment.value?.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === buildingId);
  if (!verdict) throw new Error('no pv-roof verdict');
  return verdict;
}

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  terrainsById.value = new Map();
  currentId.value = null;
  conflict.value = null;
  deletedElsewhere.value = null;
  lastDeleted.value = null;
  saveState.value = 'saved';
  saveError.value = null;
});

afterEach(async () => {
  vi.useRealTimers();
  conflict.value = null;
  deletedElsewhere.value = null;
  await flushSaves();
  await closeDatabase();
});

describe('creating and loading', () => {
  it('createTerrain saves at once and appears in terrainList', async () => {
    const t = await createTerrain('Roomburg');
    expect(t.name).toBe('Roomburg');
    expect(t.revision).toBe(1);
    expect(t.buildings).toHaveLength(1);
    expect(t.buildings[0]?.name).toBe('Gebouw 1');
    expect(t.assessmentDate).toMatch(/^\d{4}-\d\d-\d\d$/);

    expect(terrainList.value.map((x) => x.id)).toEqual([t.id]);
    expect(await getTerrain(t.id)).toEqual(t);
  });

  it('terrainList shows the most recently changed terrain first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T00:00:00.000Z'));
    const a = await createTerrain('A');
    vi.setSystemTime(new Date('2026-11-02T00:00:00.000Z'));
    const b = await createTerrain('B');
    expect(terrainList.value.map((x) => x.name)).toEqual(['B', 'A']);

    vi.setSystemTime(new Date('2026-11-03T00:00:00.000Z'));
    setTerrainField(a.id, 'municipality', 'Leiden');
    expect(terrainList.value.map((x) => x.name)).toEqual(['A', 'B']);
    await flushSaves();
    expect((await listTerrains()).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('loadTerrains reads what is in the database', async () => {
    const stored = await saveTerrain({ id: 'x', name: 'Uit de database', facts: {}, buildings: [] });
    await loadTerrains();
    expect(terrainList.value).toEqual([stored]);
  });
});

describe('editing the current terrain', () => {
  it('setFact on terrain level updates current', async () => {
    const t = await createTerrain('Roomburg');
    currentId.value = t.id;
    setFact(t.id, null, 'congestionOfftake', 'orange');
    expect(current.value?.facts).toEqual({ congestionOfftake: 'orange' });
    expect(currentAssessment.value?.terrainId).toBe(t.id);
  });

  it('a save keeps the assessment (same facts, new revision); an edit or another terrain makes a new one', async () => {
    const t = await createTerrain('Roomburg');
    const b = t.buildings[0]!.id;
    currentId.value = t.id;
    setFact(t.id, b, 'roofAreaM2', 4200);
    const before = currentAssessment.value;
    expect(before?.terrainId).toBe(t.id);
    await flushSaves();
    expect(model(t.id).revision).toBe(2);
    expect(currentAssessment.value).toBe(before); // not assessed again after the save

    setTerrainField(t.id, 'assessmentDate', '2027-02-01');
    const edited = currentAssessment.value;
    expect(edited).not.toBe(before);
    expect(edited?.assessmentDate).toBe('2027-02-01');
    setFact(t.id, b, 'roofAreaM2', 4300);
    expect(currentAssessment.value).not.toBe(edited);

    const other = await createTerrain('Ander');
    currentId.value = other.id;
    expect(currentAssessment.value?.terrainId).toBe(other.id);
  });

  it('setFact on a building updates current, and the assessment shows the PV potential of that roof', async () => {
    const t = await createTerrain('Roomburg');
    const b = t.buildings[0]!.id;
    currentId.value = t.id;

    // Nothing known about the roof: no potential, the roof facts are asked for.
    expect(pvRoof(b).potential?.kwp ?? null).toBeNull();
    expect(pvRoof(b).missingFacts).toEqual(expect.arrayContaining(['roofAreaM2', 'roofType']));

    setFact(t.id, b, 'roofAreaM2', 4200);
    setFact(t.id, b, 'roofType', 'flat');
    expect(current.value?.buildings[0]?.facts).toEqual({ roofAreaM2: 4200, roofType: 'flat' });
    const verdict = pvRoof(b);
    expect(verdict.potential?.kwp).toBeGreaterThan(0);
    expect(verdict.potential?.kwhPerYear).toBeGreaterThan(0);
    expect(verdict.missingFacts).not.toContain('roofAreaM2');

    // A bigger roof gives more potential.
    const kwp = verdict.potential!.kwp!;
    setFact(t.id, b, 'roofAreaM2', 8400);
    expect(pvRoof(b).potential?.kwp).toBeCloseTo(kwp * 2, 6);
  });

  it('asbestos in the roof shows R-PV-01 with its Dutch reason and the removal step', async () => {
    const t = await createTerrain('Roomburg');
    const b = t.buildings[0]!.id;
    currentId.value = t.id;
    setFact(t.id, b, 'roofAreaM2', 4200);
    setFact(t.id, b, 'roofType', 'flat');
    expect(pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01')?.outcome ?? 'unknown').toBe('unknown');

    setFact(t.id, b, 'asbestos', true);
    const reason = pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01');
    expect(reason).toBeDefined();
    expect(reason).toMatchObject({ factId: 'asbestos', observed: true, outcome: 'fail', resolvedBy: ['asbestos-removal'] });
    expect(reason!.text).toMatch(/asbest/i);
    expect(reason!.sourceIds.length).toBeGreaterThan(0);
    expect(pvRoof(b).missingFacts).not.toContain('asbestos');

    setFact(t.id, b, 'asbestos', false);
    expect(pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01')?.outcome).not.toBe('fail');
  });

  it('edits on another terrain do not change current', async () => {
    const a = await createTerrain('A');
    const b = await createTerrain('B');
    currentId.value = a.id;
    const before = current.value;
    setFact(b.id, null, 'organisation', 'biz');
    expect(current.value).toBe(before);
    expect(model(b.id).facts).toEqual({ organisation: 'biz' });
  });

  it('setFact(..., null) removes the key: the fact is unknown again, in the model and in the database', async () => {
    const t = await createTerrain('Roomburg');
    const b = t.buildings[0]!.id;
    setFact(t.id, null, 'organisation', 'biz');
    setFact(t.id, b, 'roofAreaM2', 4200);
    await flushSaves();

    setFact(t.id, null, 'organisation', null);
    setFact(t.id, b, 'roofAreaM2', null);
    expect('organisation' in model(t.id).facts).toBe(false);
    expect('roofAreaM2' in model(t.id).buildings[0]!.facts).toBe(false);
    await flushSaves();
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({});
    expect(stored?.buildings[0]?.facts).toEqual({});
  });

  it('edits of an unknown terrain are ignored', () => {
    setFact('nope', null, 'organisation', 'biz');
    expect(terrainsById.value.size).toBe(0);
    expect(saveState.value).toBe('saved');
  });

  it('setTerrainField and setBuildingName change the record itself', async () => {
    const t = await createTerrain('Roomburg');
    setTerrainField(t.id, 'postcode4', '2314');
    setBuildingName(t.id, t.buildings[0]!.id, 'Hal A');
    await flushSaves();
    const stored = await getTerrain(t.id);
    expect(stored?.postcode4).toBe('2314');
    expect(stored?.buildings[0]?.name).toBe('Hal A');
  });
});

describe('autosave', () => {
  it('is pending after an edit and saved after the debounce, with the value in the database', async () => {
    const t = await createTerrain('Roomburg');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    setFact(t.id, null, 'congestionOfftake', 'red');
    expect(saveState.value).toBe('pending');

    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
    expect(saveState.value).toBe('pending');
    expect((await getTerrain(t.id))?.facts).toEqual({});

    await vi.advanceTimersByTimeAsync(1);
    await waitFor(() => saveState.value === 'saved', "'saved'");
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ congestionOfftake: 'red' });
    expect(stored?.revision).toBe(2);
    expect(model(t.id).revision).toBe(2);
  });

  it('debounces: quick edits are written once, after the last pause', async () => {
    const t = await createTerrain('Roomburg');
    const b = t.buildings[0]!.id;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    setFact(t.id, b, 'roofAreaM2', 1);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 50);
    setFact(t.id, b, 'roofAreaM2', 12);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 50);
    setFact(t.id, b, 'roofAreaM2', 120);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 50);
    expect(saveState.value).toBe('pending');
    expect((await getTerrain(t.id))?.revision).toBe(1);

    await vi.advanceTimersByTimeAsync(50);
    await waitFor(() => saveState.value === 'saved', "'saved'");
    const stored = await getTerrain(t.id);
    expect(stored?.buildings[0]?.facts).toEqual({ roofAreaM2: 120 });
    expect(stored?.revision).toBe(2);
  });

  it('after a save the model holds exactly the stored record (revision and timestamps)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T09:00:00.000Z'));
    const t = await createTerrain('Roomburg');
    vi.setSystemTime(new Date('2026-11-28T09:00:05.000Z'));
    setFact(t.id, null, 'organisation', 'biz');
    vi.setSystemTime(new Date('2026-11-28T09:00:06.000Z'));
    await flushSaves();
    const stored = await getTerrain(t.id);
    expect(stored?.revision).toBe(2);
    expect(model(t.id)).toEqual(stored);
  });

  it('flushSaves writes at once, without waiting for the debounce', async () => {
    const t = await createTerrain('Roomburg');
    setFact(t.id, null, 'organisation', 'cooperative');
    expect(saveState.value).toBe('pending');
    await flushSaves();
    expect(saveState.value).toBe('saved');
    expect((await getTerrain(t.id))?.facts).toEqual({ organisation: 'cooperative' });
  });

  it('saves every changed terrain', async () => {
    const a = await createTerrain('A');
    const b = await createTerrain('B');
    setFact(a.id, null, 'organisation', 'biz');
    setFact(b.id, null, 'organisation', 'association');
    await flushSaves();
    expect((await getTerrain(a.id))?.facts).toEqual({ organisation: 'biz' });
    expect((await getTerrain(b.id))?.facts).toEqual({ organisation: 'association' });
    expect(saveState.value).toBe('saved');
  });

  it('keeps an edit made while a save is in flight, without a false conflict', async () => {
    const t = await createTerrain('Roomburg');
    const b = t.buildings[0]!.id;

    setFact(t.id, null, 'organisation', 'biz');
    const first = flushSaves(); // not awaited
    // Wait until the write with the first edit has really started …
    await waitFor(() => saveState.value === 'saving', "'saving'");
    // … then edit again while it is in flight.
    setFact(t.id, b, 'roofAreaM2', 4200);
    await first;
    await flushSaves();

    expect(conflict.value).toBeNull();
    expect(saveState.value).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ organisation: 'biz' });
    expect(stored?.buildings[0]?.facts).toEqual({ roofAreaM2: 4200 });
    expect(stored?.revision).toBe(3);
    expect(model(t.id).revision).toBe(3);
    expect(model(t.id).facts).toEqual({ organisation: 'biz' });
    expect(model(t.id).buildings[0]?.facts).toEqual({ roofAreaM2: 4200 });
  });

  it('two flushes in a row without awaiting keep both edits', async () => {
    const t = await createTerrain('Roomburg');
    setFact(t.id, null, 'organisation', 'biz');
    const first = flushSaves();
    setFact(t.id, null, 'congestionOfftake', 'orange');
    const second = flushSaves();
    await Promise.all([first, second]);
    expect(conflict.value).toBeNull();
    expect(saveState.value).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ organisation: 'biz', congestionOfftake: 'orange' });
    expect(stored?.revision).toBeGreaterThanOrEqual(2);
    expect(stored?.revision).toBe(model(t.id).revision);
  });
});

describe('conflict with another tab', () => {
  /** Another tab saves its own version straight to the database: revision 2. */
  async function otherTabSaves(t: StoredTerrain): Promise<StoredTerrain> {
    return saveTerrain({ id: t.id, name: 'Andere tab', facts: { organisation: 'association' }, buildings: t.buildings });
  }

  it('an edit on an outdated revision gives saveState conflict and the other version', async () => {
    const t = await createTerrain('Roomburg');
    const theirs = await otherTabSaves(t);
    expect(theirs.revision).toBe(2);

    setFact(t.id, null, 'organisation', 'biz');
    await flushSaves();
    expect(saveState.value).toBe('conflict');
    expect(conflict.value).toEqual(theirs);
    // Nothing was overwritten; the user's edit is still in the model.
    expect(await getTerrain(t.id)).toEqual(theirs);
    expect(model(t.id).facts).toEqual({ organisation: 'biz' });
  });

  it("resolveConflict('mine') writes the model's version over theirs", async () => {
    const t = await createTerrain('Roomburg');
    await otherTabSaves(t);
    setFact(t.id, null, 'organisation', 'biz');
    await flushSaves();
    expect(saveState.value).toBe('conflict');

    await resolveConflict('mine');
    expect(conflict.value).toBeNull();
    expect(saveState.value).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.name).toBe('Roomburg');
    expect(stored?.facts).toEqual({ organisation: 'biz' });
    expect(stored?.revision).toBe(3);
    expect(model(t.id).revision).toBe(3);

    // And later edits save normally.
    setFact(t.id, null, 'congestionOfftake', 'yellow');
    await flushSaves();
    expect(saveState.value).toBe('saved');
    expect((await getTerrain(t.id))?.revision).toBe(4);
  });

  it("resolveConflict('theirs') takes the stored version and drops mine", async () => {
    const t = await createTerrain('Roomburg');
    const theirs = await otherTabSaves(t);
    currentId.value = t.id;
    setFact(t.id, null, 'organisation', 'biz');
    await flushSaves();
    expect(saveState.value).toBe('conflict');

    await resolveConflict('theirs');
    expect(conflict.value).toBeNull();
    expect(saveState.value).toBe('saved');
    expect(current.value).toEqual(theirs);
    expect(await getTerrain(t.id)).toEqual(theirs);

    // The model now builds on their revision: the next edit is no conflict.
    setFact(t.id, null, 'congestionOfftake', 'yellow');
    await flushSaves();
    expect(saveState.value).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ organisation: 'association', congestionOfftake: 'yellow' });
    expect(stored?.revision).toBe(3);
  });

  it('resolveConflict without a conflict does nothing', async () => {
    const t = await createTerrain('Roomburg');
    await resolveConflict('mine');
    await resolveConflict('theirs');
    expect(await getTerrain(t.id)).toEqual(t);
    expect(saveState.value).toBe('saved');
  });
});

describe('delete and undo', () => {
  it('deleteTerrain removes it from the list and the database; undoDelete brings it back identical', async () => {
    const t = await createTerrain('Roomburg');
    const keep = await createTerrain('Blijft');
    setFact(t.id, null, 'organisation', 'biz');
    setFact(t.id, t.buildings[0]!.id, 'roofAreaM2', 4200);
    await flushSaves();
    currentId.value = t.id;
    const before = await getTerrain(t.id);
    const beforeModel = model(t.id);
    expect(before).toEqual(beforeModel);

    await deleteTerrain(t.id);
    expect(terrainList.value.map((x) => x.id)).toEqual([keep.id]);
    expect(await getTerrain(t.id)).toBeUndefined();
    expect(currentId.value).toBeNull();
    expect(lastDeleted.value).toEqual(before);

    await undoDelete();
    expect(lastDeleted.value).toBeNull();
    expect(await getTerrain(t.id)).toEqual(before);
    expect(model(t.id)).toEqual(before);
    expect(terrainList.value.map((x) => x.id).sort()).toEqual([t.id, keep.id].sort());

    // Editing the restored terrain saves normally.
    setFact(t.id, null, 'organisation', 'cooperative');
    await flushSaves();
    expect(saveState.value).toBe('saved');
    expect((await getTerrain(t.id))?.facts).toEqual({ organisation: 'cooperative' });
  });

  it('a pending edit is not written after the terrain was deleted', async () => {
    const t = await createTerrain('Roomburg');
    setFact(t.id, null, 'organisation', 'biz');
    await deleteTerrain(t.id);
    await flushSaves();
    expect(await getTerrain(t.id)).toBeUndefined();
    expect(await listTerrains()).toEqual([]);
    // Nothing is left to save: the visible state must not stay "pending".
    expect(saveState.value).toBe('saved');
  });

  it('after the debounce, a deleted terrain with a pending edit leaves the state saved', async () => {
    const t = await createTerrain('Roomburg');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    setFact(t.id, null, 'organisation', 'biz');
    expect(saveState.value).toBe('pending');
    await deleteTerrain(t.id);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    await waitFor(() => saveState.value !== 'pending', 'a settled save state');
    expect(saveState.value).toBe('saved');
    expect(await getTerrain(t.id)).toBeUndefined();
  });
});

describe('deleted in another tab while this tab has unsaved edits', () => {
  it('the save does not bring it back by itself: the user is asked, and nothing is written', async () => {
    const t = await createTerrain('Roomburg');
    setFact(t.id, null, 'organisation', 'biz');
    await deleteStored(t.id); // the other tab, without a message on the channel
    await flushSaves();
    expect(saveState.value).toBe('conflict');
    expect(deletedElsewhere.value).toEqual({ id: t.id, name: 'Roomburg' });
    expect(await getTerrain(t.id)).toBeUndefined();
    expect(model(t.id).facts).toEqual({ organisation: 'biz' });
  });

  it('the message from the other tab asks at once, before any save; "restore" stores this tab’s version again', async () => {
    const t = await createTerrain('Roomburg');
    setFact(t.id, null, 'organisation', 'biz');
    await deleteStored(t.id);
    await applyRemoteChange({ id: t.id, deleted: true });
    expect(deletedElsewhere.value).toEqual({ id: t.id, name: 'Roomburg' });
    await flushSaves(); // the edit is held back, not written
    expect(await getTerrain(t.id)).toBeUndefined();

    await resolveDeleted('restore');
    expect(deletedElsewhere.value).toBeNull();
    expect(saveState.value).toBe('saved');
    const restored = await getTerrain(t.id);
    expect(restored?.facts).toEqual({ organisation: 'biz' });
    expect(model(t.id)).toEqual(restored);
  });

  it('"discard" lets the deletion stand here too', async () => {
    const t = await createTerrain('Roomburg');
    const other = await createTerrain('Ander terrein');
    setFact(t.id, null, 'organisation', 'biz');
    setFact(other.id, null, 'organisation', 'association');
    await deleteStored(t.id);
    await applyRemoteChange({ id: t.id, deleted: true });
    await resolveDeleted('discard');
    expect(terrainsById.value.has(t.id)).toBe(false);
    expect(await getTerrain(t.id)).toBeUndefined();
    // The other terrain's edit is still saved.
    expect(saveState.value).toBe('saved');
    expect((await getTerrain(other.id))?.facts).toEqual({ organisation: 'association' });
  });

  it('without unsaved edits the deletion is taken over quietly (as before)', async () => {
    const t = await createTerrain('Roomburg');
    await deleteStored(t.id);
    await applyRemoteChange({ id: t.id, deleted: true });
    expect(deletedElsewhere.value).toBeNull();
    expect(terrainsById.value.has(t.id)).toBe(false);
  });
});

describe('duplicating and buildings', () => {
  it('duplicateTerrain gives a new id, the name with the suffix and equal facts and buildings', async () => {
    const t = await createTerrain('Roomburg');
    setFact(t.id, null, 'organisation', 'biz');
    setFact(t.id, t.buildings[0]!.id, 'roofAreaM2', 4200);
    setTerrainField(t.id, 'municipality', 'Leiden');
    await flushSaves();
    const source = model(t.id);

    const copy = await duplicateTerrain(t.id, '(kopie)');
    expect(copy).not.toBeNull();
    expect(copy!.id).not.toBe(t.id);
    expect(copy!.name).toBe('Roomburg (kopie)');
    expect(copy!.revision).toBe(1);
    expect(copy!.facts).toEqual(source.facts);
    expect(copy!.buildings).toEqual(source.buildings);
    expect(copy!.municipality).toBe('Leiden');
    expect(await getTerrain(copy!.id)).toEqual(copy);
    expect(terrainList.value).toHaveLength(2);

    // A deep copy: editing the copy leaves the source alone.
    setFact(copy!.id, copy!.buildings[0]!.id, 'roofAreaM2', 10);
    expect(model(t.id).buildings[0]?.facts).toEqual({ roofAreaM2: 4200 });
    expect(await duplicateTerrain('nope', '(kopie)')).toBeNull();
  });

  it('addBuilding adds an empty, numbered building', async () => {
    const t = await createTerrain('Roomburg');
    const id = addBuilding(t.id);
    const buildings = model(t.id).buildings;
    expect(buildings).toHaveLength(2);
    expect(buildings[1]).toEqual({ id, name: 'Gebouw 2', facts: {} });
    expect(id).not.toBe(buildings[0]!.id);
    await flushSaves();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([buildings[0]!.id, id]);
  });

  it('duplicateBuilding inserts a copy right after the source, with equal facts', async () => {
    const t = await createTerrain('Roomburg');
    const first = t.buildings[0]!.id;
    const last = addBuilding(t.id);
    setFact(t.id, first, 'roofAreaM2', 4200);
    setFact(t.id, first, 'asbestos', true);
    setBuildingName(t.id, first, 'Hal A');

    const copyId = duplicateBuilding(t.id, first, '(kopie)');
    expect(copyId).not.toBeNull();
    const buildings = model(t.id).buildings;
    expect(buildings.map((b) => b.id)).toEqual([first, copyId, last]);
    expect(buildings[1]!.name).toBe('Hal A (kopie)');
    expect(buildings[1]!.facts).toEqual({ roofAreaM2: 4200, asbestos: true });
    expect(buildings[1]!.facts).not.toBe(buildings[0]!.facts);

    setFact(t.id, copyId, 'roofAreaM2', 100);
    expect(model(t.id).buildings[0]!.facts.roofAreaM2).toBe(4200);
    expect(duplicateBuilding(t.id, 'nope', '(kopie)')).toBeNull();

    await flushSaves();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([first, copyId, last]);
  });

  it('removeBuilding removes only that building', async () => {
    const t = await createTerrain('Roomburg');
    const first = t.buildings[0]!.id;
    const second = addBuilding(t.id);
    const third = addBuilding(t.id);
    removeBuilding(t.id, second);
    expect(model(t.id).buildings.map((b) => b.id)).toEqual([first, third]);
    await flushSaves();
    expect((await getTerrain(t.id))?.buildings.map((b) => b.id)).toEqual([first, third]);
  });

  it('the assessment follows building changes', async () => {
    const t = await createTerrain('Roomburg');
    currentId.value = t.id;
    const first = t.buildings[0]!.id;
    setFact(t.id, first, 'roofAreaM2', 4200);
    setFact(t.id, first, 'roofType', 'flat');
    const copy = duplicateBuilding(t.id, first, '(kopie)')!;
    expect(pvRoof(copy).potential?.kwp).toBe(pvRoof(first).potential?.kwp);
    removeBuilding(t.id, copy);
    expect(currentAssessment.value?.measures.some((m) => m.buildingId === copy)).toBe(false);
  });
});
