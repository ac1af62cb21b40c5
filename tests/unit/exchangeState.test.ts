/**
 * Import into the database, and the other data-safety actions of the model
 * (the exchange, tab sync and save models of src/state: remote changes and quota
 * handling), on fake-indexeddb, with fresh models per test:
 * - a rejected file, and a fuzz run of hostile files, leave the database byte for byte as it was;
 * - an id that exists asks "replace or keep both"; cancel changes nothing;
 * - a write that fails half-way (disk full) writes nothing; a save that hits the quota
 *   keeps the previous version and says so in Dutch;
 * - export → import through the database gives the same terrains;
 * - saved changes are counted for the export reminder;
 * - a change from another tab is taken over, or opens the conflict flow when this tab has unsaved edits.
 */
import { summarize } from '../../src/storage/summary';
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase, type StoredTerrain } from '../../src/storage/db';
import { exportEnvelope, serializeEnvelope, type ExportEnvelope } from '../../src/storage/envelope';
import { getExchangeMeta, markExported } from '../../src/storage/metaRepository';
import { deleteTerrain as deleteStored, getTerrain, listTerrains, saveTerrain } from '../../src/storage/terrainRepository';
import { createAppState, hrefs, type AppState } from '../../src/state';
import { EXPORT_REMINDER_AFTER } from '../../src/state/exchange';
import { CHANNEL_NAME } from '../../src/state/tabSync';
import { setLang } from '../../src/i18n';
import { saveStatusText, storageFailureText } from '../../src/ui/stateText';
import { simulateFullDisk } from './helpers/quota';

const root = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const read = (rel: string): string => readFileSync(root(rel), 'utf8');
const ALL = read('tests/fixtures/export-v1/all-terrains.json');
const ONE = read('tests/fixtures/export-v1/one-terrain.json');
const REJECTED = readdirSync(root('tests/fixtures/export-rejected')).filter((f) => f.endsWith('.json'));

let app: AppState;
const saveState = (): string => app.save.status.value.kind;
const conflict = () => app.save.questions.value.flatMap((q) => (q.kind === 'conflict' ? [q.theirs] : []))[0] ?? null;

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  app = createAppState('/');
  await app.assessment.loadEngine();
});

afterEach(async () => {
  vi.restoreAllMocks();
  setLang('nl');
  await app.save.flush();
  await closeDatabase();
});

/** Everything in the database, as plain data (terrains and meta). */
async function snapshot(): Promise<unknown> {
  const db = await openDatabase();
  const meta = await db.getAllKeys('meta');
  return { terrains: await db.getAll('terrains'), meta: await Promise.all(meta.map(async (k) => [k, await db.get('meta', k)])) };
}

/** Lets IndexedDB (setImmediate in Node) and promise chains run until `done` holds. */
async function waitFor(done: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const without = ({ revision: _r, ...rest }: StoredTerrain) => rest;
const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

async function someExistingData(): Promise<void> {
  const t = await app.terrains.create('Bestaand <b>terrein</b>');
  app.terrains.setFact(t.id, null, 'organisation', 'biz');
  await app.save.flush();
  await markExported('2026-11-01T00:00:00.000Z');
}

// ---------------------------------------------------------------- importing

describe('import into the database', () => {
  it('a valid file is written completely and appears in the model', async () => {
    const status = await app.exchange.importText(ALL);
    expect(status).toEqual({ kind: 'done', count: 5 });
    const file = JSON.parse(ALL) as ExportEnvelope;
    const stored = await listTerrains();
    expect(byId(stored.map(without))).toEqual(byId(file.terrains as unknown as StoredTerrain[]));
    expect(stored.every((t) => t.revision === 1)).toBe(true);
    // The list takes their summaries; none is read in full into the model.
    expect([...app.terrains.summaries.value.keys()].sort()).toEqual(file.terrains.map((t) => t.id).sort());
    expect(byId([...app.terrains.summaries.value.values()])).toEqual(byId(stored.map((t) => summarize(t, null))));
    expect(app.terrains.byId.value.size).toBe(0);
  });

  it('export then import (through the database, into an empty one) gives the same terrains', async () => {
    const a = await app.terrains.create('Roomburg');
    app.terrains.setTerrainField(a.id, 'postcode4', '2314');
    app.terrains.setFact(a.id, null, 'congestionOfftake', 'orange');
    const b2 = app.terrains.addBuilding(a.id);
    app.terrains.setFact(a.id, b2, 'roofAreaM2', 4200.5);
    app.terrains.setFact(a.id, a.buildings[0].id, 'asbestos', false);
    await app.terrains.duplicate(a.id, '(kopie)');
    await app.terrains.create('<img src=x onerror=alert(1)>');
    await app.save.flush();
    const before = await listTerrains();
    const file = serializeEnvelope(exportEnvelope(before));

    // Another device: an empty database.
    await closeDatabase();
    globalThis.indexedDB = new IDBFactory();
    app = createAppState('/');
    expect(await app.exchange.importText(file)).toEqual({ kind: 'done', count: 3 });
    expect(byId((await listTerrains()).map(without))).toEqual(byId(before.map(without)));
  });

  it('a format-3 file whose own electricity value could not be converted says so after the import (count of such terrains), and stores it aside', async () => {
    const status = await app.exchange.importText(read('tests/fixtures/export-v3/own-value-old-meaning.json'));
    expect(status).toEqual({ kind: 'done', count: 2, keptOldOwnValues: 1 });
    expect((await getTerrain('ov-bands-differ'))?.parameterOverrides).toEqual({ electricityValueInclTaxEurPerKwh: 0.3, feedInCostEurPerKwh: 0.03 });
    expect((await getTerrain('ov-one-band'))?.parameterOverrides).toEqual({ electricityValueEurPerKwh: 0.1833, pvCostEurPerWp: 0.9 });
  });

  it.each(REJECTED)('rejected file %s changes nothing (database and model)', async (name) => {
    await someExistingData();
    const before = await snapshot();
    const model = app.terrains.byId.value;
    const status = await app.exchange.importText(read(`tests/fixtures/export-rejected/${name}`));
    expect(status.kind).toBe('rejected');
    expect(status.kind === 'rejected' && status.message.nl).toMatch(/Er is niets geïmporteerd of gewijzigd\.$/);
    expect(await snapshot()).toEqual(before);
    expect(app.terrains.byId.value).toBe(model);
  });

  it('fuzz: hostile variations of a valid file never throw and never write when rejected', async () => {
    await someExistingData();
    const base = JSON.parse(ONE) as Record<string, unknown>;
    const hostile = fc.oneof(
      fc.string({ maxLength: 100, unit: 'binary' }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
      fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), depth: fc.nat(5) }).map(({ key, depth }) => {
        const text = JSON.stringify(base);
        const anchors = ['{', '"facts":{', '"buildings":[{', '"terrains":[{'];
        const anchor = anchors[depth % anchors.length];
        return text.replace(anchor, `${anchor}"${key}":{"polluted":true},`);
      }),
      fc.record({ path: fc.constantFrom('formatVersion', 'type', 'terrains', 'toolboxVersion', 'exportedAt'), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ path, value }) => JSON.stringify({ ...base, [path]: value })),
      fc.record({ fact: fc.constantFrom('roofAreaM2', 'use', 'asbestos', 'parkingSpaces', 'floorAreaM2'), value: fc.oneof(fc.string(), fc.double(), fc.integer({ min: -1e9, max: -1 }), fc.constant(null), fc.boolean()) }).map(({ fact, value }) => {
        const copy = structuredClone(base) as unknown as ExportEnvelope;
        copy.terrains[0].buildings[0].facts[fact] = value;
        return JSON.stringify(copy);
      }),
    );
    const before = await snapshot();
    let rejections = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const status = await app.exchange.importText(text);
        if (status.kind === 'rejected') {
          rejections++;
          expect(await snapshot()).toEqual(before);
          return;
        }
        // A variation that is still valid (e.g. a fact set to null, i.e. unknown): it was
        // written whole; take it out again for the next run.
        accepted++;
        expect(status).toEqual({ kind: 'done', count: 1 });
        expect(await getTerrain('example-roomburg')).toBeDefined();
        await app.terrains.remove('example-roomburg');
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeLessThan(rejections);
    expect(rejections).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});

describe('an id that already exists: replace or keep both', () => {
  async function existing(): Promise<StoredTerrain> {
    const file = JSON.parse(ONE) as ExportEnvelope;
    const mine = { ...file.terrains[0], name: 'Mijn Roomburg', buildings: [] };
    await saveTerrain(mine);
    await saveTerrain(mine);
    const stored = await saveTerrain(mine); // revision 3
    await app.terrains.load();
    return stored;
  }

  it('asks first, and writes nothing while it asks', async () => {
    const mine = await existing();
    const before = await snapshot();
    const status = await app.exchange.importText(ONE);
    expect(status).toMatchObject({ kind: 'choose', clashes: [{ id: mine.id, name: 'Mijn Roomburg' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('replace: the file version takes its place with a higher revision (other tabs notice)', async () => {
    const mine = await existing();
    await app.exchange.importText(ONE);
    expect(await app.exchange.resolveImport({ kind: 'replace' })).toEqual({ kind: 'done', count: 1 });
    const stored = (await getTerrain(mine.id))!;
    const file = JSON.parse(ONE) as ExportEnvelope;
    expect(without(stored)).toEqual(file.terrains[0]);
    expect(stored.revision).toBe(mine.revision + 1);
    expect(app.terrains.summaries.value.get(mine.id)).toEqual(summarize(stored, null));
    expect(await app.terrains.open(mine.id)).toEqual(stored);
  });

  it('keep both: the imported one gets a new id and "(geïmporteerd)"; mine stays as it was', async () => {
    const mine = await existing();
    await app.exchange.importText(ONE);
    expect(await app.exchange.resolveImport({ kind: 'keep-both', suffix: '(geïmporteerd)' })).toEqual({ kind: 'done', count: 1 });
    const all = await listTerrains();
    expect(all).toHaveLength(2);
    expect(await getTerrain(mine.id)).toEqual(mine);
    const copy = all.find((t) => t.id !== mine.id)!;
    const file = JSON.parse(ONE) as ExportEnvelope;
    expect(copy.name).toBe(`${file.terrains[0].name} (geïmporteerd)`);
    expect(copy.buildings).toEqual(file.terrains[0].buildings);
    expect(copy.revision).toBe(1);
  });

  it('cancel: nothing changes', async () => {
    await existing();
    const before = await snapshot();
    await app.exchange.importText(ONE);
    expect(await app.exchange.resolveImport({ kind: 'cancel' })).toEqual({ kind: 'cancelled' });
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------- quota

describe('a full disk: nothing half-written', () => {
  it('an import whose third record does not fit writes none of them', async () => {
    await someExistingData();
    const before = await snapshot();
    const restore = await simulateFullDisk(3);
    const status = await app.exchange.importText(ALL);
    restore();
    expect(status).toEqual({ kind: 'failed', error: { code: 'quota' } });
    expect(await snapshot()).toEqual(before);
    // A code in the state, words in the view: a language switch re-translates it.
    const failure = status.kind === 'failed' ? status.error : null;
    expect(storageFailureText(failure!, 'import')).toBe('de opslag van de browser is vol.');
    await setLang('en');
    expect(storageFailureText(failure!, 'import')).toBe("the browser's storage is full.");
  });

  it('a save that hits the quota keeps the previous version, says so in Dutch, and succeeds once there is room', async () => {
    const t = await app.terrains.create('Oud');
    await app.save.flush();
    const before = await getTerrain(t.id);
    const restore = await simulateFullDisk();
    app.terrains.setTerrainField(t.id, 'name', 'Nieuw');
    await app.save.flush();
    expect(saveState()).toBe('error');
    expect(app.save.storageFull.value).toBe(true);
    expect(saveStatusText(app.save.status.value)).toMatch(/^Niet opgeslagen: de opslag van de browser is vol\. De vorige versie staat nog veilig opgeslagen/);
    await setLang('en'); // the status holds no sentence: the same status reads in English now
    expect(saveStatusText(app.save.status.value)).toMatch(/^Not saved: the browser's storage is full\. The previous version is still stored safely/);
    setLang('nl');
    expect(await getTerrain(t.id)).toEqual(before);
    expect(app.save.hasUnsavedEdits(t.id)).toBe(true);

    restore();
    await app.save.flush();
    expect(saveState()).toBe('saved');
    expect(app.save.storageFull.value).toBe(false);
    expect((await getTerrain(t.id))?.name).toBe('Nieuw');
  });
});

// ---------------------------------------------------------------- reminder

describe('changes since the last export (meta store)', () => {
  it('counts every saved change of this tab, resets on export, and reminds after the threshold', async () => {
    const stop = app.exchange.trackChanges();
    try {
      const t = await app.terrains.create('A'); // 1
      app.terrains.setFact(t.id, null, 'organisation', 'biz');
      await app.save.flush(); // 2
      await app.terrains.duplicate(t.id, '(kopie)'); // 3
      await app.terrains.remove(t.id); // 4
      await app.exchange.importText(ONE); // 5
      await waitFor(async () => (await getExchangeMeta()).changesSinceExport === 5, 'five counted changes');
      expect(app.exchange.meta.value?.changesSinceExport).toBe(5);
      expect(app.exchange.needsExportReminder.value).toBe(false);

      await markExported('2026-11-28T12:00:00.000Z');
      expect(await getExchangeMeta()).toEqual({ changesSinceExport: 0, lastExportAt: '2026-11-28T12:00:00.000Z' });

      const u = await app.terrains.create('B');
      for (let i = 0; i < EXPORT_REMINDER_AFTER - 1; i++) {
        app.terrains.setFact(u.id, null, 'heatNetworkDistanceM', i);
        await app.save.flush();
      }
      await waitFor(async () => (await getExchangeMeta()).changesSinceExport === EXPORT_REMINDER_AFTER, 'threshold');
      await app.exchange.refreshMeta();
      expect(app.exchange.needsExportReminder.value).toBe(true);
    } finally {
      stop();
    }
  });

  it('a rejected import counts nothing', async () => {
    const stop = app.exchange.trackChanges();
    try {
      await app.exchange.importText(read('tests/fixtures/export-rejected/proto-key.json'));
      expect((await getExchangeMeta()).changesSinceExport).toBe(0);
    } finally {
      stop();
    }
  });
});

// ---------------------------------------------------------------- two tabs

describe('changes from another tab', () => {
  it('without unsaved edits here: the newer version is taken over, with a notice when it is the open terrain', async () => {
    const t = await app.terrains.create('Gedeeld');
    app.route.navigate(hrefs.editor(t.id));
    const theirs = await saveTerrain({ ...without(t), name: 'Door tab B' }, t.revision); // the other tab saves
    await app.tabSync.receive({ id: t.id, revision: theirs.revision });
    expect(app.terrains.byId.value.get(t.id)).toEqual(theirs);
    expect(app.tabSync.remoteUpdate.value).toEqual({ id: t.id, name: 'Door tab B' });
    expect(conflict()).toBeNull();
  });

  it('a message about a revision this tab already has changes nothing', async () => {
    const t = await app.terrains.create('Gedeeld');
    const model = app.terrains.byId.value;
    await app.tabSync.receive({ id: t.id, revision: t.revision });
    expect(app.terrains.byId.value).toBe(model);
  });

  it('with unsaved edits here: the conflict flow opens, my edit stays, and "keep mine" writes it on top', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = await app.terrains.create('Gedeeld');
    app.terrains.setTerrainField(t.id, 'name', 'Mijn naam'); // pending, not yet written
    expect(app.save.hasUnsavedEdits(t.id)).toBe(true);
    const theirs = await saveTerrain({ ...without(t), name: 'Hun naam' }, t.revision);
    await app.tabSync.receive({ id: t.id, revision: theirs.revision });
    expect(conflict()).toEqual(theirs);
    expect(saveState()).toBe('conflict');
    expect(app.terrains.byId.value.get(t.id)?.name).toBe('Mijn naam');
    vi.useRealTimers();

    await app.save.resolveConflict('mine');
    const stored = await getTerrain(t.id);
    expect(stored?.name).toBe('Mijn naam');
    expect(stored?.revision).toBe(theirs.revision + 1);
  });

  it('while a conflict is open, a newer version from the other tab replaces "theirs", never "mine"', async () => {
    const t = await app.terrains.create('Gedeeld');
    app.terrains.setTerrainField(t.id, 'name', 'Mijn naam');
    const theirs1 = await saveTerrain({ ...without(t), name: 'Hun 1' }, t.revision);
    await app.save.flush(); // my save finds their revision: conflict
    expect(conflict()).toEqual(theirs1);
    const theirs2 = await saveTerrain({ ...without(t), name: 'Hun 2' }, theirs1.revision);
    await app.tabSync.receive({ id: t.id, revision: theirs2.revision });
    expect(conflict()).toEqual(theirs2);
    expect(app.terrains.byId.value.get(t.id)?.name).toBe('Mijn naam');
    await app.save.resolveConflict('theirs');
    expect(app.terrains.byId.value.get(t.id)).toEqual(theirs2);
  });

  it('a terrain deleted in another tab leaves the model; one created there appears', async () => {
    const t = await app.terrains.create('Weg');
    app.route.navigate(hrefs.editor(t.id));
    await deleteStored(t.id);
    await app.tabSync.receive({ id: t.id, deleted: true });
    expect(app.terrains.byId.value.has(t.id)).toBe(false);
    expect(app.tabSync.remoteUpdate.value).toEqual({ id: t.id, name: 'Weg', deleted: true });

    const created = await saveTerrain({ id: 'from-tab-b', name: 'Nieuw in B', facts: {}, buildings: [] });
    await app.tabSync.receive({ id: created.id, revision: created.revision });
    expect(app.terrains.summaries.value.get('from-tab-b')).toEqual(summarize(created, null));
  });

  it('over a real BroadcastChannel: my saves are announced, and theirs are taken over', async () => {
    const stop = app.tabSync.start();
    const otherTab = new BroadcastChannel(CHANNEL_NAME);
    const heard: unknown[] = [];
    otherTab.onmessage = (e: MessageEvent) => heard.push(e.data);
    try {
      const t = await app.terrains.create('Gedeeld');
      await waitFor(() => heard.length > 0, 'announcement');
      expect(heard[0]).toEqual({ kind: 'terrain-change', change: { id: t.id, revision: 1 } });

      const theirs = await saveTerrain({ ...without(t), name: 'Door tab B' }, 1);
      otherTab.postMessage({ kind: 'terrain-change', change: { id: t.id, revision: theirs.revision } });
      await waitFor(() => app.terrains.byId.value.get(t.id)?.name === 'Door tab B', 'take-over');

      // Junk on the channel is ignored.
      otherTab.postMessage({ kind: 'terrain-change', change: { id: {}, revision: '2' } });
      otherTab.postMessage('<img src=x onerror=alert(1)>');
      await new Promise((r) => setTimeout(r, 20));
      expect(app.terrains.byId.value.get(t.id)?.name).toBe('Door tab B');
    } finally {
      otherTab.close();
      stop();
    }
  });
});
