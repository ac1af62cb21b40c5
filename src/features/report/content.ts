/**
 * What the report prints, decided before anything is rendered (pure): one sheet per company
 * (and one for the terrain's own measures) with its duties, what it can do, what cannot yet,
 * its own steps in plan order; the do's and don'ts that apply (all, or those of one company);
 * and the citations: every source the printed items name gets a number in order of first
 * citation, so the list at the end holds exactly the sources cited. Rendering in slices can
 * then number the sources of a sheet not yet rendered.
 */
import { bundledToolbox } from '../../engine';
import type { AdviceResult, Assessment, EmlChecklist, MeasureResult, PlanItem, Terrain } from '../../engine/types';

export interface Sheet {
  /** undefined: the terrain's own measures and steps. */
  buildingId?: string;
  duties: MeasureResult[];
  /** Feasible or conditional, not a duty. */
  possible: MeasureResult[];
  /** Blocked or needing information, not a duty. */
  notYet: MeasureResult[];
  steps: PlanItem[];
  /**
   * The building's EML checklist when the company has something to act on (an item applies, in
   * the duty's scope): a list of only open, done or inapplicable items is the assessment's (and
   * the walk's questions), not a hand-out's, and a building outside the duty has nothing to take
   * from it (the assessment says why). The report keeps to its page budget.
   */
  eml?: EmlChecklist;
}

/** The source the EML block of a sheet cites: the list itself (the assessment and the handbook give the rest). */
export const EML_SOURCES: readonly string[] = bundledToolbox.eml ? [bundledToolbox.eml.listSource] : [];

export interface ReportContent {
  sheets: Sheet[];
  advice: { dos: AdviceResult[]; donts: AdviceResult[] };
  /** Source id → its number in the list. */
  numbers: Map<string, number>;
  /** The cited source ids in number order. */
  sources: string[];
}

const isDuty = (m: MeasureResult) => m.obligation !== false;

function sheetOf(assessment: Assessment, buildingId: string | undefined): Sheet {
  const own = assessment.measures.filter((m) => m.buildingId === buildingId && m.status !== 'not-applicable');
  return {
    ...(buildingId ? { buildingId } : {}),
    duties: own.filter(isDuty),
    possible: own.filter((m) => !isDuty(m) && (m.status === 'feasible' || m.status === 'conditional')),
    notYet: own.filter((m) => !isDuty(m) && (m.status === 'blocked' || m.status === 'needs-info')),
    steps: assessment.plan.filter((p) => (buildingId ? p.buildingIds.includes(buildingId) : p.buildingIds.length === 0)),
    ...emlPart(assessment, buildingId),
  };
}

function emlPart(assessment: Assessment, buildingId: string | undefined): Pick<Sheet, 'eml'> {
  const eml = buildingId ? assessment.eml.find((c) => c.buildingId === buildingId) : undefined;
  const told = eml && eml.duty !== false && eml.counts.applies > 0;
  return told ? { eml } : {};
}

/**
 * The reasons a sheet prints: what holds or fails. One that waits for a fact is not printed as
 * a rule; the sheet lists the verdict's missing facts as what to find out instead.
 */
export const printedReasons = (m: MeasureResult) => m.reasons.filter((r) => r.outcome !== 'unknown');

/** The sheet's verdicts in print order. */
export const sheetVerdicts = (s: Sheet): MeasureResult[] => [...s.duties, ...s.possible, ...s.notYet];

/**
 * `only`: one company's report (its sheet and its advice). `leading`: sources cited before the
 * sheets (the grid panel's), numbered first.
 */
export function reportContent(terrain: Pick<Terrain, 'buildings'>, assessment: Assessment, only?: string, leading: string[] = []): ReportContent {
  const ids = only ? [only] : terrain.buildings.map((b) => b.id);
  const sheets = ids.map((id) => sheetOf(assessment, id));
  if (!only) {
    const terrainSheet = sheetOf(assessment, undefined);
    if (sheetVerdicts(terrainSheet).length || terrainSheet.steps.length) sheets.push(terrainSheet);
  }
  const applies = (a: AdviceResult) => !only || a.buildingIds.includes(only);
  const advice = { dos: assessment.dos.filter(applies), donts: assessment.donts.filter(applies) };
  const numbers = new Map<string, number>();
  const cite = (sourceIds: readonly string[]) => sourceIds.forEach((s) => numbers.has(s) || numbers.set(s, numbers.size + 1));
  if (!only) cite(leading);
  for (const s of sheets) {
    for (const m of sheetVerdicts(s)) for (const r of printedReasons(m)) cite(r.sourceIds);
    if (s.eml) cite(EML_SOURCES);
  }
  for (const a of [...advice.dos, ...advice.donts]) cite(a.sourceIds);
  return { sheets, advice, numbers, sources: [...numbers.keys()] };
}

/** "[3, 7]" for the cited sources (unknown ids left out), or '' when none. */
export function citeText(numbers: Map<string, number>, sourceIds: readonly string[]): string {
  const n = [...new Set(sourceIds.flatMap((s) => numbers.get(s) ?? []))].sort((a, b) => a - b);
  return n.length ? `[${n.join(', ')}]` : '';
}
