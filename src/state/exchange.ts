/**
 * The exchange model: import, export, the export reminder and storage health.
 * - import a file: in the background worker (src/state/importJob.ts, src/state/importRunner.ts; on the
 *   main thread in slices where there is none) read it in pieces and check it terrain by terrain and
 *   photo by photo (src/storage/restore.ts), with progress; ask "replace or keep both" when an id is
 *   already here, then write everything, the photos too, in one transaction (putTerrains: all or
 *   nothing, in batches with progress). A rejected or failed import changes nothing;
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
import { countChanges, getColumnMemory, getExchangeMeta, markExported, rememberColumns, type ColumnMemory, type ExchangeMeta } from '../storage/metaRepository';
import { getTerrains, listSummaries } from '../storage/terrainRepository';
import type { TerrainSummary } from '../storage/summary';
import { makeExportFile } from './exportFile';
import type { ImportProgress, WriteChoice } from './importJob';
import { startImportJob } from './importRunner';
import { storageFailure, type SaveModel, type StorageFailure } from './save';
import { now } from './slices';
import type { TerrainsModel } from './terrains';

/** After this many saved changes without an export of everything, the panel reminds the user. */
export const EXPORT_REMINDER_AFTER = 25;
/** Above this share of the quota, the panel warns. */
export const QUOTA_WARNING_RATIO = 0.8;
/** Progress of long work is shown at most this often (a screen reader reads each change). */
export const PROGRESS_INTERVAL_MS = 250;
export interface ImportClash {
  id: string;
  name: string;
}

export type { ImportProgress };

export type ImportStatus =
  | { kind: 'busy'; progress: ImportProgress | null }
  | { kind: 'rejected'; message: Text }
  | { kind: 'choose'; clashes: ImportClash[] }
  /** `keptOldOwnValues`: how many of them hold an own electricity value of an older meaning kept aside (src/storage/ownValues.ts); absent when none. */
  | { kind: 'done'; count: number; keptOldOwnValues?: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: StorageFailure };

/** The answer to "replace or keep both"; a kept-both terrain gets the suffix after its name. */
export type ImportChoice = WriteChoice | { kind: 'cancel' };

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

  /** The import under way or waiting for "replace or keep both" (its worker holds the checked records). */
  let job: ReturnType<typeof startImportJob> | null = null;
  const endJob = (which: typeof job): void => {
    which?.end();
    if (job === which) job = null;
  };

  /** Reads and checks an import file or text (in the background worker), then writes it or asks about clashes. */
  async function runImport(source: Blob | string): Promise<ImportStatus> {
    endJob(job);
    shownAt = -Infinity;
    show({ kind: 'busy', progress: null });
    const current = (job = startImportJob());
    const checked = await current.check(source, progress).catch(async () => ({ ok: false as const, message: (await import('../storage/messages')).importMessages.notJson() }));
    if (!checked.ok) {
      endJob(current);
      return show({ kind: 'rejected', message: checked.message });
    }
    // Write pending edits first, so the comparison below sees what is really stored.
    await save.flush();
    let existing: Map<string, TerrainSummary>;
    try {
      existing = new Map((await listSummaries()).map((x) => [x.id, x]));
    } catch (error) {
      endJob(current);
      return show({ kind: 'failed', error: storageFailure(error) });
    }
    const clashes = checked.terrains.filter((x) => existing.has(x.id)).map((x) => ({ id: x.id, name: existing.get(x.id)!.name }));
    if (clashes.length) return show({ kind: 'choose', clashes });
    return writeImport(current, { kind: 'replace' });
  }

  /**
   * Writes the checked import in one transaction (in batches, with progress; see importJob's write), then
   * takes it into the model: the terrains read here in full as records, the others as summaries.
   */
  async function writeImport(current: NonNullable<typeof job>, choice: WriteChoice): Promise<ImportStatus> {
    shownAt = -Infinity;
    try {
      const written = await current.write(choice, [...terrains.byId.value.keys()], progress);
      // A terrain opened while the import was written is read again, so this tab never keeps its old version.
      const late = new Set(written.summaries.filter((x) => terrains.byId.value.has(x.id)).map((x) => x.id));
      const reread = late.size ? await getTerrains([...late]) : [];
      await terrains.putWritten([...written.full, ...reread], written.summaries.filter((x) => !late.has(x.id)));
      const kept = written.keptOldOwnValues;
      return show({ kind: 'done', count: written.count, ...(kept > 0 ? { keptOldOwnValues: kept } : {}) });
    } catch (error) {
      return show({ kind: 'failed', error: storageFailure(error) });
    } finally {
      endJob(current);
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
      return runImport(file);
    },
    importText: (text) => runImport(text),
    async resolveImport(choice) {
      const status = importStatus.value;
      if (status?.kind !== 'choose' || !job) return status;
      if (choice.kind === 'cancel') {
        endJob(job);
        return show({ kind: 'cancelled' });
      }
      return writeImport(job, choice);
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
