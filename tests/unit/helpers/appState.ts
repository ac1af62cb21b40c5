/**
 * A fresh set of state models (createAppState) on a fresh fake-indexeddb for each test of the
 * terrains and save models, and the small reads those tests share: open a terrain through the
 * route, the save status, the open questions, a terrain of the model, a pv-roof verdict.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { closeDatabase } from '../../../src/storage/db';
import { createAppState, hrefs, type AppState } from '../../../src/state';
import type { StoredTerrain } from '../../../src/storage/db';

/** The models of the running test (a live binding: a new set before each test). */
export let app: AppState;
/** Opens the terrain's editor: the route is the only place the current terrain comes from. */
export const open = (id: string): void => app.route.navigate(hrefs.editor(id));
export const saveState = (): string => app.save.status.value.kind;
export const conflict = () => app.save.questions.value.flatMap((q) => (q.kind === 'conflict' ? [q.theirs] : []))[0] ?? null;
export const deletedElsewhere = () => app.save.questions.value.flatMap((q) => (q.kind === 'deleted-elsewhere' ? [{ id: q.id, name: q.name }] : []))[0] ?? null;

/** Lets IndexedDB (setImmediate in Node) and promise chains run until `done` holds. */
export async function waitFor(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function model(id: string): StoredTerrain {
  const t = app.terrains.byId.value.get(id);
  if (!t) throw new Error(`terrain ${id} not in the model`);
  return t;
}

export function pvRoof(buildingId: string) {
  const verdict = app.assessment.current.value?.measures.find((m) => m.measureId === 'pv-roof' && m.buildingId === buildingId);
  if (!verdict) throw new Error('no pv-roof verdict');
  return verdict;
}

/** Registers the hooks: new models on an empty database before each test; pending saves flushed and the database closed after it. */
export function freshAppPerTest(): void {
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
}
