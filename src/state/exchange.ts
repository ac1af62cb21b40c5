/**
 * The exchange model: import, export, the export reminder and storage health.
 * - import a file: read it in pieces and check it terrain by terrain and photo by photo
 *   (src/storage/restore.ts), with progress and a pause for the page between slices of work; ask
 *   "replace or keep both" when an id is already here, then write everything, the photos too, in
 *   one transaction (putTerrains: all or nothing, in batches with progress). A rejected or failed
 *   import changes nothing;
 * - export all terrains or one, with their buildings' photos, as a file for the view to save, made in
 *   a worker (src/state/exportJob.ts: read from the database ten terrains at a time, a Blob built
 *   part by part, so a province is never one string nor all in memory);
 * - count saved changes since the last export (meta store) for the reminder;
 * - storage health: persistent or not, usage against quota;
 * - the spreadsheet import's column memory: header text → what it was mapped to (meta store).
 * Outcomes are kept as codes and data; the view words them in the current language.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Text } from '../engine/types';
import type { StoredPhoto, StoredTerrain } from '../storage/db';
import type { ExportedTerrain } from '../storage/envelope';
import { countChanges, getColumnMemory, getExchangeMeta, markExported, rememberColumns, type ColumnMemory, type ExchangeMeta } from '../storage/metaRepository';
import { listSummaries, putTerrains } from '../storage/terrainRepository';
import type { TerrainSummary } from '../storage/summary';
import { makeExportFile } from './exportFile';
import { storageFailure, type SaveModel, type StorageFailure } from './save';
import { now, yieldIfLong } from './slices';
import { newId, type TerrainsModel } from './terrains';

/** After this many saved changes without an export of everything, the panel reminds the user. */
export const EXPORT_REMINDER_AFTER = 25;
/** Above this share of the quota, the panel warns. */
export const QUOTA_WARNING_RATIO = 0.8;
/** Progress of long work is shown at most this often (a screen reader reads each change). */
export const PROGRESS_INTERVAL_MS = 250;
/** An import text given as a string is read in pieces of this many characters, like a file. */
const TEXT_PIECE = 1 << 20;
/** The importer is fed at most this many characters at a time (about a park of 48 companies: a few milliseconds). */
const FEED_PIECE = 1 << 16;

/** A piece of an import file's text and how many of the file's bytes it was. */
interface Piece {
  text: string;
  size: number;
}

/** A file's text piece by piece, as the browser reads it (UTF-8; a byte order mark is dropped). */
async function* filePieces(file: Blob): AsyncGenerator<Piece> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield { text: decoder.decode(value, { stream: true }), size: value.byteLength };
    }
    yield { text: decoder.decode(), size: 0 };
  } finally {
    // Stops reading when the importer refused the file half-way.
    void reader.cancel().catch(() => undefined);
  }
}

function* textPieces(text: string): Generator<Piece> {
  for (let i = 0; i < text.length; i += TEXT_PIECE) {
    const piece = text.slice(i, i + TEXT_PIECE);
    yield { text: piece, size: piece.length };
  }
}

export interface ImportClash {
  id: string;
  name: string;
}

/** Long work under way: reading and checking the file (bytes, terrains checked) or writing it (terrains). */
export type ImportProgress = { phase: 'reading'; done: number; total: number; terrains: number } | { phase: 'writing'; done: number; total: number };

export type ImportStatus =
  | { kind: 'busy'; progress: ImportProgress | null }
  | { kind: 'rejected'; message: Text }
  | { kind: 'choose'; terrains: ExportedTerrain[]; photos: StoredPhoto[]; clashes: ImportClash[] }
  | { kind: 'done'; count: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: StorageFailure };

/** The answer to "replace or keep both"; a kept-both terrain gets the suffix after its name. */
export type ImportChoice = { kind: 'replace' } | { kind: 'keep-both'; suffix: string } | { kind: 'cancel' };

export interface StorageHealth {
  /** true: persistent; false: the browser may evict; null: the browser does not say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/** An export file as made here; the view hands it to the browser (src/ui/saveFile.ts). */
export interface ExportFile {
  name: string;
  contents: Blob;
  type: 'application/json';
}

export interface ExchangeModel {
  /** What the storage panel shows about the last import. */
  importStatus: ReadonlySignal<ImportStatus | null>;
  /** The name of the last file made. */
  lastExportFile: ReadonlySignal<string | null>;
  /** An export file is being made (a province takes a second or two). */
  exportBusy: ReadonlySignal<boolean>;
  meta: ReadonlySignal<ExchangeMeta | null>;
  needsExportReminder: ReadonlySignal<boolean>;
  storageHealth: ReadonlySignal<StorageHealth | null>;
  usageRatio: ReadonlySignal<number | null>;
  nearQuota: ReadonlySignal<boolean>;
  /** Checks a chosen file and imports it (or asks about clashing ids). */
  importFile(file: Blob): Promise<ImportStatus>;
  /** Checks an import file's text (as importFile does a file); writes it when no id clashes, else waits for resolveImport. */
  importText(text: string): Promise<ImportStatus>;
  /** The user's answer to "replace or keep both". */
  resolveImport(choice: ImportChoice): Promise<ImportStatus | null>;
  /** The export file of all terrains (unsaved edits included), for the view to save; resets the reminder. */
  exportAll(): Promise<ExportFile | null>;
  /** The export file of one terrain (the reminder counts on: only a full export is a backup). */
  exportOne(id: string): Promise<ExportFile | null>;
  refreshMeta(): Promise<void>;
  /** Counts this tab's saved changes in the meta store (all tabs add to one count); returns the cleanup. */
  trackChanges(): () => void;
  refreshStorageHealth(): Promise<StorageHealth>;
  /** Asks for persistent storage (a user gesture helps some browsers decide), unless it is already. */
  requestPersistence(): Promise<void>;
  /** What spreadsheet columns were mapped to before, by header text (null until read). */
  columnMemory: ReadonlySignal<ColumnMemory | null>;
  loadColumnMemory(): Promise<void>;
  /** Remembers a confirmed spreadsheet import's mapping. */
  rememberColumns(pairs: ColumnMemory): Promise<void>;
}

export const ExchangeModel = createModel<ExchangeModel, [terrains: TerrainsModel, save: SaveModel]>((terrains, save) => {
  const importStatus = signal<ImportStatus | null>(null, { name: 'import-status' });
  const lastExportFile = signal<string | null>(null, { name: 'last-export-file' });
  const exportBusy = signal(false, { name: 'export-busy' });
  const meta = signal<ExchangeMeta | null>(null, { name: 'exchange-meta' });
  const storageHealth = signal<StorageHealth | null>(null, { name: 'storage-health' });
  const columnMemory = signal<ColumnMemory | null>(null, { name: 'column-memory' });
  const usageRatio = computed(() => {
    const h = storageHealth.value;
    return h && h.usage !== null && h.quota ? h.usage / h.quota : null;
  }, { name: 'usage-ratio' });
  const show = (status: ImportStatus): ImportStatus => (importStatus.value = status);
  let shownAt = -Infinity;
  /** Shows progress, at most every PROGRESS_INTERVAL_MS (always the first and the last). */
  const progress = (p: ImportProgress): void => {
    if (p.done < p.total && now() - shownAt < PROGRESS_INTERVAL_MS) return;
    shownAt = now();
    show({ kind: 'busy', progress: p });
  };

  /** Reads and checks an import file piece by piece, then writes it or asks about clashes. */
  async function importPieces(pieces: AsyncIterable<Piece> | Iterable<Piece>, total: number): Promise<ImportStatus> {
    shownAt = -Infinity;
    show({ kind: 'busy', progress: null });
    const { createImporter } = await import('../storage/restore');
    const importer = createImporter();
    let read = 0;
    let slice = now();
    for await (const piece of pieces) {
      // However large a piece the browser hands over, the work between two turns for the page stays small.
      for (let at = 0; at < piece.text.length; at += FEED_PIECE) {
        const refused = importer.feed(piece.text.slice(at, at + FEED_PIECE));
        if (refused) return show({ kind: 'rejected', message: refused });
        const share = Math.min(1, (at + FEED_PIECE) / piece.text.length);
        progress({ phase: 'reading', done: Math.min(Math.round(read + share * piece.size), total), total, terrains: importer.terrainsRead });
        slice = await yieldIfLong(slice);
      }
      read += piece.size;
    }
    progress({ phase: 'reading', done: total, total, terrains: importer.terrainsRead });
    const parsed = importer.finish();
    if (!parsed.ok) return show({ kind: 'rejected', message: parsed.message });
    // Write pending edits first, so the comparison below sees what is really stored.
    await save.flush();
    let existing: Map<string, TerrainSummary>;
    try {
      existing = new Map((await listSummaries()).map((x) => [x.id, x]));
    } catch (error) {
      return show({ kind: 'failed', error: storageFailure(error) });
    }
    const clashes = parsed.terrains.filter((x) => existing.has(x.id)).map((x) => ({ id: x.id, name: existing.get(x.id)!.name }));
    if (clashes.length) return show({ kind: 'choose', terrains: parsed.terrains, photos: parsed.photos, clashes });
    return writeImport(parsed.terrains, parsed.photos, { kind: 'replace' });
  }

  /**
   * Writes imported terrains in one transaction (in batches, with progress). "replace": a terrain whose id exists
   * takes its place with a higher revision (so another tab with the old one notices);
   * "keep-both": it gets a new id and the suffix after its name, and its photos new ids.
   * The photos go in the same transaction as their terrains.
   */
  async function writeImport(imported: readonly ExportedTerrain[], photos: readonly StoredPhoto[], choice: Exclude<ImportChoice, { kind: 'cancel' }>): Promise<ImportStatus> {
    shownAt = -Infinity;
    progress({ phase: 'writing', done: 0, total: imported.length });
    try {
      const existing = new Map((await listSummaries()).map((x) => [x.id, x]));
      const at = new Date().toISOString();
      const renamed = new Map<string, string>();
      // The imported records are the importer's fresh objects: used as they are, not copied again.
      const records: StoredTerrain[] = imported.map((terrain) => {
        const clash = existing.get(terrain.id);
        const base = { ...terrain, createdAt: terrain.createdAt ?? at, updatedAt: terrain.updatedAt ?? at };
        if (!clash) return { ...base, revision: 1 };
        if (choice.kind === 'replace') return { ...base, revision: clash.revision + 1 };
        const id = newId();
        renamed.set(terrain.id, id);
        return { ...base, id, name: `${terrain.name} ${choice.suffix}`, revision: 1 };
      });
      const photoRecords = photos.map((p) => {
        const terrainId = renamed.get(p.terrainId);
        return terrainId ? { ...p, id: newId('p-'), terrainId } : p;
      });
      await putTerrains(records, { photos: photoRecords, onProgress: (done) => progress({ phase: 'writing', done, total: records.length }) });
      terrains.putWritten(records);
      return show({ kind: 'done', count: records.length });
    } catch (error) {
      return show({ kind: 'failed', error: storageFailure(error) });
    }
  }

  /** The export file of these terrains, in this order, with this tab's versions of the open ones; `names` gives it its name. */
  async function exportFile(ids: readonly string[], names: readonly { name: string }[]): Promise<ExportFile> {
    const { exportFileName } = await import('../storage/envelope');
    const at = new Date();
    const name = exportFileName({ exportedAt: at.toISOString(), terrains: names });
    const own = ids.flatMap((id) => terrains.byId.value.get(id) ?? []);
    exportBusy.value = true;
    try {
      const contents = await makeExportFile(ids, own, at);
      lastExportFile.value = name;
      return { name, contents, type: 'application/json' };
    } finally {
      exportBusy.value = false;
    }
  }

  async function refreshStorageHealth(): Promise<StorageHealth> {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    let persisted: boolean | null = null;
    let usage: number | null = null;
    let quota: number | null = null;
    try {
      if (storage?.persisted) persisted = await storage.persisted();
    } catch {
      /* unknown */
    }
    try {
      if (storage?.estimate) {
        const e = await storage.estimate();
        usage = e.usage ?? null;
        quota = e.quota ?? null;
      }
    } catch {
      /* unknown */
    }
    return (storageHealth.value = { persisted, usage, quota });
  }

  return {
    importStatus,
    lastExportFile,
    exportBusy,
    meta,
    needsExportReminder: computed(() => (meta.value?.changesSinceExport ?? 0) >= EXPORT_REMINDER_AFTER, { name: 'needs-export-reminder' }),
    storageHealth,
    usageRatio,
    nearQuota: computed(() => (usageRatio.value ?? 0) > QUOTA_WARNING_RATIO, { name: 'near-quota' }),

    async importFile(file) {
      const [{ LIMITS }, { importMessages }] = await Promise.all([import('../storage/envelope'), import('../storage/messages')]);
      // The browser knows the size: a file over the limit is refused without reading it.
      if (file.size > LIMITS.maxBytes + LIMITS.maxPhotoBytes) return show({ kind: 'rejected', message: importMessages.fileTooLarge() });
      try {
        return await importPieces(filePieces(file), file.size);
      } catch {
        return show({ kind: 'rejected', message: importMessages.notJson() });
      }
    },
    importText: (text) => importPieces(textPieces(text), text.length),
    async resolveImport(choice) {
      const status = importStatus.value;
      if (status?.kind !== 'choose') return status;
      if (choice.kind === 'cancel') return show({ kind: 'cancelled' });
      return writeImport(status.terrains, status.photos, choice);
    },

    async exportAll() {
      await save.flush().catch(() => undefined);
      // What is stored, with this tab's versions over it (edits an open question holds back), oldest first.
      const all = new Map((await listSummaries()).map((x) => [x.id, { name: x.name, createdAt: x.createdAt }]));
      for (const x of terrains.byId.value.values()) all.set(x.id, x);
      const list = [...all].sort(([, a], [, b]) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      if (list.length === 0) return null;
      const file = await exportFile(list.map(([id]) => id), list.map(([, x]) => x));
      try {
        meta.value = await markExported(new Date().toISOString());
      } catch {
        /* the file is made; the reminder just stays */
      }
      return file;
    },
    async exportOne(id) {
      await save.flush().catch(() => undefined);
      const terrain = await terrains.open(id);
      return terrain ? exportFile([id], [terrain]) : null;
    },

    async refreshMeta() {
      try {
        meta.value = await getExchangeMeta();
      } catch {
        /* unknown: no reminder */
      }
    },
    trackChanges() {
      let queue = Promise.resolve();
      return save.onChange(() => {
        queue = queue.then(async () => {
          try {
            meta.value = await countChanges(1);
          } catch {
            /* the count is advice, never a reason to fail a save */
          }
        });
      });
    },

    refreshStorageHealth,
    async requestPersistence() {
      try {
        const storage = navigator.storage;
        if (storage?.persist && !(await storage.persisted?.())) await storage.persist();
      } catch {
        /* refused or unsupported */
      }
      await refreshStorageHealth();
    },

    columnMemory,
    async loadColumnMemory() {
      try {
        columnMemory.value = await getColumnMemory();
      } catch {
        columnMemory.value = {};
      }
    },
    async rememberColumns(pairs) {
      try {
        columnMemory.value = await rememberColumns(pairs);
      } catch {
        /* the memory is a convenience, never a reason to fail an import */
      }
    },
  };
});
