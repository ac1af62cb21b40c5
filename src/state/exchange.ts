/**
 * The exchange model: import, export, the export reminder and storage health.
 * - import a file: check it completely (src/storage/restore.ts), ask "replace or keep
 *   both" when an id is already here, then write everything in one transaction
 *   (putTerrains: all or nothing). A rejected or failed import changes nothing;
 * - export all terrains or one, as a file for the view to save;
 * - count saved changes since the last export (meta store) for the reminder;
 * - storage health: persistent or not, usage against quota;
 * - the spreadsheet import's column memory: header text → what it was mapped to (meta store).
 * Outcomes are kept as codes and data; the view words them in the current language.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { Text } from '../engine/types';
import type { StoredTerrain } from '../storage/db';
import type { ExportedTerrain } from '../storage/envelope';
import { countChanges, getColumnMemory, getExchangeMeta, markExported, rememberColumns, type ColumnMemory, type ExchangeMeta } from '../storage/metaRepository';
import { listSummaries, listTerrains, putTerrains } from '../storage/terrainRepository';
import type { TerrainSummary } from '../storage/summary';
import { storageFailure, type SaveModel, type StorageFailure } from './save';
import { newId, type TerrainsModel } from './terrains';

/** After this many saved changes without an export of everything, the panel reminds the user. */
export const EXPORT_REMINDER_AFTER = 25;
/** Above this share of the quota, the panel warns. */
export const QUOTA_WARNING_RATIO = 0.8;

export interface ImportClash {
  id: string;
  name: string;
}

export type ImportStatus =
  | { kind: 'busy' }
  | { kind: 'rejected'; message: Text }
  | { kind: 'choose'; terrains: ExportedTerrain[]; clashes: ImportClash[] }
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
  contents: string;
  type: 'application/json';
}

export interface ExchangeModel {
  /** What the storage panel shows about the last import. */
  importStatus: ReadonlySignal<ImportStatus | null>;
  /** The name of the last file made. */
  lastExportFile: ReadonlySignal<string | null>;
  meta: ReadonlySignal<ExchangeMeta | null>;
  needsExportReminder: ReadonlySignal<boolean>;
  storageHealth: ReadonlySignal<StorageHealth | null>;
  usageRatio: ReadonlySignal<number | null>;
  nearQuota: ReadonlySignal<boolean>;
  /** Checks a chosen file and imports it (or asks about clashing ids). */
  importFile(file: Blob): Promise<ImportStatus>;
  /** Checks an import file's text; writes it when no id clashes, else waits for resolveImport. */
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
  const meta = signal<ExchangeMeta | null>(null, { name: 'exchange-meta' });
  const storageHealth = signal<StorageHealth | null>(null, { name: 'storage-health' });
  const columnMemory = signal<ColumnMemory | null>(null, { name: 'column-memory' });
  const usageRatio = computed(() => {
    const h = storageHealth.value;
    return h && h.usage !== null && h.quota ? h.usage / h.quota : null;
  }, { name: 'usage-ratio' });
  const show = (status: ImportStatus): ImportStatus => (importStatus.value = status);

  async function importText(text: string): Promise<ImportStatus> {
    show({ kind: 'busy' });
    const { parseImport } = await import('../storage/restore');
    const parsed = parseImport(text);
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
    if (clashes.length) return show({ kind: 'choose', terrains: parsed.terrains, clashes });
    return writeImport(parsed.terrains, { kind: 'replace' });
  }

  /**
   * Writes imported terrains in one transaction. "replace": a terrain whose id exists
   * takes its place with a higher revision (so another tab with the old one notices);
   * "keep-both": it gets a new id and the suffix after its name.
   */
  async function writeImport(imported: readonly ExportedTerrain[], choice: Exclude<ImportChoice, { kind: 'cancel' }>): Promise<ImportStatus> {
    show({ kind: 'busy' });
    try {
      const existing = new Map((await listSummaries()).map((x) => [x.id, x]));
      const now = new Date().toISOString();
      const records: StoredTerrain[] = imported.map((terrain) => {
        const clash = existing.get(terrain.id);
        const base = { ...structuredClone(terrain), createdAt: terrain.createdAt ?? now, updatedAt: terrain.updatedAt ?? now };
        if (!clash) return { ...base, revision: 1 };
        if (choice.kind === 'replace') return { ...base, revision: clash.revision + 1 };
        return { ...base, id: newId(), name: `${terrain.name} ${choice.suffix}`, revision: 1 };
      });
      await putTerrains(records);
      terrains.putWritten(records);
      return show({ kind: 'done', count: records.length });
    } catch (error) {
      return show({ kind: 'failed', error: storageFailure(error) });
    }
  }

  async function exportFile(list: StoredTerrain[]): Promise<ExportFile> {
    const { exportEnvelope, exportFileName, serializeEnvelope } = await import('../storage/envelope');
    const envelope = exportEnvelope(list);
    const name = exportFileName(envelope);
    lastExportFile.value = name;
    return { name, contents: serializeEnvelope(envelope), type: 'application/json' };
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
    meta,
    needsExportReminder: computed(() => (meta.value?.changesSinceExport ?? 0) >= EXPORT_REMINDER_AFTER, { name: 'needs-export-reminder' }),
    storageHealth,
    usageRatio,
    nearQuota: computed(() => (usageRatio.value ?? 0) > QUOTA_WARNING_RATIO, { name: 'near-quota' }),

    async importFile(file) {
      const [{ LIMITS }, { importMessages }] = await Promise.all([import('../storage/envelope'), import('../storage/messages')]);
      // The browser knows the size: a file over the limit is refused without reading it.
      if (file.size > LIMITS.maxBytes) return show({ kind: 'rejected', message: importMessages.tooLarge() });
      let text: string;
      try {
        text = await file.text();
      } catch {
        return show({ kind: 'rejected', message: importMessages.notJson() });
      }
      return importText(text);
    },
    importText,
    async resolveImport(choice) {
      const status = importStatus.value;
      if (status?.kind !== 'choose') return status;
      if (choice.kind === 'cancel') return show({ kind: 'cancelled' });
      return writeImport(status.terrains, choice);
    },

    async exportAll() {
      await save.flush().catch(() => undefined);
      // What is stored, with this tab's versions over it (edits an open question holds back).
      const all = new Map((await listTerrains()).map((x) => [x.id, x]));
      for (const x of terrains.byId.value.values()) all.set(x.id, x);
      const list = [...all.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      if (list.length === 0) return null;
      const file = await exportFile(list);
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
      return terrain ? exportFile([terrain]) : null;
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
