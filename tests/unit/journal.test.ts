/**
 * The save journal: edits not yet saved when the page is left are written synchronously
 * and replayed on the next start through the revision-checked save. Each "page" is a fresh
 * copy of the modules (vi.resetModules) on the same fake IndexedDB; the first page's
 * debounced save never runs (its timer is faked and never advanced), as when a page dies.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Store = import('../../src/state').AppState;
type Repo = typeof import('../../src/storage/terrainRepository');
type Journal = typeof import('../../src/storage/journal');

async function newPage(): Promise<{ store: Store; repo: Repo; journal: Journal }> {
  vi.resetModules();
  const store = (await import('../../src/state')).createAppState('/');
  const repo = await import('../../src/storage/terrainRepository');
  const journal = await import('../../src/storage/journal');
  return { store, repo, journal };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('save journal', () => {
  it('writes nothing without an open connection, and returns false', async () => {
    const { journal } = await newPage();
    const t = { id: 'x', name: 'X', facts: {}, buildings: [], createdAt: '', updatedAt: '', revision: 1 };
    expect(journal.writeJournalSync([t])).toBe(false);
  });

  it('keeps an edit made just before the page is left and saves it on the next start', async () => {
    const first = await newPage();
    const t = await first.store.terrains.create('Snel');
    const b = t.buildings[0]!.id;
    first.store.terrains.setFact(t.id, b, 'roofAreaM2', 1234);
    // Leaving: the journal is written synchronously; the debounced save never happens.
    expect(first.journal.writeJournalSync([first.store.terrains.byId.value.get(t.id)!])).toBe(true);
    await vi.waitFor(async () => expect(await first.journal.readJournal()).toHaveLength(1));
    expect((await first.repo.getTerrain(t.id))?.buildings[0]?.facts.roofAreaM2).toBeUndefined();

    const second = await newPage();
    await second.store.terrains.load();
    const stored = await second.repo.getTerrain(t.id);
    expect(stored?.buildings[0]?.facts.roofAreaM2).toBe(1234);
    expect(stored?.revision).toBe(2);
    expect(second.store.terrains.byId.value.get(t.id)?.buildings[0]?.facts.roofAreaM2).toBe(1234);
    expect(await second.journal.readJournal()).toEqual([]);
  });

  it('does not overwrite a newer save from another tab: it shows a conflict instead', async () => {
    const first = await newPage();
    const t = await first.store.terrains.create('Twee tabs');
    first.store.terrains.setFact(t.id, null, 'organisation', 'biz');
    first.journal.writeJournalSync([first.store.terrains.byId.value.get(t.id)!]);
    await vi.waitFor(async () => expect(await first.journal.readJournal()).toHaveLength(1));
    // Meanwhile another tab saved revision 2.
    await first.repo.saveTerrain({ id: t.id, name: t.name, facts: { organisation: 'cooperative' }, buildings: t.buildings });

    const second = await newPage();
    await second.store.terrains.load();
    const status = second.store.save.status.value;
    expect(status.kind).toBe('conflict');
    expect(status.kind === 'conflict' ? status.theirs.facts.organisation : null).toBe('cooperative');
    expect((await second.repo.getTerrain(t.id))?.facts.organisation).toBe('cooperative');
    expect(second.store.terrains.byId.value.get(t.id)?.facts.organisation).toBe('biz');

    await second.store.save.resolveConflict('mine');
    expect((await second.repo.getTerrain(t.id))?.facts.organisation).toBe('biz');
    expect(await second.journal.readJournal()).toEqual([]);
  });

  it('drops a journal entry whose terrain was deleted since', async () => {
    const first = await newPage();
    const t = await first.store.terrains.create('Weg');
    first.store.terrains.setFact(t.id, null, 'organisation', 'biz');
    first.journal.writeJournalSync([first.store.terrains.byId.value.get(t.id)!]);
    await vi.waitFor(async () => expect(await first.journal.readJournal()).toHaveLength(1));
    await first.repo.deleteTerrain(t.id);

    const second = await newPage();
    await second.store.terrains.load();
    expect(second.store.terrains.byId.value.has(t.id)).toBe(false);
    expect(await second.repo.getTerrain(t.id)).toBeUndefined();
    expect(await second.journal.readJournal()).toEqual([]);
  });
});
