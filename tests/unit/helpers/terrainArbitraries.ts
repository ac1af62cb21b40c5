/**
 * The fast-check arbitraries of the engine property tests, built from the fact catalogue
 * (toolbox-data/facts.json), so a new fact is covered without touching the tests. Valid
 * terrains: every fact absent, null or a valid value of its type/range/options; 0–6
 * buildings; a date in 2019–2031. Hostile terrains: wrong types, NaN/Infinity, out-of-range
 * and huge numbers, unknown options and keys ("__proto__", "constructor"), missing or
 * malformed facts/buildings, duplicate ids, and a terrain that is no object at all.
 */
import fc from 'fast-check';
import { bundledToolbox, type Fact, type FactValue, type Terrain } from '../../../src/engine/index';

const FACTS = bundledToolbox.facts;
const TERRAIN_FACTS = FACTS.filter((f) => f.scope === 'terrain');
const BUILDING_FACTS = FACTS.filter((f) => f.scope === 'building');
const FACT_IDS = FACTS.map((f) => f.id);

/** Fixed "today" for hostile terrains without a usable date, so that runs are reproducible. */
const TODAY = '2026-06-15';
export const OPTIONS = { today: TODAY };

const DAY = 86_400_000;
const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const MIN_DAY = dayOf('2019-01-01');
const MAX_DAY = dayOf('2031-12-31');

/** Dates where a parameter changes value or a date parameter lies, and the days around them. */
const EDGE_DATES = (() => {
  const out = new Set<string>();
  const add = (iso: unknown): void => {
    if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return;
    for (const d of [-1, 0, 1]) {
      const day = dayOf(iso) + d;
      if (day >= MIN_DAY && day <= MAX_DAY) out.add(isoDay(day));
    }
  };
  for (const p of bundledToolbox.parameters) {
    for (const v of p.values) {
      add(v.validFrom);
      add(v.validTo);
      add(v.value);
    }
  }
  return [...out].sort();
})();

const dateArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: MIN_DAY, max: MAX_DAY }).map(isoDay), weight: 3 },
  { arbitrary: fc.constantFrom(...EDGE_DATES), weight: 1 },
);

/** A valid value of a fact: its options, or a number in [min, max] (boundaries, small and anywhere). */
export function validValue(f: Fact): fc.Arbitrary<string | number | boolean> {
  switch (f.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(f.options ?? []).map((o) => o.value));
    case 'integer': {
      const min = f.min ?? 0;
      const max = f.max ?? 1_000_000;
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max: Math.min(max, min + 250) }), fc.integer({ min, max }));
    }
    case 'number': {
      const min = f.min ?? 0;
      const max = f.max ?? 1_000_000;
      return fc.oneof(
        fc.constantFrom(min, max),
        fc.integer({ min, max: Math.min(max, min + 5_000) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    }
  }
}

/** A facts record over a list of facts: each fact absent, null or valid. */
function validFacts(list: Fact[]): fc.Arbitrary<Record<string, FactValue>> {
  const model: Record<string, fc.Arbitrary<FactValue>> = {};
  for (const f of list) model[f.id] = fc.oneof({ arbitrary: validValue(f), weight: 5 }, { arbitrary: fc.constant(null), weight: 1 });
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, FactValue>>;
}

export const validTerrainArb: fc.Arbitrary<Terrain> = fc.record({
  id: fc.constant('t'),
  name: fc.constant('Proefterrein'),
  assessmentDate: dateArb,
  facts: validFacts(TERRAIN_FACTS),
  buildings: fc
    .array(validFacts(BUILDING_FACTS), { maxLength: 6 })
    .map((list) => list.map((facts, i) => ({ id: `b${i + 1}`, name: `Gebouw ${i + 1}`, facts }))),
});

/** Valid terrains with at least one building. */
const terrainWithBuildingsArb = validTerrainArb.filter((t) => t.buildings.length > 0);

/** A value that does not belong in a fact field (or in any field). */
const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -0.0001,
    -0,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_VALUE,
    '',
    '12',
    '1.234,5',
    'abc',
    'purple',
    'true',
    'null',
    'office',
    true,
    false,
    null,
    undefined,
    [],
    {},
    [1],
    { value: 1 },
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
);

const evilKeyArb = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ...FACT_IDS),
  fc.string({ maxLength: 6 }),
);

/** A facts record with valid and junk values, unknown keys and facts of the other scope (own "__proto__" keys included). */
function hostileFacts(list: Fact[]): fc.Arbitrary<unknown> {
  const record = fc
    .tuple(validFacts(list), fc.array(fc.tuple(evilKeyArb, junkArb), { maxLength: 6 }))
    .map(([valid, junk]) => Object.fromEntries([...Object.entries(valid), ...junk]));
  return fc.oneof(
    { arbitrary: record, weight: 6 },
    { arbitrary: fc.constantFrom<unknown>(null, undefined, 'facts', 42, [], [1, 2], true), weight: 1 },
    { arbitrary: fc.constant(null).map(() => Object.create(null) as unknown), weight: 1 },
  );
}

const hostileBuildingArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(null, undefined, 'b1', 42, true, [], [{ id: 'b1' }]), weight: 1 },
  {
    arbitrary: fc.record(
      {
        id: fc.oneof(fc.constantFrom<unknown>('b1', 'b2', 'b1', '', 0, 42, null, undefined, {}, '__proto__', '#1'), fc.string({ maxLength: 4 })),
        name: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom<unknown>(42, null, undefined, {}, [], true)),
        facts: hostileFacts(BUILDING_FACTS),
      },
      { requiredKeys: [] },
    ),
    weight: 6,
  },
);

const hostileTerrainArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(null, undefined, 42, 'terrain', true, [], [1, 2], [{ facts: {} }]), weight: 1 },
  {
    arbitrary: fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom<unknown>(42, null, {})),
        name: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom<unknown>(42, null, [])),
        assessmentDate: fc.oneof(
          dateArb,
          fc.constantFrom<unknown>('2026-13-45', '9999-99-99', '0000-00-00', '2026-1-1', 'today', '', 20260101, null, {}, new Date(0).toISOString()),
        ),
        facts: hostileFacts(TERRAIN_FACTS),
        buildings: fc.oneof(
          { arbitrary: fc.array(hostileBuildingArb, { maxLength: 7 }), weight: 6 },
          { arbitrary: fc.constantFrom<unknown>(null, 'buildings', 42, {}, { length: 2, 0: { id: 'b1' } }, true), weight: 1 },
        ),
      },
      { requiredKeys: [] },
    ),
    weight: 8,
  },
);

/** Valid and hostile terrains, mixed. */
export const anyTerrainArb: fc.Arbitrary<unknown> = fc.oneof(validTerrainArb as fc.Arbitrary<unknown>, hostileTerrainArb);

/** A fact position in a terrain: terrain level (building = -1) or a building's. */
export interface Position {
  building: number;
  factId: string;
}

function knownPositions(t: Terrain): Position[] {
  const out: Position[] = [];
  for (const [factId, v] of Object.entries(t.facts)) if (v !== null && v !== undefined) out.push({ building: -1, factId });
  t.buildings.forEach((b, i) => {
    for (const [factId, v] of Object.entries(b.facts)) if (v !== null && v !== undefined) out.push({ building: i, factId });
  });
  return out;
}

/** A copy of the terrain with one fact set to `value`. */
export function withFact(t: Terrain, pos: Position, value: unknown): Terrain {
  const copy = structuredClone(t);
  const facts = pos.building < 0 ? copy.facts : copy.buildings[pos.building].facts;
  facts[pos.factId] = value;
  return copy;
}

/** An out-of-range or wrong-typed value for a fact. */
function invalidValue(f: Fact): fc.Arbitrary<unknown> {
  const structural = fc.constantFrom<unknown>({}, [], [1], { value: 1 });
  switch (f.type) {
    case 'boolean':
      return fc.oneof(fc.constantFrom<unknown>('true', 'false', 'ja', 'nee', 1, 0, ''), fc.double(), fc.string({ maxLength: 6 }), structural);
    case 'enum': {
      const values = (f.options ?? []).map((o) => o.value);
      return fc.oneof(
        fc.constantFrom<unknown>('purple', '', ' ', values[0].toUpperCase() === values[0] ? `${values[0]}x` : values[0].toUpperCase(), `${values[0]} `),
        fc.string({ maxLength: 6 }).filter((s) => !values.includes(s)),
        fc.double(),
        fc.boolean(),
        structural,
      );
    }
    case 'number':
    case 'integer': {
      const min = f.min ?? 0;
      const max = f.max ?? 1_000_000;
      const options: fc.WeightedArbitrary<unknown>[] = [
        { arbitrary: fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), weight: 3 },
        { arbitrary: fc.constantFrom<unknown>('12', '1.234,5', 'abc', '', true, false), weight: 2 },
        { arbitrary: fc.double({ min: -1e308, max: min - Math.max(1e-6, Math.abs(min) * 1e-9), noNaN: true, noDefaultInfinity: true }), weight: 2 },
        { arbitrary: fc.double({ min: max + Math.max(1e-6, Math.abs(max) * 1e-9), max: 1e308, noNaN: true, noDefaultInfinity: true }), weight: 2 },
        { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
        { arbitrary: structural, weight: 1 },
      ];
      if (f.type === 'integer') options.push({ arbitrary: fc.integer({ min, max: Math.min(max, min + 1000) - 1 }).map((n) => n + 0.5), weight: 2 });
      return fc.oneof(...options);
    }
  }
}

/**
 * A valid terrain with at least one building, a fact position (terrain or building) and an
 * invalid value for that fact. Terrain, building index and (fact, value) are drawn
 * independently, so that fast-check can shrink each of them.
 */
export const invalidCaseArb = fc
  .tuple(
    terrainWithBuildingsArb,
    fc.nat(),
    fc.constantFrom(...BUILDING_FACTS, ...BUILDING_FACTS, ...BUILDING_FACTS, ...TERRAIN_FACTS).chain((fact) => invalidValue(fact).map((bad) => ({ fact, bad }))),
  )
  .map(([t, n, { fact, bad }]) => ({ t, pos: { building: fact.scope === 'terrain' ? -1 : n % t.buildings.length, factId: fact.id }, bad }));

/** A valid terrain and one of its known facts. Terrain and position are drawn independently (the n-th known fact), so both shrink. */
export const knownFactCaseArb = fc
  .tuple(validTerrainArb, fc.nat())
  .map(([t, n]) => ({ t, positions: knownPositions(t), n }))
  .filter(({ positions }) => positions.length > 0)
  .map(({ t, positions, n }) => ({ t, pos: positions[n % positions.length] }));
