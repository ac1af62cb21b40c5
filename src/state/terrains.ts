/**
 * The terrains model: the summaries of all terrains (the list) and the map of terrains read in
 * full (written only through the records' actions), the open terrain (computed from the route's
 * id, read when opened) and every edit:
 * create, duplicate, delete with undo, facts, own values, record fields and buildings
 * (a deleted building with undo too; facts copied from another building; one answer for all).
 * An edit replaces only the objects it changes and hands the terrain to the save model.
 */
import { batch, computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Building, FactValue, Survey, Terrain } from '../engine/types';
import type { StoredTerrain } from '../storage/db';
import { summarize, type SummaryStatusCounts, type TerrainSummary } from '../storage/summary';
import { readSummariesAndJournal } from '../storage/listRead';
import { deleteTerrain as removeStored, getTerrain, putTerrains, saveTerrain } from '../storage/terrainRepository';
import { newId } from './ids';
import { now, yieldIfLong } from './slices';
import type { SaveModel } from './save';

export type TerrainMap = ReadonlyMap<string, StoredTerrain>;
export type SummaryMap = ReadonlyMap<string, TerrainSummary>;
/** The record fields of a terrain the editor sets as text. */
export type TerrainTextField = 'name' | 'municipality' | 'postcode4' | 'assessmentDate';

/**
 * The summaries of every terrain on the device, and the terrains read in full (those opened or
 * needed); the terrains, save and status-count models are its only writers. A terrain put here
 * also puts its summary (keeping the status counts it had), so the list follows unsaved edits.
 */
export interface TerrainRecords {
  byId: ReadonlySignal<TerrainMap>;
  summaries: ReadonlySignal<SummaryMap>;
  /** Puts these records in (replacing same ids), with their summaries. */
  put(...terrains: StoredTerrain[]): void;
  /** Puts summaries of terrains not read in full (another tab's or an import's writes). */
  putSummaries(...summaries: TerrainSummary[]): void;
  /** Forgets a terrain and its summary. */
  drop(id: string): void;
  /** The summaries as read at start; terrains read in full that are still there stay. */
  replaceSummaries(summaries: readonly TerrainSummary[]): void;
  /** Status counts of assessments, each kept only while its summary is at the assessed revision. */
  setStatusCounts(counted: readonly { id: string; statusCounts: SummaryStatusCounts }[]): void;
}

export const TerrainRecords = createModel<TerrainRecords>(() => {
  const byId = signal<TerrainMap>(new Map(), { name: 'terrains-by-id' });
  const summaries = signal<SummaryMap>(new Map(), { name: 'terrain-summaries' });
  const withSummaries = (list: readonly TerrainSummary[]): void => {
    const next = new Map(summaries.value);
    for (const s of list) next.set(s.id, s);
    summaries.value = next;
  };
  return {
    byId,
    summaries,
    put(...terrains) {
      const next = new Map(byId.value);
      for (const t of terrains) next.set(t.id, t);
      batch(() => {
        byId.value = next;
        withSummaries(terrains.map((t) => summarize(t, summaries.value.get(t.id)?.statusCounts ?? null)));
      });
    },
    putSummaries: (...list) => withSummaries(list),
    drop(id) {
      batch(() => {
        if (byId.value.has(id)) {
          const next = new Map(byId.value);
          next.delete(id);
          byId.value = next;
        }
        if (summaries.value.has(id)) {
          const next = new Map(summaries.value);
          next.delete(id);
          summaries.value = next;
        }
      });
    },
    replaceSummaries(list) {
      const next = new Map(list.map((s) => [s.id, s]));
      const kept = new Map([...byId.value].filter(([id]) => next.has(id)));
      for (const t of kept.values()) next.set(t.id, summarize(t, next.get(t.id)!.statusCounts));
      batch(() => {
        summaries.value = next;
        byId.value = kept;
      });
    },
    setStatusCounts(counted) {
      withSummaries(
        counted.flatMap(({ id, statusCounts }) => {
          const summary = summaries.value.get(id);
          return summary && summary.revision === statusCounts.revision ? [{ ...summary, statusCounts }] : [];
        }),
      );
    },
  };
});

/** What a spreadsheet import changes: buildings to add, and the valid cells of matched buildings (a cell not listed stays as it is). */
export interface BuildingImport {
  add: { name: string; facts: Record<string, FactValue>; survey?: Survey }[];
  update: { id: string; name?: string; facts: Record<string, FactValue>; survey?: Survey }[];
}

/** A building just deleted, and where it stood. */
export interface RemovedBuilding {
  terrainId: string;
  building: Building;
  index: number;
}

export interface TerrainsModel {
  /** The terrains read in full: the open one, those compared, those edited. */
  byId: ReadonlySignal<TerrainMap>;
  /** Every terrain on the device, as its summary. */
  summaries: ReadonlySignal<SummaryMap>;
  /** The summaries, most recently changed first. */
  list: ReadonlySignal<TerrainSummary[]>;
  /** True once the summaries are read. */
  loaded: ReadonlySignal<boolean>;
  /** Why the terrains could not be read (the error as the browser gave it). */
  loadError: ReadonlySignal<string | null>;
  /** The terrain the route opens, when it is on this device. */
  current: ReadonlySignal<StoredTerrain | null>;
  /** The last deleted terrain, for undo. */
  lastDeleted: ReadonlySignal<StoredTerrain | null>;
  /** Reads every terrain's summary from IndexedDB, then replays the save journal. */
  load(): Promise<void>;
  /** The terrain in full: from the model, else read from IndexedDB into it (null when not on this device). The open terrain is read by itself. */
  open(id: string): Promise<StoredTerrain | null>;
  /** Creates a terrain with one building and saves it at once. */
  create(name: string): Promise<StoredTerrain>;
  /** Copies a terrain under a new id, with `suffix` after its name. */
  duplicate(id: string, suffix: string): Promise<StoredTerrain | null>;
  /** Deletes a terrain; undoDelete brings it back until the next delete. */
  remove(id: string): Promise<void>;
  undoDelete(): Promise<void>;
  /** What an import just wrote, announced (in slices): the terrains read here in full as records, the others as summaries. */
  putWritten(records: readonly StoredTerrain[], summaries?: readonly TerrainSummary[]): Promise<void>;
  /** Sets (or with null clears) one fact of the terrain (buildingId null) or of a building. Only valid values reach here. */
  setFact(terrainId: string, buildingId: string | null, factId: string, value: FactValue): void;
  /** Sets (a number) or clears (null) the terrain's own value for an adjustable parameter. */
  setOwnValue(terrainId: string, parameterId: string, value: number | null): void;
  setTerrainField(terrainId: string, field: TerrainTextField, value: string): void;
  setBuildingName(terrainId: string, buildingId: string, name: string): void;
  /** Replaces fields of one building (its id stays). */
  updateBuilding(terrainId: string, buildingId: string, patch: Partial<Building>): void;
  /** Replaces the facts of one building by a copy of another's (name and survey stay). */
  copyFactsFrom(terrainId: string, targetId: string, sourceId: string): void;
  /** Sets one fact to the same value on every building of the terrain, as one edit. */
  setFactForAll(terrainId: string, factId: string, value: FactValue): void;
  /** Adds an empty, numbered building; returns its id. */
  addBuilding(terrainId: string): string;
  /** Inserts a copy right after the source; returns its id. */
  duplicateBuilding(terrainId: string, buildingId: string, suffix: string): string | null;
  /** Deletes a building; undoRemoveBuilding puts it back where it stood until the next building is deleted. */
  removeBuilding(terrainId: string, buildingId: string): void;
  /** Writes a checked spreadsheet import as one edit, saved at once; false when the terrain is not here. */
  importBuildings(terrainId: string, changes: BuildingImport): Promise<boolean>;
  /** The last deleted building, for undo. */
  lastRemovedBuilding: ReadonlySignal<RemovedBuilding | null>;
  undoRemoveBuilding(): void;
}


/** The terrain input without the storage bookkeeping. */
export function stripBookkeeping(t: StoredTerrain): Terrain {
  const { createdAt: _c, updatedAt: _u, revision: _r, ...terrain } = t;
  return terrain;
}

const todayIso = (): string => new Date().toISOString().slice(0, 10);
const emptyBuilding = (index: number): Building => ({ id: newId('b-'), name: `Gebouw ${index}`, facts: {} });
const newestFirst = (a: TerrainSummary, b: TerrainSummary): number => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

export const TerrainsModel = createModel<TerrainsModel, [records: TerrainRecords, save: SaveModel, currentId: ReadonlySignal<string | null>]>((records, save, currentId) => {
  const { byId, summaries } = records;
  const loaded = signal(false, { name: 'terrains-loaded' });
  const loadError = signal<string | null>(null, { name: 'terrains-load-error' });
  const lastDeleted = signal<StoredTerrain | null>(null, { name: 'last-deleted' });
  const lastRemovedBuilding = signal<RemovedBuilding | null>(null, { name: 'last-removed-building' });

  /** Applies an edit to one terrain and schedules its save. */
  const edit = (id: string, change: (t: StoredTerrain) => StoredTerrain): void => {
    const existing = byId.value.get(id);
    if (!existing) return;
    records.put({ ...change(existing), updatedAt: new Date().toISOString() });
    save.edited(id);
  };
  const editBuildings = (terrainId: string, change: (buildings: Building[]) => Building[]): void => edit(terrainId, (t) => ({ ...t, buildings: change(t.buildings) }));
  const editBuilding = (terrainId: string, buildingId: string, change: (b: Building) => Building): void =>
    editBuildings(terrainId, (list) => list.map((b) => (b.id === buildingId ? change(b) : b)));
  const opening = new Map<string, Promise<StoredTerrain | null>>();
  const open = (id: string): Promise<StoredTerrain | null> => {
    const here = byId.value.get(id);
    if (here) return Promise.resolve(here);
    let reading = opening.get(id);
    if (!reading) {
      const read = async (): Promise<StoredTerrain | null> => {
        const stored = await getTerrain(id);
        // An edit or another tab's version may have arrived while reading: that one stays.
        const now = byId.value.get(id);
        if (now) return now;
        if (!stored) return null;
        if ((summaries.value.get(id)?.revision ?? 0) > stored.revision) return read(); // written since the read began
        records.put(stored);
        return stored;
      };
      reading = read()
        .finally(() => opening.delete(id));
      opening.set(id, reading);
    }
    return reading;
  };
  // The open terrain is read in full as soon as its summary says it is here.
  effect(() => {
    const id = currentId.value;
    if (id && summaries.value.has(id) && !byId.value.has(id)) void open(id).catch(() => undefined);
  });
  const store = async (terrain: Terrain): Promise<StoredTerrain> => {
    const stored = await saveTerrain(terrain);
    records.put(stored);
    save.announce({ id: stored.id, revision: stored.revision });
    return stored;
  };
  const withFact = (facts: Record<string, unknown>, factId: string, value: FactValue): Record<string, unknown> => {
    const next = { ...facts };
    if (value === null) delete next[factId];
    else next[factId] = value;
    return next;
  };

  return {
    byId,
    summaries,
    list: computed(() => [...summaries.value.values()].sort(newestFirst), { name: 'terrain-list' }),
    loaded,
    loadError,
    current: computed(() => (currentId.value ? (byId.value.get(currentId.value) ?? null) : null), { name: 'current-terrain' }),
    lastDeleted,

    async load() {
      try {
        // Both read at once (at start by the early script): the list waits for the journal (its edits are the newest).
        const [summaries, journal] = await readSummariesAndJournal();
        records.replaceSummaries(summaries);
        loadError.value = null;
        await save.replayJournal(journal);
      } catch (error) {
        loadError.value = String(error);
      } finally {
        loaded.value = true;
      }
    },
    open,
    create: (name) => store({ id: newId(), name, municipality: '', postcode4: '', assessmentDate: todayIso(), facts: {}, buildings: [emptyBuilding(1)] }),
    async duplicate(id, suffix) {
      const source = await open(id);
      return source ? store({ ...structuredClone(stripBookkeeping(source)), id: newId(), name: `${source.name} ${suffix}` }) : null;
    },
    async remove(id) {
      const existing = await open(id);
      if (!existing) return;
      save.forget(id);
      await removeStored(id);
      batch(() => {
        records.drop(id);
        lastDeleted.value = existing;
      });
      save.announce({ id, deleted: true });
    },
    async undoDelete() {
      const t = lastDeleted.value;
      if (!t) return;
      await putTerrains([t]);
      records.put(t);
      lastDeleted.value = null;
      save.announce({ id: t.id, revision: t.revision });
    },
    async putWritten(written, summaries = []) {
      batch(() => {
        records.put(...written);
        records.putSummaries(...summaries);
      });
      // A province is hundreds of announcements (each a message to the other tabs): in slices.
      let slice = now();
      for (const r of [...written, ...summaries]) {
        save.announce({ id: r.id, revision: r.revision });
        slice = await yieldIfLong(slice);
      }
    },

    setFact(terrainId, buildingId, factId, value) {
      if (!buildingId) edit(terrainId, (t) => ({ ...t, facts: withFact(t.facts, factId, value) }));
      else editBuilding(terrainId, buildingId, (b) => ({ ...b, facts: withFact(b.facts, factId, value) }));
    },
    setOwnValue(terrainId, parameterId, value) {
      edit(terrainId, (t) => {
        const { parameterOverrides, ...rest } = t;
        const next: Record<string, unknown> = { ...parameterOverrides };
        if (value === null) delete next[parameterId];
        else next[parameterId] = value;
        return Object.keys(next).length > 0 ? { ...rest, parameterOverrides: next } : rest;
      });
    },
    setTerrainField: (terrainId, field, value) => edit(terrainId, (t) => ({ ...t, [field]: value })),
    setBuildingName: (terrainId, buildingId, name) => editBuilding(terrainId, buildingId, (b) => ({ ...b, name })),
    updateBuilding: (terrainId, buildingId, patch) => editBuilding(terrainId, buildingId, (b) => ({ ...b, ...patch, id: b.id })),
    copyFactsFrom(terrainId, targetId, sourceId) {
      const source = byId.value.get(terrainId)?.buildings.find((b) => b.id === sourceId);
      if (source && sourceId !== targetId) editBuilding(terrainId, targetId, (b) => ({ ...b, facts: structuredClone(source.facts) }));
    },
    setFactForAll: (terrainId, factId, value) => editBuildings(terrainId, (list) => list.map((b) => ((b.facts[factId] ?? null) === value ? b : { ...b, facts: withFact(b.facts, factId, value) }))),
    addBuilding(terrainId) {
      const building = emptyBuilding((byId.value.get(terrainId)?.buildings.length ?? 0) + 1);
      editBuildings(terrainId, (list) => [...list, building]);
      return building.id;
    },
    duplicateBuilding(terrainId, buildingId, suffix) {
      const source = byId.value.get(terrainId)?.buildings.find((b) => b.id === buildingId);
      if (!source) return null;
      const copy: Building = { id: newId('b-'), name: `${source.name} ${suffix}`, facts: structuredClone(source.facts) };
      editBuildings(terrainId, (list) => {
        const next = [...list];
        next.splice(list.findIndex((b) => b.id === buildingId) + 1, 0, copy);
        return next;
      });
      return copy.id;
    },
    async importBuildings(terrainId, { add, update }) {
      if (!byId.value.has(terrainId)) return false;
      const patches = new Map(update.map((u) => [u.id, u]));
      editBuildings(terrainId, (list) => [
        ...list.map((b) => {
          const u = patches.get(b.id);
          if (!u) return b;
          const survey = u.survey ? { ...b.survey, ...u.survey } : b.survey;
          return { ...b, name: u.name ?? b.name, facts: { ...b.facts, ...u.facts }, ...(survey ? { survey } : {}) };
        }),
        ...add.map((a) => ({ id: newId('b-'), ...a })),
      ]);
      await save.flush();
      return true;
    },
    removeBuilding(terrainId, buildingId) {
      const index = byId.value.get(terrainId)?.buildings.findIndex((b) => b.id === buildingId) ?? -1;
      if (index < 0) return;
      batch(() => {
        lastRemovedBuilding.value = { terrainId, building: byId.value.get(terrainId)!.buildings[index], index };
        editBuildings(terrainId, (list) => list.filter((b) => b.id !== buildingId));
      });
    },
    lastRemovedBuilding,
    undoRemoveBuilding() {
      const removed = lastRemovedBuilding.value;
      if (!removed) return;
      lastRemovedBuilding.value = null;
      const { terrainId, building, index } = removed;
      if (byId.value.get(terrainId)?.buildings.some((b) => b.id === building.id) ?? true) return; // back already, or the terrain is gone
      editBuildings(terrainId, (list) => [...list.slice(0, index), building, ...list.slice(index)]);
    },
  };
});
