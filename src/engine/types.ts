/**
 * The shapes of the toolbox data (toolbox-data/*.json), of a terrain (the input)
 * and of an assessment (the output). The JSON Schemas in toolbox-data/schema/
 * describe the same shapes for the data files; keep both in step.
 */
import type { BusinessCase, BusinessSpec } from './business';
import type { LeadTime, PlanItem, Timeline } from './planTypes';
export type * from './planTypes';

export type Lang = 'nl' | 'en';
/** A text in both UI languages. */
export interface Text {
  nl: string;
  en: string;
}

// ---------------------------------------------------------------- sources
/** Tag of a source, as in the research notes: law, grid operator, insurer, subsidy, good practice, context. */
export type SourceKind = 'WET' | 'NET' | 'VERZ' | 'SUB' | 'GP' | 'INFO';

/** One reference record; everything else cites sources by id. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Date the source was last checked (YYYY-MM-DD). */
  checked: string;
  kind: SourceKind;
}

// ---------------------------------------------------------------- facts
export type FactType = 'number' | 'integer' | 'boolean' | 'enum';
export type Scope = 'terrain' | 'building';

export interface FactOption {
  value: string;
  label: Text;
}

/** A section of the entry form. */
export interface FactGroup {
  id: string;
  scope: Scope;
  label: Text;
}

/** One input fact: the form, the validation, the engine and the report read this catalogue. */
export interface Fact {
  id: string;
  scope: Scope;
  type: FactType;
  /** Form section the fact belongs to. */
  group: string;
  unit?: string;
  min?: number;
  max?: number;
  options?: FactOption[];
  label: Text;
  help: Text;
}

// ---------------------------------------------------------------- parameters
export type ParamValue = number | string | boolean;

/** A value of a parameter, valid on [validFrom, validTo) (either may be open). */
export interface ParameterValue {
  value: ParamValue;
  validFrom?: string;
  validTo?: string;
  sources: string[];
  checked: string;
  /** The research notes mark the value UNCONFIRMED: the UI shows it as "indicatief". */
  unconfirmed?: boolean;
  note?: string;
}

export interface Parameter {
  id: string;
  label: Text;
  /** Unit of the value; "date" for dates, "-" for ratios and counts. */
  unit: string;
  /** A user may put an own value (a quote, a tariff) in its place for one terrain, within [min, max]. */
  adjustable?: { min: number; max: number; help: Text };
  values: ParameterValue[];
}

// ---------------------------------------------------------------- steps
export type Phase = 1 | 2 | 3 | 4 | 5;

export interface Step {
  id: string;
  phase: Phase;
  /** Stable tie-break inside a phase: lower first. */
  priority: number;
  label: Text;
  description: Text;
  sources: string[];
  leadTimeWeeks: LeadTime;
  /** A switch parameter, true while an application round is open: between rounds the step waits for the next. */
  applicationWindow?: string;
}

/** "before" must be done before "after". */
export interface Precedence {
  before: string;
  after: string;
  why: Text;
  sources: string[];
}

// ---------------------------------------------------------------- calcs
/** What a calculated quantity is called and measured in (toolbox-data/calcs.json); its formula is in src/engine/calcs/. */
export interface CalcInfo {
  id: string;
  label: Text;
  unit: string;
  /** Part of a generation measure's `potential`. */
  potential?: 'kwp' | 'kwh';
}

// ---------------------------------------------------------------- expressions
/** A value in a comparison: a literal, a parameter, a fact or a calculated quantity. */
export type Operand = number | string | boolean | { param: string } | { fact: string } | { calc: string };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin';

/** A comparison of exactly one subject (fact, calc, parameter or the assessment date) with a value. */
export interface Comparison {
  fact?: string;
  calc?: string;
  /** A dated parameter as subject (e.g. "is the EIA PV rule for small connections only in force?"). */
  param?: string;
  assessmentDate?: true;
  op: CompareOp;
  value: Operand | Array<string | number | boolean>;
}

/** A named condition used by its id (toolbox-data/conditions.json); it compiles to the same node wherever it is used. */
export interface ConditionRef {
  ref: string;
}

/** Three-valued expression: all / any / not / comparison / a named condition. */
export type Expr = { all: Expr[] } | { any: Expr[] } | { not: Expr } | ConditionRef | Comparison;

/** An expression that recurs, said once and used by its id ("large connection", "energy-saving duty"). */
export interface NamedCondition {
  id: string;
  label: Text;
  expr: Expr;
  sources: string[];
}

// ---------------------------------------------------------------- measures
/** What kind of obstacle a condition is; the compare view groups blockers by it. */
export type ConditionKind = 'grid' | 'roof' | 'insurance' | 'organisation' | 'law' | 'subsidy' | 'info';

export interface Condition {
  /** Rule id, e.g. "R-PV-01" (stable; cited in reasons). */
  id: string;
  /** The condition only matters when this holds (Kleene implication: not(when) or test). */
  when?: Expr;
  /** Must hold for the measure to be feasible. */
  test: Expr;
  kind: ConditionKind;
  /** What a definite failure means. */
  onFail: 'blocked' | 'conditional';
  /** Steps that resolve a failure (conditional) — they join the plan. */
  resolvedBy?: string[];
  /** What an unknown value means: a decisive gap (needs-info, default) or a step that finds out (conditional). */
  onUnknown?: 'needs-info' | 'conditional';
  /** Steps that find the unknown out (onUnknown = conditional). */
  resolvedByWhenUnknown?: string[];
  /** Sentence when the condition fails; may use {observed}, {expected} and {limit}. Every data text may use {param:<id>} (src/engine/texts.ts). */
  text: Text;
  /** What would make the measure feasible (every condition has one; an applicability rule has none: there is nothing to do). */
  fix?: Text;
  sources: string[];
}

export interface StepUse {
  step: string;
  /** Step is needed only when this holds (unknown counts as needed). */
  when?: Expr;
}

export interface Advice {
  id: string;
  text: Text;
  /** Applies when this is not false. */
  when?: Expr;
  sources: string[];
}

export interface SubsidyRoute {
  /** Scheme id, e.g. "sde", "sce", "eia", "mia-vamil", "isde", "saldering". */
  scheme: string;
  /** Scheme open for this route on the assessment date. */
  available?: Expr;
  /** Eligibility of this measure/building. */
  eligible: Expr;
  text: Text;
  sources: string[];
}

export interface Obligation {
  id: string;
  when: Expr;
  text: Text;
  sources: string[];
}

export interface Measure {
  id: string;
  scope: Scope;
  label: Text;
  summary: Text;
  /** Each must hold; false → not-applicable, unknown → needs-info. */
  applies: Condition[];
  obligation?: Obligation;
  conditions: Condition[];
  steps: StepUse[];
  dos: Advice[];
  donts: Advice[];
  subsidies: SubsidyRoute[];
  /** Calculated quantities shown with the verdict (calc ids). */
  quantities: string[];
  business?: BusinessSpec;
  sources: string[];
}

export interface ToolboxMeta {
  version: string;
  title: Text;
  released: string;
}

/** The whole toolbox, as loaded from toolbox-data/. */
export interface Toolbox {
  meta: ToolboxMeta;
  sources: Source[];
  factGroups: FactGroup[];
  facts: Fact[];
  parameters: Parameter[];
  conditions: NamedCondition[];
  calcs: CalcInfo[];
  steps: Step[];
  precedence: Precedence[];
  measures: Measure[];
  /** The recognised measures of the energy-saving duty (toolbox-data/eml.json). */ eml?: EmlData;
}

// ---------------------------------------------------------------- input
export type FactValue = string | number | boolean | null;

/** The terrain record's shape is declared once, in toolbox-data/schema/terrain.schema.json; these types are generated from it. */
export type { Building, BuildingLocation, Survey, Terrain } from './terrain.generated';
/** The grid summary's and the EML checklist's shapes are in their own files (this file keeps under the 400-line rule). */
export type * from './gridTypes';
export type * from './emlTypes';
import type { GridSummary } from './gridTypes';
import type { EmlChecklist, EmlData } from './emlTypes';
// ---------------------------------------------------------------- output
export type Status = 'feasible' | 'conditional' | 'blocked' | 'needs-info' | 'not-applicable';
export type Outcome = 'pass' | 'fail' | 'unknown';

export interface Expected {
  op: CompareOp;
  value: ParamValue | ParamValue[] | null;
}

export interface Reason {
  ruleId: string;
  /** The fact that decides it, where one does. */
  factId?: string;
  /** Every input fact the rule could read, also through calcs (static), deciding fact first, then catalogue order; shared: do not change it. */
  factIds: string[];
  /** The calculated quantity that decides it, where one does. */
  calcId?: string;
  observed: ParamValue | null;
  /** `observed` is only a minimum (a calc an unknown input only adds to: the fleet's demand, trucks unknown): "min.". */ observedAtLeast?: true;
  expected?: Expected;
  outcome: Outcome;
  kind: ConditionKind | 'applicability' | 'obligation';
  /** Dutch sentence. */
  text: string;
  /** English sentence. */
  textEn: string;
  /** What would make it feasible (Dutch / English). */
  fix?: string;
  fixEn?: string;
  /** Steps that resolve it. */
  resolvedBy: string[];
  sourceIds: string[];
  /** Rests on a value the research notes mark UNCONFIRMED. */
  indicative: boolean;
}

export interface Quantity {
  id: string;
  value: number | null;
  unit: string;
  parameterIds: string[];
  missingFacts: string[];
  indicative: boolean;
  /** The value is a maximum, not exact (an input it bounds is unknown): shown "max.". */
  upperBound?: true;
}

export interface SubsidyResult {
  scheme: string;
  status: 'eligible' | 'not-eligible' | 'unknown' | 'closed';
  text: string;
  textEn: string;
  sourceIds: string[];
  indicative: boolean;
}

export interface MeasureResult {
  measureId: string;
  buildingId?: string;
  status: Status;
  /** true: legal duty; false: not a duty; null: cannot tell yet. */
  obligation: boolean | null;
  reasons: Reason[];
  missingFacts: string[];
  steps: string[];
  quantities: Quantity[];
  potential?: { kwp: number | null; kwhPerYear: number | null; /** A maximum, as in Quantity. */ upperBound?: true };
  /** Investment, yearly saving and payback, for measures with a cost model that apply. */
  business?: BusinessCase;
  subsidies: SubsidyResult[];
  indicative: boolean;
}

export interface AdviceResult {
  id: string;
  text: string;
  textEn: string;
  measureIds: string[];
  buildingIds: string[];
  sourceIds: string[];
}

export interface NextQuestion {
  factId: string;
  scope: Scope;
  buildingIds: string[];
  measureIds: string[];
  /** Number of verdicts (measure × building) this answer would help decide. */
  count: number;
}

export interface InputIssue {
  /** The fact, or for an own parameter value (`parameter` true) the parameter. */
  factId: string;
  parameter?: true;
  buildingId?: string;
  value: unknown;
  message: string;
  messageEn: string;
}

export interface Assessment {
  toolboxVersion: string;
  assessmentDate: string;
  terrainId: string;
  /** The terrain's own parameter values that were used (valid ones only), with the toolbox value they replace. */
  ownValues: OwnValue[];
  measures: MeasureResult[];
  plan: PlanItem[];
  /** The plan on the calendar: its length and each measure's earliest installation. */
  timeline: Timeline;
  dos: AdviceResult[];
  donts: AdviceResult[];
  nextQuestions: NextQuestion[];
  inputIssues: InputIssue[];
  /** The terrain as one grid. */
  grid: GridSummary;
  /** Per building, the recognised measures of the energy-saving duty. */ eml: EmlChecklist[];
}

export interface OwnValue {
  parameterId: string;
  value: number;
  unit: string;
  /** The toolbox value on the assessment date, and whether the research notes mark it unconfirmed. */
  toolboxValue: ParamValue | null;
  toolboxUnconfirmed: boolean;
}

export interface AssessOptions {
  toolbox?: Toolbox;
  /** Overrides "today" when the terrain has no assessmentDate. */ today?: string;
  /** false: leave the EML checklist out (`eml` is empty), for runs that compare verdicts only (the walk's probes). */ eml?: false;
  /** Overrides of parameter values (id → value) on top of the terrain's own values; any parameter, unchecked (for tests and what-if runs). */
  parameterOverrides?: Record<string, ParamValue>;
}
