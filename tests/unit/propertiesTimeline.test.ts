/**
 * Properties of the plan on the calendar (SPEC §7 plan[].startWeek/endWeek, fast-check with the
 * run's seed): every step starts at or after the end of each predecessor, and no later unless it
 * waits for an application round; its length is its lead time from the step data; the timeline's
 * length equals the longest path, computed here on its own from the edges and lead times; the
 * critical steps form a chain from the start to the end; the same input gives the same timeline.
 * Plus unit cases: a round that is open needs no wait, the timeline of an empty plan, the
 * earliest installation per measure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, type Assessment } from '../../src/engine/index';
import { validTerrainArb } from './helpers/terrainArbitraries';

const lead = new Map(bundledToolbox.steps.map((s) => [s.id, s.leadTimeWeeks]));
const dateArb = fc.constantFrom('2024-03-01', '2025-09-20', '2025-10-20', '2026-06-01', '2026-11-16', '2027-02-01');

function expectTimeline(r: Assessment): void {
  const byId = new Map(r.plan.map((p) => [p.stepId, p]));
  // The longest path, on its own: a step ends its lead time after its latest predecessor, or after the round it waited for.
  const longest = new Map<string, number>();
  const pathEnd = (id: string): number => {
    const known = longest.get(id);
    if (known !== undefined) return known;
    const item = byId.get(id)!;
    let ready = 0;
    for (const reason of item.reasons) ready = Math.max(ready, pathEnd(reason.after));
    const start = item.waitsForWindow ? Math.max(ready, item.startWeek) : ready;
    const end = start + lead.get(id)!.min;
    longest.set(id, end);
    return end;
  };
  let length = 0;
  for (const item of r.plan) {
    const ready = Math.max(0, ...item.reasons.map((reason) => byId.get(reason.after)!.endWeek));
    for (const reason of item.reasons) expect(item.startWeek, `${item.stepId} after ${reason.after}`).toBeGreaterThanOrEqual(byId.get(reason.after)!.endWeek);
    if (!item.waitsForWindow) expect(item.startWeek, `${item.stepId} starts as soon as it can`).toBe(ready);
    else expect(item.waitsForWindow.readyWeek).toBe(ready);
    expect(item.endWeek - item.startWeek).toBe(lead.get(item.stepId)!.min);
    expect(item.endWeekMax).toBeGreaterThanOrEqual(item.endWeek);
    length = Math.max(length, pathEnd(item.stepId));
  }
  expect(r.timeline.weeks).toBe(length);
  expect(r.timeline.weeksMax).toBe(Math.max(0, ...r.plan.map((p) => p.endWeekMax)));
  // The critical steps: each ends the plan or makes a critical successor start; each starts at 0, at a round, or after a critical predecessor.
  const critical = r.plan.filter((p) => p.critical);
  if (r.plan.length) expect(critical.some((p) => p.endWeek === r.timeline.weeks)).toBe(true);
  for (const item of critical) {
    const startsItself = item.startWeek === 0 || (item.waitsForWindow !== undefined && item.startWeek > item.waitsForWindow.readyWeek);
    if (!startsItself) expect(item.reasons.some((reason) => byId.get(reason.after)!.critical && byId.get(reason.after)!.endWeek === item.startWeek), `${item.stepId} critical without a critical predecessor`).toBe(true);
  }
  for (const item of r.plan) if (item.endWeek === r.timeline.weeks) expect(item.critical).toBe(true);
}

describe('timeline properties', () => {
  it('1. steps start after their predecessors, the length is the longest path, the critical path is a chain', () => {
    fc.assert(fc.property(validTerrainArb, dateArb, (t, date) => expectTimeline(assess({ ...t, assessmentDate: date }))), { numRuns: 200 });
  }, 60_000);

  it('2. the same input gives the same timeline', () => {
    fc.assert(
      fc.property(validTerrainArb, dateArb, (t, date) => {
        const input = { ...t, assessmentDate: date };
        const a = assess(input);
        assess({ ...input, assessmentDate: '2026-10-15' }); // another date in between leaves nothing behind
        const b = assess(structuredClone(input));
        expect(b.plan).toEqual(a.plan);
        expect(b.timeline).toEqual(a.timeline);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('timeline cases', () => {
  const sdeTerrain = (assessmentDate: string) => ({
    id: 't', name: 'SDE', assessmentDate, facts: {},
    buildings: [{ id: 'b1', name: 'Hal', facts: { use: 'industry', connection: 'large', tenure: 'owner', roofAreaM2: 3000, roofType: 'flat', roofOrientation: 'south', asbestos: false, roofLoadReserveKgM2: 30, roofRemainingLifeYears: 30, roofInsulation: 'mineral-wool', sandwichPanels: false, shading: 'none', monument: 'none', existingPvKwp: 0, contractedFeedInKw: 1000, contractedOfftakeKw: 500, peakOfftakeKw: 200 } }],
  });

  it('an application ready while a round is open does not wait; one ready before the next round does', () => {
    const open = assess(sdeTerrain('2025-10-01')).plan.find((p) => p.stepId === 'subsidy-application');
    expect(open).toBeDefined();
    expect(open!.waitsForWindow).toBeUndefined();
    const closed = assess(sdeTerrain('2026-01-05')).plan.find((p) => p.stepId === 'subsidy-application')!;
    expect(closed.waitsForWindow?.opens).toBe('2026-10-01');
    expect(closed.indicative).toBe(true); // the 2026 round's dates are unconfirmed
    expect(closed.startWeek).toBe(Math.ceil((Date.parse('2026-10-01') - Date.parse('2026-01-05')) / 86_400_000 / 7));
  });

  it('each going-ahead measure with an installation step gets its earliest installation, the panels for PV', () => {
    const r = assess(sdeTerrain('2026-01-05'));
    const pv = r.timeline.installations.find((x) => x.measureId === 'pv-roof');
    expect(pv?.stepId).toBe('pv-installation');
    expect(pv?.startWeek).toBe(r.plan.find((p) => p.stepId === 'pv-installation')!.startWeek);
    const starts = r.timeline.installations.map((x) => x.startWeek);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('an empty plan has a timeline of 0 weeks and nothing critical', () => {
    const r = assess({ id: 'e', name: 'Leeg', assessmentDate: '2026-06-01', facts: {}, buildings: [] });
    expect(r.timeline).toEqual({ weeks: 0, weeksMax: 0, installations: [], indicative: r.plan.some((p) => p.indicative) });
    expect(r.plan.filter((p) => p.critical).length).toBe(r.plan.length ? r.plan.filter((p) => p.endWeek === 0).length : 0);
  });
});
