/**
 * Indicators per building and per terrain for the compare view, the report summary and the two
 * CSVs: PV potential, CO₂ reduction potential, investment, yearly saving and payback (from the
 * verdicts' business cases), verdicts by status, open obligations, blockers by kind, what the
 * grid lacks, congestion and the terrain's grid figures. A terrain's figures are the sums of its
 * buildings' (plus its terrain-level verdicts). Pure: derived from an assessment, never stored.
 */
import { bundledToolbox } from '../../engine/toolbox';
import type { Assessment, GridSummary, MeasureResult, Parameter, Status, Terrain } from '../../engine/types';
import { STATUS_ORDER } from '../../ui/statusOrder';
import { co2Factors, counts, heatPumpOf, HEAT_PUMPS, measureCo2Kg, type Co2Factors, type Total } from './co2';

export type { Total } from './co2';

/** Blocker kinds as the compare view groups them. */
export const BLOCKER_KINDS = ['grid', 'roof', 'insurance', 'organisation', 'law', 'info'] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

/** What a building or a terrain adds up to. */
export interface Figures {
  pvKwp: number;
  pvKwhPerYear: number;
  /** null when the toolbox has no emission factor on the date. */
  co2KgPerYear: Total | null;
  investmentEur: Total;
  savingsEurPerYear: Total;
  /** Investment and saving of the measures whose both are known: the payback is their quotient. */
  paidBack: { investmentEur: number; savingsEurPerYear: number };
  /** CO₂ and investment of the measures whose both are known: the CO₂ per euro is their quotient. */
  perEuro: { co2Kg: number; investmentEur: number };
  byStatus: Record<Status, number>;
  obligations: number;
  obligationsUnknown: number;
  blockers: Record<BlockerKind, number>;
  /** kW the grid lacks: the largest excess of a new demand over the building's headroom, and PV feed-in above its contract (each a lower bound on the whole). */
  offtakeShortKw: number;
  feedInShortKw: number;
}

export interface BuildingIndicators extends Figures {
  buildingId: string;
  name: string;
  companyName: string;
  floorAreaM2: number | null;
}

export interface TerrainIndicators extends Figures {
  terrainId: string;
  name: string;
  municipality: string;
  /** Rounded for display: kWp to one decimal, MWh to one decimal. */
  pvMwhPerYear: number;
  co2Indicative: boolean;
  paybackYears: number | null;
  buildings: number;
  /** The buildings with a known floor area and their area: the per-m² figures are over these. */
  floorArea: { buildings: number; m2: number; pvKwp: number; co2Kg: number };
  congestionOfftake: string | null;
  congestionFeedIn: string | null;
  grid: GridSummary;
  perBuilding: BuildingIndicators[];
}

/** Which blocker kind a failed or unknown reason counts as. */
function blockerKind(kind: string, outcome: string): BlockerKind | null {
  if (outcome === 'unknown') return 'info';
  switch (kind) {
    case 'grid':
    case 'roof':
    case 'insurance':
    case 'organisation':
    case 'law':
      return kind;
    case 'subsidy':
      return 'law';
    default:
      return null;
  }
}

/** Roof PV potential counts once per building (the cooperative roof is the same roof). */
const PV_MEASURES = ['pv-roof', 'pv-carport'];
const OFFTAKE_EXCESS = ['heatPumpExcessKw', 'fleetChargingExcessKw'];

const quantity = (m: MeasureResult, id: string): number | null => {
  const v = m.quantities.find((q) => q.id === id)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
/** Whether the grid is (part of) why this verdict is blocked, or the measure still counts: then what it lacks of the grid counts. */
const gridMatters = (m: MeasureResult): boolean => counts(m) || (m.status === 'blocked' && m.reasons.some((r) => r.kind === 'grid' && r.outcome === 'fail'));

function emptyFigures(withCo2: boolean): Figures {
  return {
    pvKwp: 0,
    pvKwhPerYear: 0,
    co2KgPerYear: withCo2 ? { value: 0, complete: true } : null,
    investmentEur: { value: 0, complete: true },
    savingsEurPerYear: { value: 0, complete: true },
    paidBack: { investmentEur: 0, savingsEurPerYear: 0 },
    perEuro: { co2Kg: 0, investmentEur: 0 },
    byStatus: Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>,
    obligations: 0,
    obligationsUnknown: 0,
    blockers: Object.fromEntries(BLOCKER_KINDS.map((k) => [k, 0])) as Record<BlockerKind, number>,
    offtakeShortKw: 0,
    feedInShortKw: 0,
  };
}

const addTo = (t: Total, v: number | null): void => {
  if (v === null) t.complete = false;
  else t.value += v;
};

/** The figures of a set of verdicts: one building's (with its facts, for the CO₂ figure), or the terrain level's. */
function figuresOf(results: readonly MeasureResult[], factors: Co2Factors | null, facts?: Record<string, unknown>): Figures {
  const f = emptyFigures(factors !== null);
  const heatPump = heatPumpOf(results);
  let offtakeShort = 0;
  for (const m of results) {
    f.byStatus[m.status]++;
    if (m.obligation === true && m.status !== 'not-applicable') f.obligations++;
    if (m.obligation === null) f.obligationsUnknown++;
    if (counts(m)) {
      if (PV_MEASURES.includes(m.measureId)) {
        f.pvKwp += m.potential?.kwp ?? 0;
        f.pvKwhPerYear += m.potential?.kwhPerYear ?? 0;
      }
      // The other heat pump is an alternative for the same heat: neither its CO₂ nor its money is added.
      const alternative = HEAT_PUMPS.includes(m.measureId) && m !== heatPump;
      const co2 = factors && facts && !alternative ? measureCo2Kg(m, facts, factors) : undefined;
      if (co2 !== undefined && f.co2KgPerYear) addTo(f.co2KgPerYear, co2);
      if (m.business && !alternative) {
        const { investmentEur, savingsEurPerYear } = m.business;
        addTo(f.investmentEur, investmentEur);
        if (co2 !== undefined && co2 !== null && investmentEur !== null) {
          f.perEuro.co2Kg += co2;
          f.perEuro.investmentEur += investmentEur;
        }
        if (savingMeasures().has(m.measureId)) addTo(f.savingsEurPerYear, savingsEurPerYear);
        if (investmentEur !== null && savingsEurPerYear !== null) {
          f.paidBack.investmentEur += investmentEur;
          f.paidBack.savingsEurPerYear += savingsEurPerYear;
        }
      }
    }
    if (gridMatters(m)) {
      for (const id of OFFTAKE_EXCESS) offtakeShort = Math.max(offtakeShort, quantity(m, id) ?? 0);
      f.feedInShortKw += Math.max(0, quantity(m, 'feedInExcessKw') ?? 0);
    }
    if (m.status === 'blocked' || m.status === 'conditional' || m.status === 'needs-info') {
      for (const r of m.reasons) {
        if (r.outcome === 'pass' || r.kind === 'obligation' || r.kind === 'applicability') continue;
        const kind = blockerKind(r.kind, r.outcome);
        if (kind) f.blockers[kind]++;
      }
    }
  }
  f.offtakeShortKw = offtakeShort;
  return f;
}

const addTotal = (a: Total, b: Total): void => {
  a.value += b.value;
  a.complete &&= b.complete;
};

/** Adds b's figures into a. */
function addFigures(a: Figures, b: Figures): void {
  a.pvKwp += b.pvKwp;
  a.pvKwhPerYear += b.pvKwhPerYear;
  if (a.co2KgPerYear && b.co2KgPerYear) addTotal(a.co2KgPerYear, b.co2KgPerYear);
  addTotal(a.investmentEur, b.investmentEur);
  addTotal(a.savingsEurPerYear, b.savingsEurPerYear);
  a.paidBack.investmentEur += b.paidBack.investmentEur;
  a.paidBack.savingsEurPerYear += b.paidBack.savingsEurPerYear;
  a.perEuro.co2Kg += b.perEuro.co2Kg;
  a.perEuro.investmentEur += b.perEuro.investmentEur;
  for (const s of STATUS_ORDER) a.byStatus[s] += b.byStatus[s];
  a.obligations += b.obligations;
  a.obligationsUnknown += b.obligationsUnknown;
  for (const k of BLOCKER_KINDS) a.blockers[k] += b.blockers[k];
  a.offtakeShortKw += b.offtakeShortKw;
  a.feedInShortKw += b.feedInShortKw;
}

/** kg CO₂ per year per € 1,000 invested, over the measures whose both figures are known; null when there are none. */
export const co2PerKEur = (x: Pick<Figures, 'perEuro'>): number | null => (x.perEuro.investmentEur > 0 ? (x.perEuro.co2Kg * 1000) / x.perEuro.investmentEur : null);

/** Simple payback of the measures whose investment and saving are both known; null without a positive saving. */
export const paybackOf = (f: Pick<Figures, 'paidBack'>): number | null => (f.paidBack.savingsEurPerYear > 0 ? f.paidBack.investmentEur / f.paidBack.savingsEurPerYear : null);

const validArea = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

export function indicatorsFor(terrain: Terrain, assessment: Assessment, parameters: ReadonlyMap<string, Parameter> = defaultParameters()): TerrainIndicators {
  const factors = co2Factors(parameters, assessment);
  const byBuilding = new Map<string | undefined, MeasureResult[]>();
  for (const m of assessment.measures) {
    const list = byBuilding.get(m.buildingId);
    if (list) list.push(m);
    else byBuilding.set(m.buildingId, [m]);
  }
  const total = figuresOf(byBuilding.get(undefined) ?? [], factors);
  const floorArea = { buildings: 0, m2: 0, pvKwp: 0, co2Kg: 0 };
  const perBuilding = terrain.buildings.map((b): BuildingIndicators => {
    const results = byBuilding.get(b.id) ?? [];
    const f = figuresOf(results, factors, b.facts ?? {});
    addFigures(total, f);
    const floorAreaM2 = validArea(b.facts?.floorAreaM2);
    if (floorAreaM2 !== null) {
      floorArea.buildings++;
      floorArea.m2 += floorAreaM2;
      floorArea.pvKwp += f.pvKwp;
      floorArea.co2Kg += f.co2KgPerYear?.value ?? 0;
    }
    return { ...f, buildingId: b.id, name: b.name, companyName: b.survey?.companyName ?? '', floorAreaM2 };
  });
  const fact = (id: string) => {
    const v = terrain.facts?.[id];
    return typeof v === 'string' ? v : null;
  };
  return {
    ...total,
    terrainId: terrain.id,
    name: terrain.name,
    municipality: terrain.municipality ?? '',
    pvKwp: Math.round(total.pvKwp * 10) / 10,
    pvMwhPerYear: Math.round(total.pvKwhPerYear / 100) / 10,
    co2Indicative: factors?.indicative ?? false,
    paybackYears: paybackOf(total),
    buildings: terrain.buildings.length,
    floorArea,
    congestionOfftake: fact('congestionOfftake'),
    congestionFeedIn: fact('congestionFeedIn'),
    grid: assessment.grid,
    perBuilding,
  };
}

let parameterMap: Map<string, Parameter> | null = null;
let withSaving: Set<string> | null = null;
/** The measures whose data has a saving calc (a charge point has none: its saving is not unknown, it is not modelled). */
function savingMeasures(): Set<string> {
  withSaving ??= new Set(bundledToolbox.measures.filter((m) => m.business?.savings).map((m) => m.id));
  return withSaving;
}
function defaultParameters(): Map<string, Parameter> {
  parameterMap ??= new Map(bundledToolbox.parameters.map((p) => [p.id, p]));
  return parameterMap;
}
