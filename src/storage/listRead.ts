/**
 * What the list's first render needs, read at once: the summaries (newest first) and the save
 * journal (its edits are the newest). The start takes them from the early script's read when it
 * made one (src/storage/earlyOpen.ts: the same stores, order and checks, read while the app's
 * chunk was loading); that read is taken once, so later loads read here.
 */
import { openDatabase } from './db';
import { takeEarlyRead } from './earlyOpen';
import { journalEntries, readJournal, type JournalEntry } from './journal';
import type { TerrainSummary } from './summary';
import { listSummaries } from './terrainRepository';

export async function readSummariesAndJournal(): Promise<[TerrainSummary[], JournalEntry[]]> {
  // The connection is taken over either way: leaving the page writes the journal on it synchronously.
  const [early] = await Promise.all([takeEarlyRead(), openDatabase()]);
  if (early) return [(early.summaries as TerrainSummary[]).reverse(), journalEntries(early.journal)];
  return Promise.all([listSummaries(), readJournal()]);
}
