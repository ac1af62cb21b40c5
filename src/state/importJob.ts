/**
 * An import's work, wherever it runs: read a file (or a text) piece by piece and check it
 * (src/storage/restore.ts), keep the checked terrains and photos, and write them when told, in one
 * transaction (putTerrains: all or nothing, in batches). It runs in the background worker
 * (src/state/background.worker.ts), so the province's records, their checking and the structured clone
 * of the write stay off the page's thread and heap; where there is no Worker, on the main thread,
 * with `between` giving the page its turns. Nothing is written before `write`.
 */
import type { Text } from '../engine/types';
import type { StoredPhoto, StoredTerrain } from '../storage/db';
import type { ExportedTerrain } from '../storage/envelope';
import { KEPT_ID } from '../storage/ownValueIds';
import { createImporter } from '../storage/restore';
import { summarize, type TerrainSummary } from '../storage/summary';
import { listSummaries, putTerrains } from '../storage/terrainRepository';
import { newId } from './ids';

/** An import text given as a string is read in pieces of this many characters, like a file. */
const TEXT_PIECE = 1 << 20;
/** The importer is fed at most this many characters at a time (about a park of 48 companies: a few milliseconds). */
const FEED_PIECE = 1 << 16;

/** Long work under way: reading and checking the file (bytes, terrains checked) or writing it (terrains). */
export type ImportProgress = { phase: 'reading'; done: number; total: number; terrains: number } | { phase: 'writing'; done: number; total: number };

/** The file checked: its terrains' ids and names, or why it is refused. */
export type CheckOutcome = { ok: true; terrains: { id: string; name: string }[] } | { ok: false; message: Text };

/** "replace": a terrain whose id exists takes its place; "keep-both": it gets a new id and the suffix after its name. */
export type WriteChoice = { kind: 'replace' } | { kind: 'keep-both'; suffix: string };

/** What was written: the records of the terrains asked for in full (those open in the page), the summaries of the rest. */
export interface WriteOutcome {
  count: number;
  /** How many of them hold an own electricity value of an older meaning kept aside (src/storage/ownValues.ts). */
  keptOldOwnValues: number;
  full: StoredTerrain[];
  summaries: TerrainSummary[];
}

export interface ImportJob {
  /** Reads and checks the file or text; keeps what passed for `write`. */
  check(source: Blob | string, onProgress: (p: ImportProgress) => void): Promise<CheckOutcome>;
  /** Writes what `check` kept (throws the storage's error when the transaction fails: nothing written). */
  write(choice: WriteChoice, fullIds: readonly string[], onProgress: (p: ImportProgress) => void): Promise<WriteOutcome>;
}

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

export function createImportJob(between: () => Promise<void> = async () => undefined): ImportJob {
  let kept: { terrains: ExportedTerrain[]; photos: StoredPhoto[] } | null = null;
  return {
    async check(source, onProgress) {
      kept = null;
      const importer = createImporter();
      const total = typeof source === 'string' ? source.length : source.size;
      let read = 0;
      for await (const piece of typeof source === 'string' ? textPieces(source) : filePieces(source)) {
        // However large a piece the browser hands over, the work between two turns stays small.
        for (let at = 0; at < piece.text.length; at += FEED_PIECE) {
          const refused = importer.feed(piece.text.slice(at, at + FEED_PIECE));
          if (refused) return { ok: false, message: refused };
          const share = Math.min(1, (at + FEED_PIECE) / piece.text.length);
          onProgress({ phase: 'reading', done: Math.min(Math.round(read + share * piece.size), total), total, terrains: importer.terrainsRead });
          await between();
        }
        read += piece.size;
      }
      onProgress({ phase: 'reading', done: total, total, terrains: importer.terrainsRead });
      const parsed = importer.finish();
      if (!parsed.ok) return parsed;
      kept = { terrains: parsed.terrains, photos: parsed.photos };
      return { ok: true, terrains: parsed.terrains.map(({ id, name }) => ({ id, name })) };
    },

    /**
     * "replace": a terrain whose id exists takes its place with a higher revision (so another tab with the
     * old one notices); "keep-both": it gets a new id and the suffix after its name, and its photos new ids.
     * The photos go in the same transaction as their terrains.
     */
    async write(choice, fullIds, onProgress) {
      if (!kept) throw new Error('nothing checked to write');
      const { terrains: imported, photos } = kept;
      onProgress({ phase: 'writing', done: 0, total: imported.length });
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
      await putTerrains(records, { photos: photoRecords, onProgress: (done) => onProgress({ phase: 'writing', done, total: records.length }) });
      kept = null;
      const full = new Set(fullIds);
      const keptOldOwnValues = records.filter((r) => r.parameterOverrides?.[KEPT_ID] !== undefined).length;
      return { count: records.length, keptOldOwnValues, full: records.filter((r) => full.has(r.id)), summaries: records.filter((r) => !full.has(r.id)).map((r) => summarize(r, null)) };
    },
  };
}
