/**
 * Exchange and storage health, as actions and signals for the views:
 * - import a file: check it completely (src/storage/restore.ts), ask "replace or keep
 *   both" when an id is already here, then write everything in one transaction
 *   (putTerrains: all or nothing). A rejected or failed import changes nothing;
 * - export all terrains or one, as a file download;
 * - count saved changes since the last export (meta store) for the reminder;
 * - storage health: persistent or not, usage against quota.
 */
import { computed, signal } from '@preact/signals';
import type { Text } from '../engine/types';
import { t } from '../i18n';
import type { StoredTerrain } from '../storage/db';
import type { ExportedTerrain } from '../storage/envelope';
import { countChanges, getExchangeMeta, markExported, type ExchangeMeta } from '../storage/metaRepository';
import { listTerrains, putTerrains } from '../storage/terrainRepository';
import { applyWrittenTerrains, flushSaves, isQuotaError, newId, onTerrainChange, terrainsById } from './terrainStore';

/** After this many saved changes without an export of everything, the panel reminds the user. */
export const EXPORT_REMINDER_AFTER = 25;
/** Above this share of the quota, the panel warns. */
export const QUOTA_WARNING_RATIO = 0.8;

// ---------------------------------------------------------------- import

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
  | { kind: 'failed'; message: string };

/** What the storage panel shows about the last import. */
export const importStatus = signal<ImportStatus | null>(null);

/** Checks a chosen file and imports it (or asks about clashing ids). */
export async function importFile(file: Blob): Promise<ImportStatus> {
  const [{ LIMITS }, { importMessages }] = await Promise.all([import('../storage/envelope'), import('../storage/messages')]);
  // The browser knows the size: a file over the limit is refused without reading it.
  if (file.size > LIMITS.maxBytes) return (importStatus.value = { kind: 'rejected', message: importMessages.tooLarge() });
  let text: string;
  try {
    text = await file.text();
  } catch {
    return (importStatus.value = { kind: 'rejected', message: importMessages.notJson() });
  }
  return importText(text);
}

/** Checks an import file's text; writes it when no id clashes, else waits for resolveImport. */
export async function importText(text: string): Promise<ImportStatus> {
  importStatus.value = { kind: 'busy' };
  const { parseImport } = await import('../storage/restore');
  const parsed = parseImport(text);
  if (!parsed.ok) return (importStatus.value = { kind: 'rejected', message: parsed.message });
  // Write pending edits first, so the comparison below sees what is really stored.
  await flushSaves();
  let existing: Map<string, StoredTerrain>;
  try {
    existing = new Map((await listTerrains()).map((x) => [x.id, x]));
  } catch (error) {
    return (importStatus.value = { kind: 'failed', message: describeWriteError(error) });
  }
  const clashes = parsed.terrains.filter((x) => existing.has(x.id)).map((x) => ({ id: x.id, name: existing.get(x.id)!.name }));
  if (clashes.length) return (importStatus.value = { kind: 'choose', terrains: parsed.terrains, clashes });
  return writeImport(parsed.terrains, 'replace');
}

/** The user's answer to "replace or keep both". */
export async function resolveImport(choice: 'replace' | 'keep-both' | 'cancel'): Promise<ImportStatus | null> {
  const status = importStatus.value;
  if (status?.kind !== 'choose') return status;
  if (choice === 'cancel') return (importStatus.value = { kind: 'cancelled' });
  return writeImport(status.terrains, choice);
}

/**
 * Writes imported terrains in one transaction. "replace": a terrain whose id exists
 * takes its place with a higher revision (so another tab with the old one notices);
 * "keep-both": it gets a new id and "(geïmporteerd)" after its name.
 */
export async function writeImport(terrains: readonly ExportedTerrain[], choice: 'replace' | 'keep-both'): Promise<ImportStatus> {
  importStatus.value = { kind: 'busy' };
  try {
    const existing = new Map((await listTerrains()).map((x) => [x.id, x]));
    const now = new Date().toISOString();
    const records: StoredTerrain[] = terrains.map((terrain) => {
      const clash = existing.get(terrain.id);
      const base = { ...structuredClone(terrain), createdAt: terrain.createdAt ?? now, updatedAt: terrain.updatedAt ?? now };
      if (!clash) return { ...base, revision: 1 };
      if (choice === 'replace') return { ...base, revision: clash.revision + 1 };
      return { ...base, id: newId(), name: `${terrain.name} ${t('importedSuffix')}`, revision: 1 };
    });
    await putTerrains(records);
    applyWrittenTerrains(records);
    return (importStatus.value = { kind: 'done', count: records.length });
  } catch (error) {
    return (importStatus.value = { kind: 'failed', message: describeWriteError(error) });
  }
}

function describeWriteError(error: unknown): string {
  if (isQuotaError(error)) return t('importQuota');
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// ---------------------------------------------------------------- export

export const lastExportFile = signal<string | null>(null);

/** Downloads all terrains (the model's latest state, unsaved edits included) and resets the reminder. */
export async function exportAll(): Promise<string | null> {
  await flushSaves().catch(() => undefined);
  const terrains = [...terrainsById.value.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  if (terrains.length === 0) return null;
  const file = await download(terrains);
  try {
    exchangeMeta.value = await markExported(new Date().toISOString());
  } catch {
    /* the file is made; the reminder just stays */
  }
  return file;
}

/** Downloads one terrain (the reminder counts on: only a full export is a backup). */
export async function exportOne(id: string): Promise<string | null> {
  await flushSaves().catch(() => undefined);
  const terrain = terrainsById.value.get(id);
  return terrain ? download([terrain]) : null;
}

async function download(terrains: StoredTerrain[]): Promise<string> {
  const { exportEnvelope, exportFileName, serializeEnvelope } = await import('../storage/envelope');
  const envelope = exportEnvelope(terrains);
  const name = exportFileName(envelope);
  const url = URL.createObjectURL(new Blob([serializeEnvelope(envelope)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  lastExportFile.value = name;
  return name;
}

// ---------------------------------------------------------------- reminder

export const exchangeMeta = signal<ExchangeMeta | null>(null);
export const needsExportReminder = computed(() => (exchangeMeta.value?.changesSinceExport ?? 0) >= EXPORT_REMINDER_AFTER);

export async function refreshExchangeMeta(): Promise<void> {
  try {
    exchangeMeta.value = await getExchangeMeta();
  } catch {
    /* unknown: no reminder */
  }
}

let stopTracking: (() => void) | null = null;
/** Counts this tab's saved changes in the meta store (all tabs add to the same count). */
export function startExchangeTracking(): () => void {
  stopTracking?.();
  let queue = Promise.resolve();
  const stop = onTerrainChange(() => {
    queue = queue.then(async () => {
      try {
        exchangeMeta.value = await countChanges(1);
      } catch {
        /* the count is advice, never a reason to fail a save */
      }
    });
  });
  stopTracking = () => {
    stop();
    stopTracking = null;
  };
  return stopTracking;
}

// ---------------------------------------------------------------- storage health

export interface StorageHealth {
  /** true: persistent; false: the browser may evict; null: the browser does not say. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export const storageHealth = signal<StorageHealth | null>(null);
export const usageRatio = computed(() => {
  const h = storageHealth.value;
  return h && h.usage !== null && h.quota ? h.usage / h.quota : null;
});
export const nearQuota = computed(() => (usageRatio.value ?? 0) > QUOTA_WARNING_RATIO);

export async function refreshStorageHealth(): Promise<StorageHealth> {
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

/** Asks for persistent storage (a user gesture helps some browsers decide). */
export async function requestPersistence(): Promise<void> {
  try {
    await navigator.storage?.persist?.();
  } catch {
    /* refused or unsupported */
  }
  await refreshStorageHealth();
}
