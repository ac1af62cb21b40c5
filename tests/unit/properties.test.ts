/**
 * Property tests of the engine (SPEC §4–7) with fast-check.
 *
 * The arbitraries are built from the fact catalogue (toolbox-data/facts.json), so a new
 * fact is covered without touching this file. Valid terrains: every fact absent, null or a
 * valid value of its type/range/options; 0–6 buildings; a date in 2019–2031. Hostile
 * terrains: wrong types, NaN/Infinity, out-of-range and huge numbers, unknown options and
 * keys ("__proto__", "constructor"), missing or malformed facts/buildings, duplicate ids,
 * and a terrain that is no object at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, type Assessment, type Fact, type FactValue, type Phase, type Status, type Terrain, type Toolbox } from '../../src/engine/index';

const FACTS = bundledToolbox.facts;
const TERRAIN_FACTS = FACTS.filter((f) => f.scope === 'terrain');
const BUILDING_FACTS = FACTS.filter((f) => f.scope === 'building');
const FACT_IDS = FACTS.map((f) => f.id);
const STEP_IDS = new Set(bundledToolbox.steps.map((s) => s.id));
const SOURCE_IDS = new Set(bundledToolbox.sources.map((s) => s.id));
const STEP_PHASE = new Map(bundledToolbox.steps.map((s) => [s.id, s.phase]));

/** Fixed "today" for hostile terrains without a usable date, so that runs are reproducible. */
const TODAY = '2026-06-15';
const OPTIONS = { today: TODAY };

// ------------------------------------------------------------------ helpers

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
function validValue(f: Fact): fc.Arbitrary<string | number | boolean> {
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

const validTerrainArb: fc.Arbitrary<Terrain> = fc.record({
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
const anyTerrainArb: fc.Arbitrary<unknown> = fc.oneof(validTerrainArb as fc.Arbitrary<unknown>, hostileTerrainArb);

/**
 * A canonical deep copy that keeps what structuredClone and toStrictEqual disagree on:
 * NaN, -0, undefined-valued keys, key order and (optionally) null prototypes.
 */
function canon(v: unknown, keepProto: boolean): unknown {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : `<${Object.is(v, -0) ? '-0' : String(v)}>`;
  if (v === undefined) return '<undefined>';
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return { array: v.map((x) => canon(x, keepProto)) };
  const proto = Object.getPrototypeOf(v) === null ? 'null' : 'object';
  return { proto: keepProto ? proto : 'object', entries: Object.keys(v).map((k) => [k, canon((v as Record<string, unknown>)[k], keepProto)]) };
}

/** Deep equality through `canon` (fast); on a difference, toStrictEqual shows where. */
function expectSame(actual: unknown, expected: unknown, keepProto = true): void {
  if (JSON.stringify(canon(actual, keepProto)) !== JSON.stringify(canon(expected, keepProto))) {
    expect(canon(actual, keepProto)).toStrictEqual(canon(expected, keepProto));
  }
}

const verdictKey = (m: { measureId: string; buildingId?: string }): string => `${m.measureId}\u0000${m.buildingId ?? ''}`;

function verdicts(a: Assessment): Map<string, Status> {
  return new Map(a.measures.map((m) => [verdictKey(m), m.status]));
}

/** A fact position in a terrain: terrain level (building = -1) or a building's. */
interface Position {
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
function withFact(t: Terrain, pos: Position, value: unknown): Terrain {
  const copy = structuredClone(t);
  const facts = pos.building < 0 ? copy.facts : copy.buildings[pos.building].facts;
  facts[pos.factId] = value;
  return copy;
}

/** Transitive closure of the precedence edges: step → every step that must come after it. */
const REACH: Map<string, Set<string>> = (() => {
  const succ = new Map<string, string[]>();
  for (const e of bundledToolbox.precedence) succ.set(e.before, [...(succ.get(e.before) ?? []), e.after]);
  const reach = new Map<string, Set<string>>();
  for (const s of bundledToolbox.steps) {
    const seen = new Set<string>();
    const stack = [...(succ.get(s.id) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(succ.get(id) ?? []));
    }
    reach.set(s.id, seen);
  }
  return reach;
})();

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
const invalidCaseArb = fc
  .tuple(
    terrainWithBuildingsArb,
    fc.nat(),
    fc.constantFrom(...BUILDING_FACTS, ...BUILDING_FACTS, ...BUILDING_FACTS, ...TERRAIN_FACTS).chain((fact) => invalidValue(fact).map((bad) => ({ fact, bad }))),
  )
  .map(([t, n, { fact, bad }]) => ({ t, pos: { building: fact.scope === 'terrain' ? -1 : n % t.buildings.length, factId: fact.id }, bad }));

// ------------------------------------------------------------------ properties

// Run counts keep the file near 10 s of CPU on a 2-core machine; the generous timeout
// only guards against a busy machine (the run counts, not the clock, bound the work).
/** A valid terrain and one of its known facts. Terrain and position are drawn independently (the n-th known fact), so both shrink. */
const knownFactCaseArb = fc
  .tuple(validTerrainArb, fc.nat())
  .map(([t, n]) => ({ t, positions: knownPositions(t), n }))
  .filter(({ positions }) => positions.length > 0)
  .map(({ t, positions, n }) => ({ t, pos: positions[n % positions.length] }));

describe('engine properties (fast-check)', { timeout: 60_000 }, () => {
  it('1. assess never throws and always returns the arrays, for valid and hostile input', () => {
    fc.assert(
      fc.property(anyTerrainArb, (t) => {
        const r = assess(t as Terrain, OPTIONS);
        for (const key of ['measures', 'plan', 'dos', 'donts', 'nextQuestions', 'inputIssues'] as const) {
          expect(Array.isArray(r[key]), key).toBe(true);
        }
        expect(typeof r.toolboxVersion).toBe('string');
        expect(typeof r.assessmentDate).toBe('string');
        expect(typeof r.terrainId).toBe('string');
        for (const issue of r.inputIssues) {
          expect(typeof issue.factId).toBe('string');
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 700 },
    );
  });

  /** Checks a plan against the reachability of the precedence edges. */
  function expectPlanOrder(plan: Assessment['plan']): void {
    const pos = new Map(plan.map((p, i) => [p.stepId, i]));
    expect(pos.size).toBe(plan.length); // each step once
    for (const [x, i] of pos) {
      for (const y of REACH.get(x) ?? []) {
        const j = pos.get(y);
        if (j !== undefined && j <= i) expect.fail(`${x} must come before ${y}, plan: ${plan.map((p) => p.stepId).join(' → ')}`);
      }
    }
  }

  it('2. every plan respects every precedence edge, also transitively through steps not in the plan', () => {
    fc.assert(fc.property(validTerrainArb, (t) => expectPlanOrder(assess(t).plan)), { numRuns: 250 });
  });

  it('2b. … also when phases and priorities do not follow the edges (same edges, shuffled tie-breaks)', () => {
    // In the bundled toolbox (phase, priority) already orders every reachable pair, so a plan
    // sorted by phase alone would pass (2). Here the tie-break keys are random, so only the
    // precedence edges (direct and through steps outside the plan) can give the right order.
    const stepKeysArb = fc.array(fc.tuple(fc.constantFrom<Phase>(1, 2, 3, 4, 5), fc.integer({ min: 0, max: 100 })), {
      minLength: bundledToolbox.steps.length,
      maxLength: bundledToolbox.steps.length,
    });
    fc.assert(
      fc.property(validTerrainArb, stepKeysArb, (t, keys) => {
        const toolbox: Toolbox = { ...bundledToolbox, steps: bundledToolbox.steps.map((s, i) => ({ ...s, phase: keys[i][0], priority: keys[i][1] })) };
        expectPlanOrder(assess(t, { toolbox }).plan);
      }),
      { numRuns: 200 },
    );
  });

  it('3. an unknown fact never turns a measure blocked', () => {
    fc.assert(
      fc.property(knownFactCaseArb, ({ t, pos }) => {
        const before = verdicts(assess(t));
        const after = verdicts(assess(withFact(t, pos, null)));
        for (const [key, status] of after) {
          if (status === 'blocked' && before.get(key) !== 'blocked') {
            expect.fail(`${key.replace('\u0000', ' @ ')}: ${before.get(key)} → blocked after ${pos.factId} := null`);
          }
        }
      }),
      { numRuns: 450 },
    );
  });

  it('3b. a definite verdict reached with a fact unknown does not change once the fact is known', () => {
    // Stronger than 3: feasible, blocked and not-applicable (and a known duty) made while a fact is
    // unknown must hold for every value of it; only needs-info and conditional may be provisional.
    fc.assert(
      fc.property(knownFactCaseArb, ({ t, pos }) => {
        const known = assess(t).measures;
        const unknown = assess(withFact(t, pos, null)).measures;
        const byKey = new Map(known.map((m) => [`${m.measureId}@${m.buildingId ?? ''}`, m]));
        for (const m of unknown) {
          const k = byKey.get(`${m.measureId}@${m.buildingId ?? ''}`)!;
          if (['feasible', 'blocked', 'not-applicable'].includes(m.status) && k.status !== m.status) {
            expect.fail(`${m.measureId}@${m.buildingId}: ${m.status} with ${pos.factId} unknown, ${k.status} once known`);
          }
          if (m.obligation !== null && k.obligation !== m.obligation) {
            expect.fail(`${m.measureId}@${m.buildingId}: duty ${m.obligation} with ${pos.factId} unknown, ${k.obligation} once known`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('4. assess is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(anyTerrainArb, (t) => {
        const copy = structuredClone(canon(t, true));
        const first = assess(t as Terrain, OPTIONS);
        expectSame(canon(t, true), copy);
        const second = assess(t as Terrain, OPTIONS);
        const cloned = assess(structuredClone(t) as Terrain, OPTIONS);
        expectSame(second, first);
        // A structured clone loses null prototypes of the input (which inputIssues[].value may carry).
        expectSame(cloned, first, false);
        expectSame(canon(t, true), copy);
      }),
      { numRuns: 200 },
    );
  });

  it('5. an invalid value is reported and counts as unknown', () => {
    fc.assert(
      fc.property(invalidCaseArb, ({ t, pos, bad }) => {
        const withBad = assess(withFact(t, pos, bad));
        const withNull = assess(withFact(t, pos, null));
        const buildingId = pos.building < 0 ? undefined : t.buildings[pos.building].id;
        expect(withNull.inputIssues).toEqual([]);
        expect(withBad.inputIssues).toHaveLength(1);
        const [issue] = withBad.inputIssues;
        expect(issue.factId).toBe(pos.factId);
        expect(issue.buildingId).toBe(buildingId);
        expect(Object.is(issue.value, bad)).toBe(true);
        expect(issue.message.trim().length).toBeGreaterThan(0);
        expectSame(withBad.measures, withNull.measures);
        expectSame(withBad.plan, withNull.plan);
        expectSame(withBad.dos, withNull.dos);
        expectSame(withBad.donts, withNull.donts);
        expectSame(withBad.nextQuestions, withNull.nextQuestions);
      }),
      { numRuns: 250 },
    );
  });

  it('6. verdicts carry their reasons, missing facts and plan steps', () => {
    fc.assert(
      fc.property(anyTerrainArb, (t) => {
        const r = assess(t as Terrain, OPTIONS);
        const goingAhead = r.measures.filter((m) => m.status === 'feasible' || m.status === 'conditional');
        for (const m of r.measures) {
          const where = `${m.measureId} @ ${m.buildingId ?? 'terrein'} (${m.status})`;
          if (m.status === 'blocked' || m.status === 'conditional') {
            const ok = m.reasons.some((x) => (x.outcome === 'fail' || x.outcome === 'unknown') && x.text.trim().length > 0 && x.sourceIds.length > 0);
            expect(ok, where).toBe(true);
          }
          if (m.status === 'needs-info') expect(m.missingFacts.length, where).toBeGreaterThan(0);
          if (m.status !== 'feasible' && m.status !== 'conditional') expect(m.steps, where).toEqual([]);
          for (const x of m.reasons) for (const s of x.sourceIds) expect(SOURCE_IDS.has(s), `${where}: source ${s}`).toBe(true);
        }
        for (const item of r.plan) {
          expect(STEP_IDS.has(item.stepId), item.stepId).toBe(true);
          expect(item.phase).toBe(STEP_PHASE.get(item.stepId));
          expect(item.measureIds.length, item.stepId).toBeGreaterThan(0);
          for (const measureId of item.measureIds) {
            const owner = goingAhead.some((m) => m.measureId === measureId && m.steps.includes(item.stepId));
            expect(owner, `${item.stepId} for ${measureId}`).toBe(true);
          }
          for (const buildingId of item.buildingIds) {
            const owner = goingAhead.some((m) => m.buildingId === buildingId && item.measureIds.includes(m.measureId) && m.steps.includes(item.stepId));
            expect(owner, `${item.stepId} for building ${buildingId}`).toBe(true);
          }
        }
        // And the other way round: every step of a measure that goes ahead is in the plan.
        const planned = new Set(r.plan.map((p) => p.stepId));
        for (const m of goingAhead) for (const s of m.steps) expect(planned.has(s), `${m.measureId}: ${s}`).toBe(true);
      }),
      { numRuns: 450 },
    );
  });
});
