/** The timeline's rows: bars as shares of the length, the wait before a round, dates; the axis marks. */
import { describe, expect, it } from 'vitest';
import { assess } from '../../engine/index';
import type { Assessment, PlanItem } from '../../engine/types';
import { axisTicks, timelineRows } from './timelineRows';

const item = (stepId: string, startWeek: number, endWeek: number, extra: Partial<PlanItem> = {}): PlanItem => ({
  stepId, phase: 2, measureIds: [], buildingIds: [], reasons: [], startWeek, endWeek, endWeekMax: endWeek * 2, critical: false, indicative: false, ...extra,
});

describe('timelineRows', () => {
  it('places each bar as a share of the timeline and dates it from the assessment date', () => {
    const a: Pick<Assessment, 'plan' | 'timeline' | 'assessmentDate'> = {
      assessmentDate: '2026-06-01',
      plan: [item('roof-inspection', 0, 1), item('subsidy-application', 18, 31, { critical: true, waitsForWindow: { parameterId: 'sdeRoundOpen', readyWeek: 2, opens: '2026-10-01' } }), item('pv-installation', 31, 40)],
      timeline: { weeks: 40, weeksMax: 80, installations: [], indicative: false },
    };
    const [roof, sde, pv] = timelineRows(a);
    expect([roof.left, roof.width]).toEqual([0, 2.5]);
    expect([sde.waitLeft, sde.waitWidth, sde.left, sde.width]).toEqual([5, 40, 45, 32.5]);
    expect(sde.waitsFor).toBe('2026-10-01');
    expect(roof.waitsFor).toBeUndefined();
    expect(pv.left + pv.width).toBe(100);
    expect([roof.startDate, roof.endDate]).toEqual(['2026-06-01', '2026-06-08']);
    expect(sde.startDate).toBe('2026-10-05');
  });

  it('a real assessment gives bars inside the chart, none of them empty', () => {
    const r = assess({ id: 't', name: 'T', assessmentDate: '2026-06-01', facts: {}, buildings: [{ id: 'b', name: 'B', facts: { roofAreaM2: 800, roofType: 'flat', asbestos: true } }] });
    const rows = timelineRows(r);
    expect(rows.length).toBe(r.plan.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.width).toBeGreaterThan(0);
      expect(row.left + row.width).toBeLessThanOrEqual(100);
    }
    expect(Math.max(...rows.map((x) => x.left + x.width))).toBe(100);
  });
});

describe('axisTicks', () => {
  it('starts at 0, ends at the length, with at most seven marks', () => {
    for (const weeks of [0, 1, 5, 11, 36, 59, 156, 700]) {
      const ticks = axisTicks(weeks);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBe(Math.max(1, weeks));
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
    }
  });
});
