/**
 * Engine equivalence check for restructurings: assesses a fixed set of 1,575 terrains (random
 * ones from the fact catalogue with a fixed seed on nine dates with 0–90 % unknown facts, every
 * scenario, the examples, own values, hostile input) and writes the JSON of every result, or
 * compares it with a file written before the change and says which result paths differ.
 *
 *   npx tsx scripts/engine-equivalence.ts --write before.ndjson     (on the old commit)
 *   npx tsx scripts/engine-equivalence.ts --compare before.ndjson   (after the change)
 *
 * Only the engine's public `assess` and the bundled toolbox are used, so it runs on both sides.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, bundledToolbox, type Fact, type Terrain } from '../src/engine/index';

const SEED = 20_261_202;
const DATES = ['2019-06-01', '2023-06-30', '2023-07-01', '2025-01-01', '2026-03-31', '2026-04-01', '2026-12-01', '2027-01-01', '2030-06-01'];
const RANDOM_PER_DATE = 160;

function value(f: Fact): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(f.options ?? []).map((o) => o.value));
    case 'integer':
      return fc.integer({ min: f.min ?? 0, max: Math.min(f.max ?? 100_000, (f.min ?? 0) + 5_000) });
    default:
      return fc.oneof(fc.integer({ min: f.min ?? 0, max: Math.min(f.max ?? 100_000, (f.min ?? 0) + 8_000) }), fc.double({ min: f.min ?? 0, max: f.max ?? 100_000, noNaN: true }));
  }
}

/** Facts added since the reference file was written are left out of the random terrains, so the sample is the same terrains (the EML checklist's facts drive no verdict). */
const ADDED_FACT_GROUPS = new Set(['eml']);
/** Result fields added since then: compared only when the old result has them. */
const ADDED_FIELDS = ['eml'];

function factsArb(scope: 'terrain' | 'building', unknownShare: number): fc.Arbitrary<Record<string, unknown>> {
  const facts = bundledToolbox.facts.filter((f) => f.scope === scope && !ADDED_FACT_GROUPS.has(f.group));
  return fc.tuple(...facts.map((f) => fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), value(f)))).map((pairs) => {
    const out: Record<string, unknown> = {};
    pairs.forEach(([roll, v], i) => {
      if (roll >= unknownShare) out[facts[i].id] = v;
    });
    return out;
  });
}

function terrainArb(date: string, index: number): fc.Arbitrary<Terrain> {
  const unknownShare = (index % 10) / 10;
  return fc.record({
    facts: factsArb('terrain', unknownShare),
    buildings: fc.array(fc.record({ facts: factsArb('building', unknownShare) }), { minLength: 0, maxLength: 6 }),
  }).map(({ facts, buildings }) => ({
    id: `eq-${date}-${index}`,
    name: `T${index}`,
    assessmentDate: date,
    facts,
    buildings: buildings.map((b, i) => ({ id: `b${i + 1}`, name: `Gebouw ${i + 1}`, facts: b.facts })),
  }));
}

function cases(): { key: string; terrain: Terrain; options?: Parameters<typeof assess>[1] }[] {
  const out: { key: string; terrain: Terrain; options?: Parameters<typeof assess>[1] }[] = [];
  DATES.forEach((date, d) => {
    const arbs = Array.from({ length: RANDOM_PER_DATE }, (_, i) => terrainArb(date, i));
    const sample = fc.sample(fc.tuple(...arbs), { seed: SEED + d, numRuns: 1 })[0];
    sample.forEach((terrain, i) => out.push({ key: `random:${date}:${i}`, terrain }));
  });
  const scenarioDir = 'tests/scenarios';
  for (const file of readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort()) {
    const s = JSON.parse(readFileSync(join(scenarioDir, file), 'utf8'));
    out.push({ key: `scenario:${file}`, terrain: s.terrain, options: s.options });
  }
  const exampleDir = 'toolbox-data/examples';
  for (const file of readdirSync(exampleDir).filter((f) => f.endsWith('.json')).sort()) {
    const terrain = JSON.parse(readFileSync(join(exampleDir, file), 'utf8'));
    for (const date of DATES) out.push({ key: `example:${file}:${date}`, terrain: { ...terrain, assessmentDate: date } });
  }
  // Own values: every adjustable parameter at its bounds and in the middle, on the random terrains of one date.
  const adjustable = bundledToolbox.parameters.filter((p) => p.adjustable);
  const base = out.filter((c) => c.key.startsWith('random:2027-01-01:')).slice(0, 40);
  base.forEach((c, i) => {
    const overrides: Record<string, unknown> = {};
    for (const p of adjustable) {
      const { min, max } = p.adjustable!;
      overrides[p.id] = [min, max, (min + max) / 2, 'x', -1][i % 5];
    }
    out.push({ key: `own:${i}`, terrain: { ...c.terrain, parameterOverrides: overrides } });
  });
  // Hostile input.
  const hostile: unknown[] = [
    null,
    'geen terrein',
    {},
    { facts: null, buildings: 'x' },
    { facts: { congestionFeedIn: 'purple', __proto__: { x: 1 } }, buildings: [null, 3, { id: 'b', facts: { roofAreaM2: -4, roofType: 'dome' } }] },
    { assessmentDate: '2026-13-45', buildings: [{ id: 'a', facts: { roofAreaM2: Number.NaN } }, { id: 'a', facts: { roofAreaM2: '12' } }] },
  ];
  hostile.forEach((terrain, i) => out.push({ key: `hostile:${i}`, terrain: terrain as Terrain, options: { today: '2026-06-15' } }));
  return out;
}

function diffPaths(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 20) return;
  if (Object.is(a, b)) return;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
}

const [mode, file] = process.argv.slice(2);
const all = cases();
const lines = all.map((c) => JSON.stringify({ key: c.key, result: assess(c.terrain, c.options ?? { today: '2026-06-15' }) }));
if (mode === '--write' && file) {
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`${lines.length} results written to ${file}`);
} else if (mode === '--compare' && file) {
  const before = new Map<string, unknown>(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const { key, result } = JSON.parse(l);
        return [key, result];
      }),
  );
  let same = 0;
  const changed: string[] = [];
  const pathCounts = new Map<string, number>();
  for (const line of lines) {
    const { key, result } = JSON.parse(line);
    const old = before.get(key) as Record<string, unknown> | undefined;
    for (const field of ADDED_FIELDS) if (old && !(field in old)) delete result[field];
    const paths: string[] = [];
    diffPaths(old, result, '', paths);
    if (paths.length === 0) same++;
    else {
      changed.push(key);
      for (const p of paths) {
        const shape = p.replace(/\.\d+(?=\.|:)/g, '[]').replace(/:.*/, '');
        pathCounts.set(shape, (pathCounts.get(shape) ?? 0) + 1);
      }
      if (changed.length <= 5) console.log(`${key}\n  ${paths.slice(0, 8).join('\n  ')}`);
    }
  }
  console.log(`${same} of ${lines.length} results identical, ${changed.length} differ (added fields not in the reference file, not compared: ${ADDED_FIELDS.join(', ')})`);
  for (const [p, n] of [...pathCounts].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`  ${n} × ${p}`);
  process.exit(changed.length ? 1 : 0);
} else {
  console.error('usage: engine-equivalence.ts --write FILE | --compare FILE');
  process.exit(2);
}
