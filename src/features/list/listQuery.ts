/**
 * The terrains list's search, sort and pages, pure: a search matches name, place and postcode
 * (case and accents ignored, every word must match); the list is sorted by date (newest first),
 * name or building count (most first) and cut into pages, so what is rendered never grows with
 * the number of terrains.
 */
import type { TerrainSummary } from '../../state';

export type ListSort = 'date' | 'name' | 'buildings';
export const LIST_SORTS: readonly ListSort[] = ['date', 'name', 'buildings'];
export const PAGE_SIZE = 20;

export interface ListPage {
  items: TerrainSummary[];
  /** Terrains that match the search (all of them without one). */
  matching: number;
  /** The page shown (0-based, clamped to the pages there are) and how many there are (at least 1). */
  page: number;
  pages: number;
}

/** Lower case without accents: "Zuidwijk-Oost" and "zuidwijk oost" meet half-way. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const keys = new WeakMap<TerrainSummary, string>();
const searchKey = (s: TerrainSummary): string => {
  let key = keys.get(s);
  if (key === undefined) keys.set(s, (key = fold([s.name, s.municipality ?? '', s.postcode4 ?? ''].join(' '))));
  return key;
};

// Made on the first comparison: building a collator loads the browser's collation data (~25 ms
// on a laptop), which a start-up sorted by date seldom needs.
let collator: Intl.Collator | undefined;
const byName = (a: TerrainSummary, b: TerrainSummary): number =>
  (collator ??= new Intl.Collator('nl', { sensitivity: 'base', numeric: true })).compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const COMPARE: Record<ListSort, (a: TerrainSummary, b: TerrainSummary) => number> = {
  date: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : byName(a, b)),
  name: byName,
  buildings: (a, b) => b.buildingCount - a.buildingCount || byName(a, b),
};

/** The terrains that match `text`, in `sort` order. */
export function searchList(list: readonly TerrainSummary[], text: string, sort: ListSort): TerrainSummary[] {
  const words = fold(text).split(/[\s,·-]+/).filter(Boolean);
  const hits = words.length ? list.filter((s) => words.every((w) => searchKey(s).includes(w))) : [...list];
  return hits.sort(COMPARE[sort]);
}

/** One page of an already searched and sorted list. */
export function pageOf(sorted: readonly TerrainSummary[], page: number, size = PAGE_SIZE): ListPage {
  const pages = Math.max(1, Math.ceil(sorted.length / size));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: sorted.slice(at * size, (at + 1) * size), matching: sorted.length, page: at, pages };
}
