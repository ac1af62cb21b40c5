/**
 * Input burden: how many answers a site visit needs. On each example terrain's buildings
 * (one at a time, every fact cleared), the next question is answered with the example's
 * true value ("onbekend" where the example has none, and not asked again), until PV on the
 * roof is decided (not needs-info) and until every measure is (or no question that decides a
 * measure is left: the EML checklist's questions, which the walk asks after those, are not counted).
 * Before: the engine's `nextQuestions` order; after: the walk mode's `walkQuestions`.
 *
 *   npx tsx scripts/bench-input.ts       prints the table (also a row set of `npm run bench`)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { assess, type FactValue, type Terrain } from '../src/engine/index';
import { walkQuestions } from '../src/engine/questions';
import { formatRows, JSON_ROWS_PREFIX, median, type Row } from './bench-util';

export type Ranking = 'engine' | 'walk';

export interface Burden {
  building: string;
  /** Answers until pv-roof is decided (null: the example's values never decide it). */
  pv: number | null;
  /** Answers until no measure needs information, or until no question is left. */
  all: number;
}

const examplesDir = new URL('../toolbox-data/examples/', import.meta.url);

export function exampleTerrains(): Terrain[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')) as Terrain);
}

/** What a walk knows before a building: the terrain's facts answered so far and its facts answered "onbekend". */
interface TerrainState {
  facts: Terrain['facts'];
  skipped: Set<string>;
}

/**
 * Walks one building of a terrain, answering with its true values, from what the walk knows of
 * the terrain (nothing for a building alone); the terrain's answers are left in `state` for the next building.
 */
function walkBuilding(example: Terrain, buildingId: string, ranking: Ranking, state: TerrainState): Burden {
  const source = example.buildings.find((b) => b.id === buildingId)!;
  const truth = { ...example.facts, ...source.facts } as Record<string, FactValue | undefined>;
  let t: Terrain = { ...example, facts: { ...state.facts }, buildings: [{ ...source, facts: {} }] };
  const asked = new Set<string>(state.skipped);
  let pv: number | null = null;
  for (let n = 0; ; n++) {
    const measures = assess(t).measures;
    if (pv === null && measures.find((m) => m.measureId === 'pv-roof')?.status !== 'needs-info') pv = n;
    const next =
      ranking === 'engine'
        ? assess(t).nextQuestions.find((q) => !asked.has(q.factId))
        : walkQuestions(t, buildingId, asked)?.questions.find((q) => !asked.has(q.factId) && !q.eml);
    if (!measures.some((m) => m.status === 'needs-info') || !next) {
      state.facts = t.facts;
      return { building: `${example.id}/${buildingId}`, pv, all: n };
    }
    asked.add(next.factId);
    const v = truth[next.factId];
    if (v === undefined) {
      if (next.scope === 'terrain') state.skipped.add(next.factId);
      continue;
    }
    const b = t.buildings[0];
    t = next.scope === 'terrain' ? { ...t, facts: { ...t.facts, [next.factId]: v } } : { ...t, buildings: [{ ...b, facts: { ...b.facts, [next.factId]: v } }] };
  }
}

/**
 * Walks one building of a terrain from nothing known, answering with its true values; with
 * `terrainKnown` the terrain's facts are known from the start (the second and later building of a
 * walk: grid colours, heat network and the like are answered once per terrain).
 */
export function burden(example: Terrain, buildingId: string, ranking: Ranking, terrainKnown = false): Burden {
  return walkBuilding(example, buildingId, ranking, { facts: terrainKnown ? { ...example.facts } : {}, skipped: new Set() });
}

/** A park manager's walk of a terrain: its buildings in order, each terrain fact asked once (in the first building that needs it), as the walk mode does. */
export function walkTerrain(example: Terrain): Burden[] {
  const state: TerrainState = { facts: {}, skipped: new Set() };
  return example.buildings.map((b) => walkBuilding(example, b.id, 'walk', state));
}

export function runInputBench(): Row[] {
  const rows: Row[] = [];
  const t0 = performance.now();
  let plans = 0;
  for (const ranking of ['engine', 'walk'] as const) {
    const results = exampleTerrains().flatMap((ex) => ex.buildings.map((b) => burden(ex, b.id, ranking)));
    if (ranking === 'walk') plans += results.reduce((n, r) => n + r.all, 0);
    const pvs = results.map((r) => r.pv).filter((n): n is number => n !== null);
    const alls = results.map((r) => r.all);
    const label = ranking === 'engine' ? 'before (engine nextQuestions)' : 'after (walk ranking)';
    const isAfter = ranking === 'walk';
    rows.push(
      { name: `input burden ${label}: answers until PV decided, median of ${pvs.length} buildings`, value: median(pvs), unit: 'answers', target: '≤ 8', ok: isAfter ? median(pvs) <= 8 : null },
      { name: `input burden ${label}: answers until PV decided, worst`, value: Math.max(...pvs), unit: 'answers', target: '', ok: null },
      { name: `input burden ${label}: answers until all measures decided or no question left, median of ${alls.length}`, value: median(alls), unit: 'answers', target: '≤ 20', ok: isAfter ? median(alls) <= 20 : null },
    );
  }
  const walks = exampleTerrains().map((ex) => walkTerrain(ex).map((r) => r.all));
  const perBuilding = walks.flat();
  rows.push({ name: `input burden, a terrain walked building by building (each terrain fact asked once): answers per building, median of ${perBuilding.length}`, value: median(perBuilding), unit: 'answers', target: '', ok: null });
  rows.push({ name: `input burden, a terrain walked building by building: answers per building after the first (the terrain's facts answered), median of ${walks.flatMap((w) => w.slice(1)).length}`, value: median(walks.flatMap((w) => w.slice(1))), unit: 'answers', target: '', ok: null });
  const later = exampleTerrains().flatMap((ex) => ex.buildings.map((b) => burden(ex, b.id, 'walk', true).all));
  rows.push({ name: `input burden after, the terrain's facts known (a later building of the walk): answers until all measures decided, median of ${later.length}`, value: median(later), unit: 'answers', target: '', ok: null });
  rows.push({ name: 'walk ranking: time per ranked list (one building, incl. the "before" run)', value: (performance.now() - t0) / Math.max(plans, 1), unit: 'ms', target: '', ok: null });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = runInputBench();
  if (process.argv.includes('--json')) console.log(JSON_ROWS_PREFIX + JSON.stringify(rows));
  else {
    for (const ranking of ['engine', 'walk'] as const)
      console.log(ranking, exampleTerrains().flatMap((ex) => ex.buildings.map((b) => burden(ex, b.id, ranking))).map((r) => `${r.building} pv ${r.pv ?? '–'} all ${r.all}`).join('; '));
    console.log('terrain walk', exampleTerrains().map((ex) => walkTerrain(ex).map((r) => `${r.building} all ${r.all}`).join(', ')).join('; '));
    console.log(formatRows(rows));
  }
}
