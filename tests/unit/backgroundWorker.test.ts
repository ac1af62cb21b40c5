/**
 * The import and export with a Worker (a stand-in: Node has none), through the exchange model and the
 * database (fake-indexeddb):
 * - a worker that fails to start: the import and the export run on the main thread, with the same result;
 * - a worker's answers are taken as they come: the clash question from its ids, and a storage failure
 *   it reports by name is the same failure here (a full disk is a quota error, nothing written);
 * - each import's and export's worker is ended once it has answered.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { provinceTerrains } from '../../scripts/province';
import { closeDatabase } from '../../src/storage/db';
import { exportEnvelope, serializeEnvelope } from '../../src/storage/envelope';
import { listTerrains } from '../../src/storage/terrainRepository';
import { createAppState, type AppState } from '../../src/state';
import type { ImportAnswer, ImportRequest } from '../../src/state/background.worker';

let app: AppState;
const terrains = [...provinceTerrains(3, 2)];
const file = serializeEnvelope(exportEnvelope(terrains, { now: new Date('2026-12-02T00:00:00.000Z') }));

/** Every stand-in worker made, with what it was sent and whether it was ended. */
const made: FakeWorker[] = [];
class FakeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  sent: unknown[] = [];
  ended = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    made.push(this);
  }
  postMessage(data: unknown): void {
    this.sent.push(data);
    setTimeout(() => this.answer(data), 0);
  }
  terminate(): void {
    this.ended = true;
  }
  /** The default stand-in cannot load its script. */
  answer(_data: unknown): void {
    this.onerror?.({ message: 'cannot load', preventDefault: () => undefined });
  }
  reply(answer: ImportAnswer): void {
    this.onmessage?.({ data: answer });
  }
}

beforeEach(async () => {
  made.length = 0;
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  app = createAppState('/');
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await app.save.flush();
  await closeDatabase();
});

describe('import and export with a worker', () => {
  it('a worker that fails to start: the import and the export run on the main thread with the same result', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    expect(await app.exchange.importText(file)).toEqual({ kind: 'done', count: 3 });
    expect((await listTerrains()).map((t) => t.id).sort()).toEqual(terrains.map((t) => t.id).sort());
    const exported = await app.exchange.exportAll();
    expect(JSON.parse(await exported!.contents.text()).terrains.map((t: { id: string }) => t.id)).toEqual(terrains.map((t) => t.id));
    const mine = made.filter((w) => w.options.name === 'import' || w.options.name === 'export');
    expect(mine.map((w) => w.options.name)).toEqual(['import', 'export']);
    expect(mine.every((w) => w.ended && String(w.url).includes('background.worker'))).toBe(true);
  });

  it("takes the worker's answers: the clash question from its ids, and a full disk it reports stays a quota error", async () => {
    const here = await app.terrains.create('Hier');
    await app.save.flush();
    class Answering extends FakeWorker {
      override answer(data: unknown): void {
        const request = data as ImportRequest | { job: 'counts' };
        if (request.job === 'check') {
          this.reply({ progress: { phase: 'reading', done: 10, total: 10, terrains: 1 } });
          this.reply({ checked: { ok: true, terrains: [{ id: here.id, name: 'Uit het bestand' }] } });
        } else if (request.job === 'write') {
          this.reply({ progress: { phase: 'writing', done: 0, total: 1 } });
          this.reply({ failed: { name: 'QuotaExceededError', message: 'the disk is full' } });
        }
      }
    }
    vi.stubGlobal('Worker', Answering);
    const before = await listTerrains();
    expect(await app.exchange.importText('{}')).toEqual({ kind: 'choose', clashes: [{ id: here.id, name: 'Hier' }] });
    const importer = made.find((w) => w.options.name === 'import')!;
    expect(importer.ended).toBe(false); // it keeps the checked records for the answer
    expect(await app.exchange.resolveImport({ kind: 'replace' })).toEqual({ kind: 'failed', error: { code: 'quota' } });
    expect(importer.sent).toEqual([{ job: 'check', source: '{}' }, { job: 'write', choice: { kind: 'replace' }, fullIds: [here.id] }]);
    expect(importer.ended).toBe(true);
    expect(await listTerrains()).toEqual(before);
  });

  it('"Annuleren" ends the worker that held the checked file', async () => {
    const here = await app.terrains.create('Hier');
    await app.save.flush();
    class Checking extends FakeWorker {
      override answer(data: unknown): void {
        if ((data as ImportRequest).job === 'check') this.reply({ checked: { ok: true, terrains: [{ id: here.id, name: 'x' }] } });
      }
    }
    vi.stubGlobal('Worker', Checking);
    await app.exchange.importText('{}');
    expect(await app.exchange.resolveImport({ kind: 'cancel' })).toEqual({ kind: 'cancelled' });
    expect(made.find((w) => w.options.name === 'import')!.ended).toBe(true);
  });
});
