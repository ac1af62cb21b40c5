/**
 * Engine properties of verdicts and plans (SPEC §4–7, fast-check): every plan respects the
 * precedence edges, also transitively and whatever the phases and priorities; an unknown
 * fact never turns a measure blocked and a definite verdict holds once the fact is known (also a
 * conditional one decided while a needs-info condition is open);
 * verdicts carry their reasons, missing facts and plan steps. The arbitraries are in
 * helpers/terrainArbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, type Assessment, type Phase, type Status, type Terrain, type Toolbox } from '../../src/engine/index';
import { anyTerrainArb, knownFactCaseArb, OPTIONS, validTerrainArb, withFact } from './helpers/terrainArbitraries';

const STEP_IDS = new Set(bundledToolbox.steps.map((s) => s.id));
const SOURCE_IDS = new Set(bundledToolbox.sources.map((s) => s.id));
const STEP_PHASE = new Map(bundledToolbox.steps.map((s) => [s.id, s.phase]));

const verdictKey = (m: { measureId: string; buildingId?: string }): string => `${m.measureId}\u0000${m.buildingId ?? ''}`;

function verdicts(a: Assessment): Map<string, Status> {
  return new Map(a.measures.map((m) => [verdictKey(m), m.status]));
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

// Run counts keep the engine properties (this file and propertiesInput.test.ts) near 10 s of CPU on a
// 2-core machine; the generous timeout only guards against a busy machine (the run counts,
// not the clock, bound the work).
describe('engine properties (fast-check)', { timeout: 60_000 }, () => {
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

  it('3c. a verdict decided while a needs-info condition is open (no answer can change it) holds for every value of the fact', () => {
    // A condition whose unknown means needs-info may stay open only when a failed one already reaches every rank it could.
    const needsInfoWhenUnknown = new Set(bundledToolbox.measures.flatMap((m) => m.conditions.filter((c) => c.onUnknown !== 'conditional').map((c) => c.id)));
    let seen = 0;
    fc.assert(
      fc.property(knownFactCaseArb, ({ t, pos }) => {
        const known = assess(t).measures;
        const unknown = assess(withFact(t, pos, null)).measures;
        unknown.forEach((m, i) => {
          if (m.status === 'needs-info' || !m.missingFacts.includes(pos.factId)) return;
          if (!m.reasons.some((r) => r.outcome === 'unknown' && needsInfoWhenUnknown.has(r.ruleId))) return;
          seen++;
          if (known[i].status !== m.status) expect.fail(`${m.measureId}@${m.buildingId}: ${m.status} with ${pos.factId} unknown, ${known[i].status} once known`);
        });
      }),
      { numRuns: 400 },
    );
    expect(seen).toBeGreaterThan(0);
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
