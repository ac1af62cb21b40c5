/**
 * The terrains model: one map of terrains as the single source of truth, the open
 * terrain and its assessment as computed values, edit actions, and autosave
 * (debounced, flushed when the page is hidden or left) with a visible save state.
 */
import { batch, computed, signal } from '@preact/signals';
import type { Building, FactValue, Terrain } from '../engine/types';
import type { StoredTerrain } from '../storage/db';
import { ConflictError, DeletedError, deleteTerrain as removeStored, getTerrain, listTerrains, putTerrains, saveTerrain } from '../storage/terrainRepository';
import { clearJournal, readJournal, writeJournalSync } from '../storage/journal';
import { t } from '../i18n';

/** How long typing may pause before a save starts. */
export const SAVE_DEBOUNCE_MS = 300;

export const terrainsById = signal<ReadonlyMap<string, StoredTerrain>>(new Map());
export const loaded = signal(false);
export const loadError = signal<string | null>(null);
export const currentId = signal<string | null>(null);

export const terrainList = computed(() => [...terrainsById.value.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)));
export const current = computed(() => (currentId.value ? (terrainsById.value.get(currentId.value) ?? null) : null));
/** The engine and toolbox data, loaded on demand so the first paint stays small. */
type Engine = typeof import('../engine');
export const engine = signal<Engine | null>(null);
let enginePromise: Promise<Engine> | null = null;
export function loadEngine(): Promise<Engine> {
  return (enginePromise ??= import('../engine').then((m) => (engine.value = m)));
}

/** True when two versions of a terrain differ at most in bookkeeping (a save gives a new revision, not new facts). */
function sameInput(a: StoredTerrain, b: StoredTerrain): boolean {
  if (a === b) return true;
  const keys = (t: StoredTerrain) => Object.keys(t).filter((k) => k !== 'revision' && k !== 'updatedAt' && k !== 'createdAt');
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k]);
}

// Every save puts the stored record (same facts, same building objects, new revision) into
// the model: keep the assessment instead of assessing the whole terrain again.
let lastAssessed: { engine: Engine; terrain: StoredTerrain; assessment: ReturnType<Engine['assess']> } | null = null;
export const currentAssessment = computed(() => {
  const e = engine.value;
  const terrain = current.value;
  if (!e || !terrain) return null;
  if (lastAssessed && lastAssessed.engine === e && sameInput(lastAssessed.terrain, terrain)) return lastAssessed.assessment;
  lastAssessed = { engine: e, terrain, assessment: e.assess(terrain) };
  return lastAssessed.assessment;
});

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';
export const saveState = signal<SaveState>('saved');
export const saveError = signal<string | null>(null);
/** The other tab's version when a save found a newer revision in the database. */
export const conflict = signal<StoredTerrain | null>(null);
/** A terrain with unsaved edits here that another tab deleted: bring it back, or let it go? */
export const deletedElsewhere = signal<{ id: string; name: string } | null>(null);
/** The last deleted terrain, for undo. */
export const lastDeleted = signal<StoredTerrain | null>(null);
/** The last save failed because the browser's storage is full (the stored version is unchanged). */
export const storageFull = signal(false);
/** The open terrain was replaced by a newer version from another tab (shown as a notice). */
export const remoteUpdate = signal<{ id: string; name: string; deleted?: boolean } | null>(null);

/** A write to the database made by this tab: saved at a revision, or deleted. */
export type TerrainChange = { id: string; revision: number; deleted?: false } | { id: string; deleted: true };
const changeListeners = new Set<(change: TerrainChange) => void>();
/** Listens to this tab's own writes (tab sync broadcasts them; the export reminder counts them). */
export function onTerrainChange(listener: (change: TerrainChange) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}
function notifyChange(change: TerrainChange): void {
  for (const listener of changeListeners) {
    try {
      listener(change);
    } catch {
      /* a listener never breaks a save */
    }
  }
}

/** The browser refused a write for lack of space (the transaction was rolled back). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

const dirty = new Set<string>();
/** Terrains with a journal entry this session; cleared once their save succeeds. */
const journaled = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
let saving: Promise<void> = Promise.resolve();

const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** A random id (crypto.randomUUID where the browser has it). */
export function newId(prefix = ''): string {
  const uuid = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return prefix + uuid;
}

function setTerrain(t: StoredTerrain): void {
  const next = new Map(terrainsById.value);
  next.set(t.id, t);
  terrainsById.value = next;
}

/** Loads all terrains from IndexedDB. */
export async function loadTerrains(): Promise<void> {
  try {
    const list = await listTerrains();
    terrainsById.value = new Map(list.map((t) => [t.id, t]));
    loadError.value = null;
    await replayJournal();
  } catch (error) {
    loadError.value = String(error);
  } finally {
    loaded.value = true;
  }
}

/**
 * Edits an earlier page could not save before it was left come back from the journal and
 * are saved with their base revision: a newer save by another tab shows as a conflict.
 */
async function replayJournal(): Promise<void> {
  const entries = await readJournal();
  if (entries.length === 0) return;
  const stale: string[] = [];
  for (const { terrain, baseRevision } of entries) {
    const stored = terrainsById.value.get(terrain.id);
    if (!stored || stored.revision < baseRevision) {
      stale.push(terrain.id); // deleted since, or already saved further: nothing to replay
      continue;
    }
    setTerrain({ ...terrain, revision: baseRevision });
    dirty.add(terrain.id);
    journaled.add(terrain.id);
  }
  await clearJournal(stale);
  if (dirty.size) await flushSaves();
}

/** Writes unsaved edits to the journal at once (page hidden or left), then starts the normal save. */
export function saveBeforeLeaving(): void {
  if (dirty.size) {
    const pending = [...dirty].map((id) => terrainsById.value.get(id)).filter((t): t is StoredTerrain => t !== undefined);
    if (writeJournalSync(pending)) pending.forEach((t) => journaled.add(t.id));
  }
  void flushSaves();
}

/** Applies an edit to one terrain and schedules its save. */
export function updateTerrain(id: string, edit: (t: StoredTerrain) => StoredTerrain): void {
  const existing = terrainsById.value.get(id);
  if (!existing) return;
  setTerrain({ ...edit(existing), updatedAt: new Date().toISOString() });
  dirty.add(id);
  saveState.value = 'pending';
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushSaves(), SAVE_DEBOUNCE_MS);
}

/** Writes every pending change now (also called on visibilitychange/pagehide). */
export function flushSaves(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  saving = saving.then(async () => {
    while (dirty.size) {
      const [id] = dirty;
      dirty.delete(id);
      const latest = terrainsById.value.get(id);
      if (!latest) continue;
      saveState.value = 'saving';
      try {
        const stored = await saveTerrain(stripBookkeeping(latest), latest.revision);
        if (journaled.delete(id)) void clearJournal([id]).catch(() => undefined);
        const now = terrainsById.value.get(id);
        // Keep edits made while the write was in flight; take the new revision.
        // Without such edits the model holds exactly the stored record.
        if (now) setTerrain(now === latest ? stored : { ...now, revision: stored.revision, createdAt: stored.createdAt });
        saveError.value = null;
        storageFull.value = false;
        notifyChange({ id, revision: stored.revision });
      } catch (error) {
        if (error instanceof ConflictError) {
          conflict.value = error.stored;
          saveState.value = 'conflict';
          return;
        }
        if (error instanceof DeletedError) {
          deletedElsewhere.value = { id, name: latest.name };
          saveState.value = 'conflict';
          return;
        }
        dirty.add(id);
        storageFull.value = isQuotaError(error);
        saveError.value = storageFull.value ? t('storageFullSave') : error instanceof Error ? error.message : String(error);
        saveState.value = 'error';
        return;
      }
    }
    // Nothing is dirty now; 'pending' too (the edited terrain was deleted before its save).
    if (saveState.value === 'saving' || saveState.value === 'pending') saveState.value = 'saved';
  });
  return saving;
}

function stripBookkeeping(t: StoredTerrain): Terrain {
  const { createdAt: _c, updatedAt: _u, revision: _r, ...terrain } = t;
  return terrain;
}

/** Resolves a save conflict: keep mine (overwrite) or take theirs. */
export async function resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
  const theirs = conflict.value;
  if (!theirs) return;
  conflict.value = null;
  if (choice === 'theirs') {
    dirty.delete(theirs.id);
    setTerrain(theirs);
    saveState.value = 'saved';
    return;
  }
  const mine = terrainsById.value.get(theirs.id);
  if (mine) {
    setTerrain({ ...mine, revision: theirs.revision });
    dirty.add(theirs.id);
    await flushSaves();
  }
}

/**
 * Another tab deleted a terrain this tab still had unsaved edits of: "restore" stores this
 * tab's version again (as a new record), "discard" lets the deletion stand here too.
 */
export async function resolveDeleted(choice: 'restore' | 'discard'): Promise<void> {
  const question = deletedElsewhere.value;
  if (!question) return;
  deletedElsewhere.value = null;
  const mine = terrainsById.value.get(question.id);
  if (choice === 'restore' && mine) {
    const stored = await saveTerrain(stripBookkeeping(mine));
    setTerrain(stored);
    notifyChange({ id: stored.id, revision: stored.revision });
  } else {
    const next = new Map(terrainsById.value);
    next.delete(question.id);
    terrainsById.value = next;
  }
  if (saveState.value === 'conflict' && !conflict.value) saveState.value = dirty.size ? 'pending' : 'saved';
  if (dirty.size) await flushSaves();
}

/** Re-reads one terrain from the database (another tab changed it). */
export async function reloadTerrain(id: string): Promise<void> {
  const stored = await getTerrain(id);
  if (stored && !dirty.has(id)) setTerrain(stored);
}

/**
 * Another tab wrote a terrain. Without unsaved edits here, take its version (and say so
 * when it is the open terrain); with unsaved edits, or while a conflict is open, the
 * conflict flow decides: nothing is overwritten silently, in either direction.
 */
export async function applyRemoteChange(change: TerrainChange): Promise<void> {
  await saving; // a save in flight finds the new revision itself
  const { id } = change;
  const local = terrainsById.value.get(id);
  if (change.deleted) {
    if (!local || conflict.value?.id === id) return;
    if (dirty.has(id)) {
      // Unsaved edits here: ask, and do not write them back until the user says so.
      dirty.delete(id);
      deletedElsewhere.value = { id, name: local.name };
      saveState.value = 'conflict';
      return;
    }
    const next = new Map(terrainsById.value);
    next.delete(id);
    terrainsById.value = next;
    if (currentId.value === id) remoteUpdate.value = { id, name: local.name, deleted: true };
    return;
  }
  if (local && local.revision >= change.revision && conflict.value?.id !== id) return;
  const stored = await getTerrain(id);
  if (!stored) return;
  if (conflict.value?.id === id || dirty.has(id)) {
    // Their newer version is what "load the other version" must load.
    if (!conflict.value || conflict.value.id !== id || conflict.value.revision < stored.revision) conflict.value = stored;
    saveState.value = 'conflict';
    return;
  }
  const latest = terrainsById.value.get(id);
  if (latest && latest.revision >= stored.revision) return;
  setTerrain(stored);
  if (currentId.value === id) remoteUpdate.value = { id, name: stored.name };
}

/** True while this tab has edits of the terrain that are not yet written. */
export function hasUnsavedEdits(id: string): boolean {
  return dirty.has(id);
}

/** Puts records that were just written to the database (an import) into the model. */
export function applyWrittenTerrains(records: readonly StoredTerrain[]): void {
  const next = new Map(terrainsById.value);
  for (const r of records) next.set(r.id, r);
  terrainsById.value = next;
  for (const r of records) notifyChange({ id: r.id, revision: r.revision });
}

function emptyBuilding(index: number): Building {
  return { id: newId('b-'), name: `Gebouw ${index}`, facts: {} };
}

/** Creates a terrain with one building and saves it at once. */
export async function createTerrain(name: string): Promise<StoredTerrain> {
  const terrain: Terrain = { id: newId(), name, municipality: '', postcode4: '', assessmentDate: todayIso(), facts: {}, buildings: [emptyBuilding(1)] };
  const stored = await saveTerrain(terrain);
  setTerrain(stored);
  notifyChange({ id: stored.id, revision: stored.revision });
  return stored;
}

/** Copies a terrain under a new id. */
export async function duplicateTerrain(id: string, suffix: string): Promise<StoredTerrain | null> {
  const source = terrainsById.value.get(id);
  if (!source) return null;
  const copy: Terrain = { ...structuredClone(stripBookkeeping(source)), id: newId(), name: `${source.name} ${suffix}` };
  const stored = await saveTerrain(copy);
  setTerrain(stored);
  notifyChange({ id: stored.id, revision: stored.revision });
  return stored;
}

/** Deletes a terrain; it can be brought back with undoDelete until the next delete. */
export async function deleteTerrain(id: string): Promise<void> {
  const existing = terrainsById.value.get(id);
  if (!existing) return;
  dirty.delete(id);
  await removeStored(id);
  batch(() => {
    const next = new Map(terrainsById.value);
    next.delete(id);
    terrainsById.value = next;
    lastDeleted.value = existing;
    if (currentId.value === id) currentId.value = null;
  });
  notifyChange({ id, deleted: true });
}

export async function undoDelete(): Promise<void> {
  const t = lastDeleted.value;
  if (!t) return;
  await putTerrains([t]);
  setTerrain(t);
  lastDeleted.value = null;
  notifyChange({ id: t.id, revision: t.revision });
}

// ---------------------------------------------------------------- field edits

/** Sets (or with null clears) one fact of the terrain or of a building. Only valid values reach here. */
export function setFact(terrainId: string, buildingId: string | null, factId: string, value: FactValue): void {
  updateTerrain(terrainId, (t) => {
    const apply = (facts: Record<string, unknown>): Record<string, unknown> => {
      const next = { ...facts };
      if (value === null) delete next[factId];
      else next[factId] = value;
      return next;
    };
    if (!buildingId) return { ...t, facts: apply(t.facts) };
    return { ...t, buildings: t.buildings.map((b) => (b.id === buildingId ? { ...b, facts: apply(b.facts) } : b)) };
  });
}

/** Sets (a number) or clears (null) the terrain's own value for an adjustable parameter. */
export function setOwnValue(terrainId: string, parameterId: string, value: number | null): void {
  updateTerrain(terrainId, (t) => {
    const { parameterOverrides, ...rest } = t;
    const next: Record<string, unknown> = { ...parameterOverrides };
    if (value === null) delete next[parameterId];
    else next[parameterId] = value;
    return Object.keys(next).length > 0 ? { ...rest, parameterOverrides: next } : rest;
  });
}

/** Sets a field of the terrain record itself (name, municipality, postcode, date). */
export function setTerrainField(terrainId: string, field: 'name' | 'municipality' | 'postcode4' | 'assessmentDate', value: string): void {
  updateTerrain(terrainId, (t) => ({ ...t, [field]: value }));
}

export function setBuildingName(terrainId: string, buildingId: string, name: string): void {
  updateTerrain(terrainId, (t) => ({ ...t, buildings: t.buildings.map((b) => (b.id === buildingId ? { ...b, name } : b)) }));
}

/** Replaces the given fields of one building (e.g. its survey); only checked values reach here. */
export function updateBuilding(terrainId: string, buildingId: string, patch: Partial<Building>): void {
  updateTerrain(terrainId, (t) => ({ ...t, buildings: t.buildings.map((b) => (b.id === buildingId ? { ...b, ...patch } : b)) }));
}

export function addBuilding(terrainId: string): string {
  const building = emptyBuilding((terrainsById.value.get(terrainId)?.buildings.length ?? 0) + 1);
  updateTerrain(terrainId, (t) => ({ ...t, buildings: [...t.buildings, building] }));
  return building.id;
}

export function duplicateBuilding(terrainId: string, buildingId: string, suffix: string): string | null {
  const source = terrainsById.value.get(terrainId)?.buildings.find((b) => b.id === buildingId);
  if (!source) return null;
  const copy: Building = { id: newId('b-'), name: `${source.name} ${suffix}`, facts: structuredClone(source.facts) };
  updateTerrain(terrainId, (t) => {
    const i = t.buildings.findIndex((b) => b.id === buildingId);
    const buildings = [...t.buildings];
    buildings.splice(i + 1, 0, copy);
    return { ...t, buildings };
  });
  return copy.id;
}

export function removeBuilding(terrainId: string, buildingId: string): void {
  updateTerrain(terrainId, (t) => ({ ...t, buildings: t.buildings.filter((b) => b.id !== buildingId) }));
}

/** Saves on leaving: flush when the page is hidden or unloaded. */
export function startAutosaveFlush(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveBeforeLeaving();
  });
  window.addEventListener('pagehide', saveBeforeLeaving);
}

/** Asks the browser to keep our storage (not evict it under pressure). */
export async function requestPersistentStorage(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}
