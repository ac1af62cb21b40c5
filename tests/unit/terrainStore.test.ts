/**
 * The terrains, save, route and assessment models (src/state): edits, the current terrain
 * computed from the route and its assessment, debounced autosave with its one save status,
 * edits during a save, conflicts with another tab, delete/undo and duplicating. Each test
 * has a fresh set of models (createAppState) on a fresh fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase } from '../../src/storage/db';
import { deleteTerrain as deleteStored, getTerrain, listTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import { createAppState, hrefs, type AppState } from '../../src/state';
import { SAVE_DEBOUNCE_MS } from '../../src/state/save';
import { saveStatusText } from '../../src/ui/stateText';
import type { StoredTerrain } from '../../src/storage/db';

let app: AppState;
/** Opens the terrain's editor: the route is the only place the current terrain comes from. */
const open = (id: string): void => app.route.navigate(hrefs.editor(id));
const saveState = (): string => app.save.status.value.kind;
const conflict = () => app.save.questions.value.flatMap((q) => (q.kind === 'conflict' ? [q.theirs] : []))[0] ?? null;
const deletedElsewhere = () => app.save.questions.value.flatMap((q) => (q.kind === 'deleted-elsewhere' ? [{ id: q.id, name: q.name }] : []))[0] ?? null;

/** Lets IndexedDB (setImmediate in Node) and promise chains run until `done` holds. */
async function waitFor(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function model(id: string): StoredTerrain {
  const t = app.terrains.byId.value.get(id);
  if (!t) throw new Error(`terrain ${id} not in the model`);
  return t;
}

function pvRoof(buildingId: string) {
  const verdict = app.assessment.current.value?.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === buildingId);
  if (!verdict) throw new Error('no pv-roof verdict');
  return verdict;
}

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  app = createAppState('/');
  await app.assessment.loadEngine(); // loaded on demand in the app; here up front
});

afterEach(async () => {
  vi.useRealTimers();
  await app.save.flush();
  await closeDatabase();
});

describe('creating and loading', () => {
  it('createTerrain saves at once and appears in terrainList', async () => {
    const t = await app.terrains.create('Roomburg');
    expect(t.name).toBe('Roomburg');
    expect(t.revision).toBe(1);
    expect(t.buildings).toHaveLength(1);
    expect(t.buildings[0]?.name).toBe('Gebouw 1');
    expect(t.assessmentDate).toMatch(/^\d{4}-\d\d-\d\d$/);

    expect(app.terrains.list.value.map((x) => x.id)).toEqual([t.id]);
    expect(await getTerrain(t.id)).toEqual(t);
  });

  it('terrainList shows the most recently changed terrain first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T00:00:00.000Z'));
    const a = await app.terrains.create('A');
    vi.setSystemTime(new Date('2026-11-02T00:00:00.000Z'));
    const b = await app.terrains.create('B');
    expect(app.terrains.list.value.map((x) => x.name)).toEqual(['B', 'A']);

    vi.setSystemTime(new Date('2026-11-03T00:00:00.000Z'));
    app.terrains.setTerrainField(a.id, 'municipality', 'Leiden');
    expect(app.terrains.list.value.map((x) => x.name)).toEqual(['A', 'B']);
    await app.save.flush();
    expect((await listTerrains()).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('loadTerrains reads what is in the database', async () => {
    const stored = await saveTerrain({ id: 'x', name: 'Uit de database', facts: {}, buildings: [] });
    await app.terrains.load();
    expect(app.terrains.list.value).toEqual([stored]);
  });
});

describe('editing the current terrain', () => {
  it('setFact on terrain level updates current', async () => {
    const t = await app.terrains.create('Roomburg');
    open(t.id);
    app.terrains.setFact(t.id, null, 'congestionOfftake', 'orange');
    expect(app.terrains.current.value?.facts).toEqual({ congestionOfftake: 'orange' });
    expect(app.assessment.current.value?.terrainId).toBe(t.id);
  });

  it('a save keeps the assessment (same facts, new revision); an edit or another terrain makes a new one', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    open(t.id);
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    const before = app.assessment.current.value;
    expect(before?.terrainId).toBe(t.id);
    await app.save.flush();
    expect(model(t.id).revision).toBe(2);
    expect(app.assessment.current.value).toBe(before); // not assessed again after the save

    app.terrains.setTerrainField(t.id, 'assessmentDate', '2027-02-01');
    const edited = app.assessment.current.value;
    expect(edited).not.toBe(before);
    expect(edited?.assessmentDate).toBe('2027-02-01');
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4300);
    expect(app.assessment.current.value).not.toBe(edited);

    const other = await app.terrains.create('Ander');
    open(other.id);
    expect(app.assessment.current.value?.terrainId).toBe(other.id);
  });

  it('setFact on a building updates current, and the assessment shows the PV potential of that roof', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    open(t.id);

    // Nothing known about the roof: no potential, the roof facts are asked for.
    expect(pvRoof(b).potential?.kwp ?? null).toBeNull();
    expect(pvRoof(b).missingFacts).toEqual(expect.arrayContaining(['roofAreaM2', 'roofType']));

    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    app.terrains.setFact(t.id, b, 'roofType', 'flat');
    expect(app.terrains.current.value?.buildings[0]?.facts).toEqual({ roofAreaM2: 4200, roofType: 'flat' });
    const verdict = pvRoof(b);
    expect(verdict.potential?.kwp).toBeGreaterThan(0);
    expect(verdict.potential?.kwhPerYear).toBeGreaterThan(0);
    expect(verdict.missingFacts).not.toContain('roofAreaM2');

    // A bigger roof gives more potential.
    const kwp = verdict.potential!.kwp!;
    app.terrains.setFact(t.id, b, 'roofAreaM2', 8400);
    expect(pvRoof(b).potential?.kwp).toBeCloseTo(kwp * 2, 6);
  });

  it('asbestos in the roof shows R-PV-01 with its Dutch reason and the removal step', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    open(t.id);
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    app.terrains.setFact(t.id, b, 'roofType', 'flat');
    expect(pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01')?.outcome ?? 'unknown').toBe('unknown');

    app.terrains.setFact(t.id, b, 'asbestos', true);
    const reason = pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01');
    expect(reason).toBeDefined();
    expect(reason).toMatchObject({ factId: 'asbestos', observed: true, outcome: 'fail', resolvedBy: ['asbestos-removal'] });
    expect(reason!.text).toMatch(/asbest/i);
    expect(reason!.sourceIds.length).toBeGreaterThan(0);
    expect(pvRoof(b).missingFacts).not.toContain('asbestos');

    app.terrains.setFact(t.id, b, 'asbestos', false);
    expect(pvRoof(b).reasons.find((r) => r.ruleId === 'R-PV-01')?.outcome).not.toBe('fail');
  });

  it('edits on another terrain do not change current', async () => {
    const a = await app.terrains.create('A');
    const b = await app.terrains.create('B');
    open(a.id);
    const before = app.terrains.current.value;
    app.terrains.setFact(b.id, null, 'organisation', 'biz');
    expect(app.terrains.current.value).toBe(before);
    expect(model(b.id).facts).toEqual({ organisation: 'biz' });
  });

  it('setFact(..., null) removes the key: the fact is unknown again, in the model and in the database', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    await app.save.flush();

    app.terrains.setFact(t.id, null, 'organisation', null);
    app.terrains.setFact(t.id, b, 'roofAreaM2', null);
    expect('organisation' in model(t.id).facts).toBe(false);
    expect('roofAreaM2' in model(t.id).buildings[0]!.facts).toBe(false);
    await app.save.flush();
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({});
    expect(stored?.buildings[0]?.facts).toEqual({});
  });

  it('edits of an unknown terrain are ignored', () => {
    app.terrains.setFact('nope', null, 'organisation', 'biz');
    expect(app.terrains.byId.value.size).toBe(0);
    expect(saveState()).toBe('saved');
  });

  it('setTerrainField and setBuildingName change the record itself', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setTerrainField(t.id, 'postcode4', '2314');
    app.terrains.setBuildingName(t.id, t.buildings[0]!.id, 'Hal A');
    await app.save.flush();
    const stored = await getTerrain(t.id);
    expect(stored?.postcode4).toBe('2314');
    expect(stored?.buildings[0]?.name).toBe('Hal A');
  });
});

describe('autosave', () => {
  it('is pending after an edit and saved after the debounce, with the value in the database', async () => {
    const t = await app.terrains.create('Roomburg');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    app.terrains.setFact(t.id, null, 'congestionOfftake', 'red');
    expect(saveState()).toBe('pending');

    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
    expect(saveState()).toBe('pending');
    expect((await getTerrain(t.id))?.facts).toEqual({});

    await vi.advanceTimersByTimeAsync(1);
    await waitFor(() => saveState() === 'saved', "'saved'");
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ congestionOfftake: 'red' });
    expect(stored?.revision).toBe(2);
    expect(model(t.id).revision).toBe(2);
  });

  it('debounces: quick edits are written once, after the last pause', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    app.terrains.setFact(t.id, b, 'roofAreaM2', 1);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 50);
    app.terrains.setFact(t.id, b, 'roofAreaM2', 12);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 50);
    app.terrains.setFact(t.id, b, 'roofAreaM2', 120);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 50);
    expect(saveState()).toBe('pending');
    expect((await getTerrain(t.id))?.revision).toBe(1);

    await vi.advanceTimersByTimeAsync(50);
    await waitFor(() => saveState() === 'saved', "'saved'");
    const stored = await getTerrain(t.id);
    expect(stored?.buildings[0]?.facts).toEqual({ roofAreaM2: 120 });
    expect(stored?.revision).toBe(2);
  });

  it('after a save the model holds exactly the stored record (revision and timestamps)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T09:00:00.000Z'));
    const t = await app.terrains.create('Roomburg');
    vi.setSystemTime(new Date('2026-11-28T09:00:05.000Z'));
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    vi.setSystemTime(new Date('2026-11-28T09:00:06.000Z'));
    await app.save.flush();
    const stored = await getTerrain(t.id);
    expect(stored?.revision).toBe(2);
    expect(model(t.id)).toEqual(stored);
  });

  it('flushSaves writes at once, without waiting for the debounce', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setFact(t.id, null, 'organisation', 'cooperative');
    expect(saveState()).toBe('pending');
    await app.save.flush();
    expect(saveState()).toBe('saved');
    expect((await getTerrain(t.id))?.facts).toEqual({ organisation: 'cooperative' });
  });

  it('saves every changed terrain', async () => {
    const a = await app.terrains.create('A');
    const b = await app.terrains.create('B');
    app.terrains.setFact(a.id, null, 'organisation', 'biz');
    app.terrains.setFact(b.id, null, 'organisation', 'association');
    await app.save.flush();
    expect((await getTerrain(a.id))?.facts).toEqual({ organisation: 'biz' });
    expect((await getTerrain(b.id))?.facts).toEqual({ organisation: 'association' });
    expect(saveState()).toBe('saved');
  });

  it('keeps an edit made while a save is in flight, without a false conflict', async () => {
    const t = await app.terrains.create('Roomburg');
    const b = t.buildings[0]!.id;

    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    const first = app.save.flush(); // not awaited
    // Wait until the write with the first edit has really started …
    await waitFor(() => saveState() === 'saving', "'saving'");
    // … then edit again while it is in flight.
    app.terrains.setFact(t.id, b, 'roofAreaM2', 4200);
    await first;
    await app.save.flush();

    expect(conflict()).toBeNull();
    expect(saveState()).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ organisation: 'biz' });
    expect(stored?.buildings[0]?.facts).toEqual({ roofAreaM2: 4200 });
    expect(stored?.revision).toBe(3);
    expect(model(t.id).revision).toBe(3);
    expect(model(t.id).facts).toEqual({ organisation: 'biz' });
    expect(model(t.id).buildings[0]?.facts).toEqual({ roofAreaM2: 4200 });
  });

  it('two flushes in a row without awaiting keep both edits', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    const first = app.save.flush();
    app.terrains.setFact(t.id, null, 'congestionOfftake', 'orange');
    const second = app.save.flush();
    await Promise.all([first, second]);
    expect(conflict()).toBeNull();
    expect(saveState()).toBe('saved');
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
    const t = await app.terrains.create('Roomburg');
    const theirs = await otherTabSaves(t);
    expect(theirs.revision).toBe(2);

    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    await app.save.flush();
    expect(saveState()).toBe('conflict');
    expect(conflict()).toEqual(theirs);
    // Nothing was overwritten; the user's edit is still in the model.
    expect(await getTerrain(t.id)).toEqual(theirs);
    expect(model(t.id).facts).toEqual({ organisation: 'biz' });
  });

  it("app.save.resolveConflict('mine') writes the model's version over theirs", async () => {
    const t = await app.terrains.create('Roomburg');
    await otherTabSaves(t);
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    await app.save.flush();
    expect(saveState()).toBe('conflict');

    await app.save.resolveConflict('mine');
    expect(conflict()).toBeNull();
    expect(saveState()).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.name).toBe('Roomburg');
    expect(stored?.facts).toEqual({ organisation: 'biz' });
    expect(stored?.revision).toBe(3);
    expect(model(t.id).revision).toBe(3);

    // And later edits save normally.
    app.terrains.setFact(t.id, null, 'congestionOfftake', 'yellow');
    await app.save.flush();
    expect(saveState()).toBe('saved');
    expect((await getTerrain(t.id))?.revision).toBe(4);
  });

  it("app.save.resolveConflict('theirs') takes the stored version and drops mine", async () => {
    const t = await app.terrains.create('Roomburg');
    const theirs = await otherTabSaves(t);
    open(t.id);
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    await app.save.flush();
    expect(saveState()).toBe('conflict');

    await app.save.resolveConflict('theirs');
    expect(conflict()).toBeNull();
    expect(saveState()).toBe('saved');
    expect(app.terrains.current.value).toEqual(theirs);
    expect(await getTerrain(t.id)).toEqual(theirs);

    // The model now builds on their revision: the next edit is no conflict.
    app.terrains.setFact(t.id, null, 'congestionOfftake', 'yellow');
    await app.save.flush();
    expect(saveState()).toBe('saved');
    const stored = await getTerrain(t.id);
    expect(stored?.facts).toEqual({ organisation: 'association', congestionOfftake: 'yellow' });
    expect(stored?.revision).toBe(3);
  });

  it('resolveConflict without a conflict does nothing', async () => {
    const t = await app.terrains.create('Roomburg');
    await app.save.resolveConflict('mine');
    await app.save.resolveConflict('theirs');
    expect(await getTerrain(t.id)).toEqual(t);
    expect(saveState()).toBe('saved');
  });
});

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

describe('deleted in another tab while this tab has unsaved edits', () => {
  it('the save does not bring it back by itself: the user is asked, and nothing is written', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    await deleteStored(t.id); // the other tab, without a message on the channel
    await app.save.flush();
    expect(saveState()).toBe('deleted-elsewhere');
    expect(saveStatusText(app.save.status.value)).toBe('Niet opgeslagen: in een ander tabblad verwijderd');
    expect(deletedElsewhere()).toEqual({ id: t.id, name: 'Roomburg' });
    expect(await getTerrain(t.id)).toBeUndefined();
    expect(model(t.id).facts).toEqual({ organisation: 'biz' });
  });

  it('the message from the other tab asks at once, before any save; "restore" stores this tab’s version again', async () => {
    const t = await app.terrains.create('Roomburg');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    await deleteStored(t.id);
    await app.tabSync.receive({ id: t.id, deleted: true });
    expect(deletedElsewhere()).toEqual({ id: t.id, name: 'Roomburg' });
    await app.save.flush(); // the edit is held back, not written
    expect(await getTerrain(t.id)).toBeUndefined();

    await app.save.resolveDeleted('restore');
    expect(deletedElsewhere()).toBeNull();
    expect(saveState()).toBe('saved');
    const restored = await getTerrain(t.id);
    expect(restored?.facts).toEqual({ organisation: 'biz' });
    expect(model(t.id)).toEqual(restored);
  });

  it('"discard" lets the deletion stand here too', async () => {
    const t = await app.terrains.create('Roomburg');
    const other = await app.terrains.create('Ander terrein');
    app.terrains.setFact(t.id, null, 'organisation', 'biz');
    app.terrains.setFact(other.id, null, 'organisation', 'association');
    await deleteStored(t.id);
    await app.tabSync.receive({ id: t.id, deleted: true });
    await app.save.resolveDeleted('discard');
    expect(app.terrains.byId.value.has(t.id)).toBe(false);
    expect(await getTerrain(t.id)).toBeUndefined();
    // The other terrain's edit is still saved.
    expect(saveState()).toBe('saved');
    expect((await getTerrain(other.id))?.facts).toEqual({ organisation: 'association' });
  });

  it('without unsaved edits the deletion is taken over quietly (as before)', async () => {
    const t = await app.terrains.create('Roomburg');
    await deleteStored(t.id);
    await app.tabSync.receive({ id: t.id, deleted: true });
    expect(deletedElsewhere()).toBeNull();
    expect(app.terrains.byId.value.has(t.id)).toBe(false);
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

describe('the current terrain comes from the route', () => {
  it('is computed from the path, never copied: opening, leaving and opening another follow the route', async () => {
    const a = await app.terrains.create('A');
    const b = await app.terrains.create('B');
    expect(app.route.currentTerrainId.value).toBeNull();
    expect(app.terrains.current.value).toBeNull();
    app.route.navigate(hrefs.assessment(a.id));
    expect(app.route.currentTerrainId.value).toBe(a.id);
    expect(app.terrains.current.value?.id).toBe(a.id);
    expect(app.assessment.current.value?.terrainId).toBe(a.id);
    app.route.navigate(hrefs.report(b.id));
    expect(app.assessment.current.value?.terrainId).toBe(b.id);
    app.route.navigate(hrefs.compare());
    expect(app.terrains.current.value).toBeNull();
    expect(app.assessment.current.value).toBeNull();
    // A terrain that is not on this device: the id is the route's, the terrain is null.
    app.route.navigate(hrefs.editor('nope'));
    expect(app.route.currentTerrainId.value).toBe('nope');
    expect(app.terrains.current.value).toBeNull();
  });

  it('returning to the same terrain does not assess it again', async () => {
    const t = await app.terrains.create('Roomburg');
    open(t.id);
    const first = app.assessment.current.value;
    app.route.navigate(hrefs.list());
    expect(app.assessment.current.value).toBeNull();
    open(t.id);
    expect(app.assessment.current.value).toBe(first);
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

describe('two open questions at once', () => {
  it('a conflict on one terrain and a deletion elsewhere of another are both asked; answering one leaves the other', async () => {
    const a = await app.terrains.create('A');
    const b = await app.terrains.create('B');
    app.terrains.setFact(a.id, null, 'organisation', 'biz');
    app.terrains.setFact(b.id, null, 'organisation', 'biz');
    const theirs = await saveTerrain({ id: a.id, name: 'A in tab 2', facts: {}, buildings: [] }); // revision 2
    await app.tabSync.receive({ id: a.id, revision: theirs.revision });
    await deleteStored(b.id);
    await app.tabSync.receive({ id: b.id, deleted: true });
    expect(app.save.questions.value.map((q) => q.kind)).toEqual(['conflict', 'deleted-elsewhere']);
    expect(saveState()).toBe('conflict'); // the oldest question first

    await app.save.resolveDeleted('discard', b.id);
    expect(app.save.questions.value.map((q) => q.kind)).toEqual(['conflict']);
    expect(conflict()).toEqual(theirs);
    await app.save.resolveConflict('theirs', a.id);
    expect(app.save.questions.value).toEqual([]);
    expect(saveState()).toBe('saved');
    expect(model(a.id)).toEqual(theirs);
  });
});
