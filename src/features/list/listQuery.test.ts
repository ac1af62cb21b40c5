/**
 * The list's search, sort and pages: a search finds by name, place and postcode whatever the
 * case and accents, every word must match; each sort keeps its order; the pages together hold
 * each match exactly once and none is longer than a page (fast-check, the run's seed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TerrainSummary } from '../../state';
import { fold, pageOf, PAGE_SIZE, searchList } from './listQuery';

const summary = (id: string, name: string, extra: Partial<TerrainSummary> = {}): TerrainSummary => ({
  id,
  name,
  buildingCount: 1,
  withoutLocation: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: 1,
  statusCounts: null,
  ...extra,
});

const list = [
  summary('a', 'De Grote Polder', { municipality: 'Zoeterwoude', postcode4: '2381', buildingCount: 48, updatedAt: '2026-03-01T00:00:00.000Z' }),
  summary('b', 'Roomburg', { municipality: 'Leiden', buildingCount: 12, updatedAt: '2026-05-01T00:00:00.000Z' }),
  summary('c', 'Café-terrein Ëiland', { municipality: "'s-Gravenzande", buildingCount: 3, updatedAt: '2026-04-01T00:00:00.000Z' }),
  summary('d', 'terrein 10', { buildingCount: 12, updatedAt: '2026-02-01T00:00:00.000Z' }),
  summary('e', 'Terrein 9', { buildingCount: 12, updatedAt: '2026-02-01T00:00:00.000Z' }),
];
const ids = (l: TerrainSummary[]) => l.map((s) => s.id);

describe('search', () => {
  it('matches name, place and postcode, ignoring case and accents; every word must match', () => {
    expect(ids(searchList(list, 'polder', 'name'))).toEqual(['a']);
    expect(ids(searchList(list, 'LEIDEN', 'name'))).toEqual(['b']);
    expect(ids(searchList(list, '2381', 'name'))).toEqual(['a']);
    expect(ids(searchList(list, 'cafe eiland', 'name'))).toEqual(['c']);
    expect(ids(searchList(list, 'gravenzande café', 'name'))).toEqual(['c']);
    expect(ids(searchList(list, 'roomburg zoeterwoude', 'name'))).toEqual([]);
    expect(ids(searchList(list, '  ', 'date'))).toEqual(['b', 'c', 'a', 'e', 'd']);
    expect(fold('Ëiland')).toBe('eiland');
  });

  it('sorts by date (newest first), by name (numbers as numbers) and by buildings (most first, then name)', () => {
    expect(ids(searchList(list, '', 'date'))).toEqual(['b', 'c', 'a', 'e', 'd']); // same date: by name
    expect(ids(searchList(list, '', 'name'))).toEqual(['c', 'a', 'b', 'e', 'd']);
    expect(ids(searchList(list, '', 'buildings'))).toEqual(['a', 'b', 'e', 'd', 'c']);
    expect(ids(searchList(list, 'terrein', 'buildings'))).toEqual(['e', 'd', 'c']);
  });

  it('does not reorder the list it is given', () => {
    const copy = [...list];
    searchList(list, '', 'name');
    expect(list).toEqual(copy);
  });
});

describe('pages', () => {
  it('clamps the page and never shows more than a page', () => {
    expect(pageOf(list, 0, 2)).toMatchObject({ page: 0, pages: 3, matching: 5 });
    expect(ids(pageOf(list, 2, 2).items)).toEqual(['e']);
    expect(pageOf(list, 9, 2).page).toBe(2);
    expect(pageOf(list, -1, 2).page).toBe(0);
    expect(pageOf([], 3)).toEqual({ items: [], matching: 0, page: 0, pages: 1 });
  });

  it('the pages of any search hold every match once, in order (property)', () => {
    const names = fc.array(fc.constantFrom('Polder', 'Haven', 'Noord', 'Zuid', 'café', 'Café', '10', '9', 'Ë'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(names, { maxLength: 90 }), fc.constantFrom('', 'pol', 'cafe', 'zuid noord', 'e'), fc.constantFrom('date' as const, 'name' as const, 'buildings' as const), fc.integer({ min: 1, max: 30 }), (ns, text, sort, size) => {
        const all = ns.map((n, i) => summary(`t${i}`, n, { buildingCount: i % 7, updatedAt: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z` }));
        const hits = searchList(all, text, sort);
        for (const h of hits) expect(fold(h.name)).toContain(fold(text).split(' ')[0] ?? '');
        const { pages } = pageOf(hits, 0, size);
        const seen = Array.from({ length: pages }, (_, p) => pageOf(hits, p, size).items).flat();
        expect(seen).toEqual(hits);
        for (let p = 0; p < pages; p++) expect(pageOf(hits, p, size).items.length).toBeLessThanOrEqual(size);
        expect(all.filter((s) => !hits.includes(s)).every((s) => !fold(s.name).includes(fold(text).split(' ')[0]) || fold(text).split(' ').some((w) => !fold(s.name).includes(w)))).toBe(true);
      }),
    );
    expect(PAGE_SIZE).toBeGreaterThan(0);
  });
});
