/**
 * The save model (src/state/save.ts): debounced autosave with its one save status, edits made
 * while a save is in flight, conflicts with another tab's newer version, a terrain deleted in
 * another tab while this one has unsaved edits, and two open questions at once. Each test has
 * fresh models on a fresh fake-indexeddb (helpers/appState.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { deleteTerrain as deleteStored, getTerrain, saveTerrain } from '../../src/storage/terrainRepository';
import { SAVE_DEBOUNCE_MS } from '../../src/state/save';
import { saveStatusText } from '../../src/ui/stateText';
import type { StoredTerrain } from '../../src/storage/db';
import { app, conflict, deletedElsewhere, freshAppPerTest, model, open, saveState, waitFor } from './helpers/appState';

freshAppPerTest();

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
