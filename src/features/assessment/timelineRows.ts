/**
 * The plan's timeline as rows for the Gantt chart and its table: each step's bar as a share of
 * the timeline's length, its wait for an application round, and its dates from the assessment date.
 */
import type { Assessment } from '../../engine/types';
import { dateAfterWeeks } from '../../engine/timeline';

export interface TimelineRow {
  stepId: string;
  startWeek: number;
  endWeek: number;
  endWeekMax: number;
  critical: boolean;
  indicative: boolean;
  startDate: string;
  endDate: string;
  /** Left edge and width of the bar, in % of the chart. */
  left: number;
  width: number;
  /** The wait for a round before the bar, in % (0 when none). */
  waitLeft: number;
  waitWidth: number;
  /** The round it waits for: its opening date, or null when no round is known; undefined when it does not wait. */
  waitsFor?: string | null;
}

/** The rows in plan order; a chart of 0 weeks is drawn 1 week wide so that no division is by 0. */
export function timelineRows(assessment: Pick<Assessment, 'plan' | 'timeline' | 'assessmentDate'>): TimelineRow[] {
  const span = Math.max(1, assessment.timeline.weeks);
  const pct = (weeks: number): number => Math.round((weeks / span) * 10_000) / 100;
  return assessment.plan.map((item) => {
    const wait = item.waitsForWindow;
    const waitFrom = wait && item.startWeek > wait.readyWeek ? wait.readyWeek : item.startWeek;
    return {
      stepId: item.stepId,
      startWeek: item.startWeek,
      endWeek: item.endWeek,
      endWeekMax: item.endWeekMax,
      critical: item.critical,
      indicative: item.indicative,
      startDate: dateAfterWeeks(assessment.assessmentDate, item.startWeek),
      endDate: dateAfterWeeks(assessment.assessmentDate, item.endWeek),
      left: pct(item.startWeek),
      width: pct(item.endWeek - item.startWeek),
      waitLeft: pct(waitFrom),
      waitWidth: pct(item.startWeek - waitFrom),
      waitsFor: wait ? wait.opens : undefined,
    };
  });
}

/** Week marks for the axis: 0, the end, and round steps between (at most about six marks). */
export function axisTicks(weeks: number): number[] {
  const span = Math.max(1, weeks);
  const step = [1, 2, 4, 8, 13, 26, 52, 104].find((s) => span / s <= 6) ?? 208;
  const ticks: number[] = [];
  for (let w = 0; w < span; w += step) ticks.push(w);
  if (span - ticks[ticks.length - 1] < step / 2 && ticks.length > 1) ticks.pop();
  ticks.push(span);
  return ticks;
}
