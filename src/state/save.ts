/**
 * The save model: one save status (codes and data; the view translates it), autosave
 * (debounced, flushed when the page is hidden or left), the journal of edits a left page
 * could not save, revision-checked writes, and the questions a save can raise: another
 * tab saved a newer version (conflict) or deleted the terrain. It also announces this
 * tab's own writes (tab sync broadcasts them; the export reminder counts them).
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { StoredTerrain } from '../storage/db';
import { clearJournal, writeJournalSync, type JournalEntry } from '../storage/journal';
import { ConflictError, DeletedError, getSummary, getTerrain, saveTerrain } from '../storage/terrainRepository';
import { stripBookkeeping, type TerrainRecords } from './terrains';

/** How long typing may pause before a save starts. */
export const SAVE_DEBOUNCE_MS = 300;

/** Why a write failed: the disk is full (the transaction was rolled back), or the browser's error. */
export type StorageFailure = { code: 'quota' } | { code: 'error'; name: string; message: string };
/** A question the user must answer before this tab writes that terrain again. */
export type SaveQuestion = { kind: 'conflict'; theirs: StoredTerrain } | { kind: 'deleted-elsewhere'; id: string; name: string };
export type SaveStatus = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; error: StorageFailure } | SaveQuestion;
/** A write to the database made by this tab: saved at a revision, or deleted. */
export type TerrainChange = { id: string; revision: number; deleted?: false } | { id: string; deleted: true };
/** What a change from another tab did here without asking: the open terrain's notice. */
export interface RemoteUpdate {
  id: string;
  name: string;
  deleted?: true;
}

export interface SaveModel {
  /** An open question first (oldest), else how the saving goes. */
  status: ReadonlySignal<SaveStatus>;
  /** Every open question, at most one per terrain. */
  questions: ReadonlySignal<readonly SaveQuestion[]>;
  /** The last write failed for lack of space, and none has succeeded since. */
  storageFull: ReadonlySignal<boolean>;
  /** True while this tab has edits of the terrain that are not yet written. */
  hasUnsavedEdits(id: string): boolean;
  /** The terrains model changed this terrain: save it after the debounce. */
  edited(id: string): void;
  /** The terrain was deleted here: nothing of it is to be saved. */
  forget(id: string): void;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Page hidden or left: journal the unsaved edits synchronously, then flush. */
  saveBeforeLeaving(): void;
  /** Flushes on visibilitychange (hidden) and pagehide until the returned cleanup runs. */
  flushOnLeave(): () => void;
  /** Saves the edits an earlier page journaled (`entries`, read with the summaries), on their base revision. */
  replayJournal(entries: readonly JournalEntry[]): Promise<void>;
  /** Keep mine (write it over theirs) or take theirs; the first open conflict unless an id is given. */
  resolveConflict(choice: 'mine' | 'theirs', id?: string): Promise<void>;
  /** Restore my version of a terrain deleted elsewhere (as a new record), or let the deletion stand. */
  resolveDeleted(choice: 'restore' | 'discard', id?: string): Promise<void>;
  /** Another tab wrote a terrain: take it over, or open the conflict flow. Returns what was taken over. */
  applyRemoteChange(change: TerrainChange): Promise<RemoteUpdate | null>;
  /** Tells the listeners about a write this tab made. */
  announce(change: TerrainChange): void;
  /** Listens to this tab's own writes; returns the cleanup. */
  onChange(listener: (change: TerrainChange) => void): () => void;
}

/** The browser refused a write for lack of space (the transaction was rolled back). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export function storageFailure(error: unknown): StorageFailure {
  if (isQuotaError(error)) return { code: 'quota' };
  return error instanceof Error ? { code: 'error', name: error.name, message: error.message } : { code: 'error', name: '', message: String(error) };
}

type Progress = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; error: StorageFailure };
const SAVED: Progress = { kind: 'saved' };
const PENDING: Progress = { kind: 'pending' };
const SAVING: Progress = { kind: 'saving' };
const questionId = (q: SaveQuestion): string => (q.kind === 'conflict' ? q.theirs.id : q.id);

export const SaveModel = createModel<SaveModel, [records: TerrainRecords]>((records) => {
  const { byId } = records;
  const progress = signal<Progress>(SAVED, { name: 'save-progress' });
  const questions = signal<readonly SaveQuestion[]>([], { name: 'save-questions' });
  const storageFull = signal(false, { name: 'storage-full' });

  const dirty = new Set<string>();
  /** Terrains with a journal entry this session; cleared once their save succeeds. */
  const journaled = new Set<string>();
  const listeners = new Set<(change: TerrainChange) => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();

  const questionFor = (id: string): SaveQuestion | undefined => questions.value.find((q) => questionId(q) === id);
  const conflictFor = (id: string): StoredTerrain | null => {
    const q = questionFor(id);
    return q?.kind === 'conflict' ? q.theirs : null;
  };
  const ask = (question: SaveQuestion): void => {
    const id = questionId(question);
    const i = questions.value.findIndex((q) => questionId(q) === id);
    questions.value = i < 0 ? [...questions.value, question] : questions.value.map((q, j) => (j === i ? question : q));
  };
  const answered = (id: string): void => {
    questions.value = questions.value.filter((q) => questionId(q) !== id);
  };
  /** After a question: the rest waits, or is saved already. */
  const settle = (): void => {
    progress.value = dirty.size ? PENDING : SAVED;
  };
  const announce = (change: TerrainChange): void => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        /* a listener never breaks a save */
      }
    }
  };

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    saving = saving.then(async () => {
      while (dirty.size) {
        const [id] = dirty;
        dirty.delete(id);
        const latest = byId.value.get(id);
        if (!latest) continue;
        progress.value = SAVING;
        try {
          const stored = await saveTerrain(stripBookkeeping(latest), latest.revision);
          if (journaled.delete(id)) void clearJournal([id]).catch(() => undefined);
          const now = byId.value.get(id);
          // Keep edits made while the write was in flight; take the new revision.
          // Without such edits the model holds exactly the stored record.
          if (now) records.put(now === latest ? stored : { ...now, revision: stored.revision, createdAt: stored.createdAt });
          storageFull.value = false;
          announce({ id, revision: stored.revision });
        } catch (error) {
          if (error instanceof ConflictError) {
            ask({ kind: 'conflict', theirs: error.stored });
            settle();
            return;
          }
          if (error instanceof DeletedError) {
            ask({ kind: 'deleted-elsewhere', id, name: latest.name });
            settle();
            return;
          }
          dirty.add(id);
          const failure = storageFailure(error);
          storageFull.value = failure.code === 'quota';
          progress.value = { kind: 'error', error: failure };
          return;
        }
      }
      // Nothing is dirty now; 'pending' too (the edited terrain was deleted before its save).
      if (progress.value === SAVING || progress.value === PENDING) progress.value = SAVED;
    });
    return saving;
  }

  function saveBeforeLeaving(): void {
    if (dirty.size) {
      const pending = [...dirty].map((id) => byId.value.get(id)).filter((t): t is StoredTerrain => t !== undefined);
      if (writeJournalSync(pending)) pending.forEach((t) => journaled.add(t.id));
    }
    void flush();
  }

  return {
    status: computed(() => questions.value[0] ?? progress.value, { name: 'save-status' }),
    questions,
    storageFull,
    hasUnsavedEdits: (id) => dirty.has(id),
    edited(id) {
      dirty.add(id);
      progress.value = PENDING;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), SAVE_DEBOUNCE_MS);
    },
    forget(id) {
      dirty.delete(id);
    },
    flush,
    saveBeforeLeaving,
    flushOnLeave() {
      const onHide = (): void => {
        if (document.visibilityState === 'hidden') saveBeforeLeaving();
      };
      document.addEventListener('visibilitychange', onHide);
      window.addEventListener('pagehide', saveBeforeLeaving);
      return () => {
        document.removeEventListener('visibilitychange', onHide);
        window.removeEventListener('pagehide', saveBeforeLeaving);
      };
    },

    async replayJournal(entries) {
      if (entries.length === 0) return;
      const stale: string[] = [];
      for (const { terrain, baseRevision } of entries) {
        const stored = records.summaries.value.get(terrain.id);
        if (!stored || stored.revision < baseRevision) {
          stale.push(terrain.id); // deleted since, or already saved further: nothing to replay
          continue;
        }
        records.put({ ...terrain, revision: baseRevision });
        dirty.add(terrain.id);
        journaled.add(terrain.id);
      }
      await clearJournal(stale);
      if (dirty.size) await flush();
    },

    async resolveConflict(choice, id) {
      const question = questions.value.find((q) => q.kind === 'conflict' && (id === undefined || q.theirs.id === id));
      if (question?.kind !== 'conflict') return;
      const { theirs } = question;
      answered(theirs.id);
      if (choice === 'theirs') {
        dirty.delete(theirs.id);
        records.put(theirs);
        settle();
        if (dirty.size) await flush();
        return;
      }
      const mine = byId.value.get(theirs.id);
      if (mine) {
        records.put({ ...mine, revision: theirs.revision });
        dirty.add(theirs.id);
        await flush();
      }
    },

    async resolveDeleted(choice, id) {
      const question = questions.value.find((q) => q.kind === 'deleted-elsewhere' && (id === undefined || q.id === id));
      if (question?.kind !== 'deleted-elsewhere') return;
      answered(question.id);
      const mine = byId.value.get(question.id);
      if (choice === 'restore' && mine) {
        const stored = await saveTerrain(stripBookkeeping(mine));
        records.put(stored);
        announce({ id: stored.id, revision: stored.revision });
      } else {
        records.drop(question.id);
      }
      settle();
      if (dirty.size) await flush();
    },

    /**
     * Without unsaved edits here, take the other tab's version; with unsaved edits, or while
     * a conflict about it is open, the conflict flow decides: nothing is overwritten
     * silently, in either direction.
     */
    async applyRemoteChange(change) {
      await saving; // a save in flight finds the new revision itself
      const { id } = change;
      const local = byId.value.get(id);
      if (!local) {
        // Not read in full here: only its summary (the list) follows.
        const summary = change.deleted ? undefined : await getSummary(id);
        if (summary) records.putSummaries(summary);
        else if (!byId.value.has(id)) records.drop(id);
        return null;
      }
      if (change.deleted) {
        if (conflictFor(id)) return null;
        if (dirty.has(id)) {
          // Unsaved edits here: ask, and do not write them back until the user says so.
          dirty.delete(id);
          ask({ kind: 'deleted-elsewhere', id, name: local.name });
          return null;
        }
        records.drop(id);
        return { id, name: local.name, deleted: true };
      }
      if (local && local.revision >= change.revision && !conflictFor(id)) return null;
      const stored = await getTerrain(id);
      if (!stored) return null;
      const open = conflictFor(id);
      if (open || dirty.has(id)) {
        // Their newer version is what "load the other version" must load.
        if (!open || open.revision < stored.revision) ask({ kind: 'conflict', theirs: stored });
        return null;
      }
      const latest = byId.value.get(id);
      if (latest && latest.revision >= stored.revision) return null;
      records.put(stored);
      return { id, name: stored.name };
    },

    announce,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
});
