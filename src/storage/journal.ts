/**
 * The save journal: when the page is hidden or left, unsaved edits are written to the meta
 * store in one synchronous burst (put + commit inside the event handler — an async
 * read-then-write started there does not survive a reload). On the next start they are
 * replayed through the normal save with its revision check, so another tab's newer save
 * is never silently overwritten.
 */
import { openConnection, openDatabase, type StoredTerrain } from './db';
import { JOURNAL_PREFIX as PREFIX } from './earlyOpen';

export interface JournalEntry {
  terrain: StoredTerrain;
  /** The stored revision the edits were made on. */
  baseRevision: number;
}

/** Writes the entries now, without awaiting anything; false when no connection is open. */
export function writeJournalSync(terrains: StoredTerrain[]): boolean {
  const db = openConnection();
  if (!db || terrains.length === 0) return false;
  try {
    const tx = db.transaction('meta', 'readwrite');
    for (const terrain of terrains) {
      const entry: JournalEntry = { terrain, baseRevision: terrain.revision };
      tx.store.put(entry, PREFIX + terrain.id).catch(() => undefined);
    }
    tx.done.catch(() => undefined);
    tx.commit();
    return true;
  } catch {
    return false;
  }
}

function isEntry(value: unknown): value is JournalEntry {
  const v = value as JournalEntry | null;
  return !!v && typeof v === 'object' && typeof v.baseRevision === 'number' && !!v.terrain && typeof v.terrain.id === 'string';
}

/** Every journal entry left by an earlier page. */
export async function readJournal(): Promise<JournalEntry[]> {
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readonly');
  const keys = (await tx.store.getAllKeys()).filter((k): k is string => typeof k === 'string' && k.startsWith(PREFIX));
  const values = await Promise.all(keys.map((k) => tx.store.get(k)));
  await tx.done;
  return journalEntries(values);
}

/** The journal's entries among values read from its keys (others are left out). */
export function journalEntries(values: readonly unknown[]): JournalEntry[] {
  return values.filter(isEntry);
}

/** Removes the entries of these terrains (their edits are saved). */
export async function clearJournal(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const db = await openDatabase();
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(PREFIX + id)), tx.done]);
}
