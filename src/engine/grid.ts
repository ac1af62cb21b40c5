/**
 * The terrain as one grid (SPEC §7): sums over the buildings of the contracted offtake and
 * feed-in and of today's peaks, what the feasible and conditional measures would add (heat
 * pumps at their electric power, charge points, fleets) and feed in (PV), and what one group
 * transport agreement of the large connections would free: their coincident peak is the
 * simultaneity parameter times the sum of their peaks. Read from the verdicts and their
 * quantities, so every number is the one the measure cards show. An unknown value is never
 * summed as 0: a sum with an unknown part is a lower bound, and the building is listed.
 */
import type { Run } from './context';
import { factSlot, paramSlot } from './slots';
import type { FactValue, GridSum, GridSummary, GridValueId, GridYear, MeasureResult, Quantity } from './types';

/** Every parameter the summary reads itself (the quantities bring their own); the data tests count these as used. */
export const GRID_PARAMETERS = ['smallConnectionMaxKva', 'evChargerKw', 'groupSimultaneityFactor', 'pvFeedInKwPerKwp', 'zeZoneAllZeroEmissionFrom'] as const;

const ADDS = new Set(['feasible', 'conditional']);
const F = {
  connection: factSlot('connection'),
  contractedOfftakeKw: factSlot('contractedOfftakeKw'),
  contractedFeedInKw: factSlot('contractedFeedInKw'),
  peakOfftakeKw: factSlot('peakOfftakeKw'),
  fleetElectrification: factSlot('fleetElectrification'),
};

/** A running sum: the known part, and whether every part was known. */
class Sum {
  kw = 0;
  complete = true;
  add(v: number | null): void {
    if (v === null) this.complete = false;
    else this.kw += v;
  }
  out(): GridSum {
    return { kw: this.kw, complete: this.complete };
  }
}

const num = (v: FactValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** What one building's verdicts add: demand by kind (null: unknown), feed-in, and the year its fleet's demand arrives. */
interface Adds {
  heatPumpKw: number | null;
  heatCounted: boolean;
  chargeKw: number;
  fleetKw: number | null;
  fleetYear: number;
  feedInKw: number;
  feedInUnknown: boolean;
}

/** Sums the grid of one assessment; `measures` are its verdicts, in the engine's order. */
export function gridSummary(run: Run, buildingIds: string[], measures: MeasureResult[]): GridSummary {
  const p = run.params;
  const param = (id: (typeof GRID_PARAMETERS)[number]) => p.values[paramSlot(id)];
  const smallKva = num(param('smallConnectionMaxKva') as FactValue);
  const evKw = (param('evChargerKw') as number) ?? 0;
  const simultaneity = Math.min(1, Math.max(0, (param('groupSimultaneityFactor') as number) ?? 1));
  const kwPerKwp = (param('pvFeedInKwPerKwp') as number) ?? 1;
  const assessmentYear = Number(run.date.slice(0, 4));
  const zeYear = Math.max(assessmentYear, Number(String(param('zeZoneAllZeroEmissionFrom') ?? run.date).slice(0, 4)));

  const at = new Map<string, number>();
  buildingIds.forEach((id, i) => at.set(id, i));
  const adds: Adds[] = buildingIds.map(() => ({ heatPumpKw: 0, heatCounted: false, chargeKw: 0, fleetKw: 0, fleetYear: assessmentYear, feedInKw: 0, feedInUnknown: false }));
  // The quantities read (their parameter lists and "indicatief" are what the figures rest on).
  const read = new Set<Quantity['parameterIds']>();
  let quantityIndicative = false;
  const take = (m: MeasureResult, id: string): number | null => {
    for (const q of m.quantities) {
      if (q.id !== id) continue;
      read.add(q.parameterIds);
      if (q.indicative) quantityIndicative = true;
      return q.value;
    }
    return null;
  };
  let usedEv = false;
  let usedFeedIn = false;
  for (const m of measures) {
    const id = m.measureId;
    if (id !== 'heat-pump' && id !== 'ground-source' && id !== 'ev-charging' && id !== 'fleet-charging' && id !== 'pv-roof' && id !== 'pv-carport') continue;
    if (m.buildingId === undefined || !ADDS.has(m.status)) continue;
    const i = at.get(m.buildingId);
    if (i === undefined) continue;
    const a = adds[i];
    if (id === 'heat-pump' || id === 'ground-source') {
      // One planned heat pump, whichever source it uses: counted once.
      if (!a.heatCounted) a.heatPumpKw = take(m, 'heatPumpElectricKw');
      a.heatCounted = true;
    } else if (id === 'ev-charging') {
      a.chargeKw = evKw;
      usedEv = true;
    } else if (id === 'fleet-charging') {
      a.fleetKw = take(m, 'fleetChargingDemandKw');
      // A fleet that only delivers into the zero-emission zone must be electric by the zone's end date; a planned one comes now.
      a.fleetYear = run.buildings[i][F.fleetElectrification] === true ? assessmentYear : zeYear;
    } else {
      const kwp = take(m, id === 'pv-roof' ? 'pvKwp' : 'carportKwp');
      usedFeedIn = true;
      if (kwp === null) a.feedInUnknown = true;
      else a.feedInKw += kwp * kwPerKwp;
    }
  }

  const contracted = new Sum();
  const feedIn = new Sum();
  const peak = new Sum();
  const added = new Sum();
  const potential = new Sum();
  const groupContracted = new Sum();
  const groupPeak = new Sum();
  const groupAdded = new Sum();
  const byYear = new Map<number, Sum>();
  const yearSum = (y: number) => byYear.get(y) ?? byYear.set(y, new Sum()).get(y)!;
  yearSum(assessmentYear);
  const by = { heatPumpsKw: 0, chargePointsKw: 0, fleetsKw: 0 };
  const unknown: GridSummary['unknown'] = [];
  const group: string[] = [];
  let usedSmall = false;

  for (let i = 0; i < buildingIds.length; i++) {
    const facts = run.buildings[i];
    const missing: GridValueId[] = [];
    const connection = facts[F.connection];
    const large = connection === 'large';
    if (connection !== 'large' && connection !== 'small') missing.push('connection');
    // A small connection has no contract: its capacity is the connection's fixed maximum, both ways.
    if (connection === 'small') usedSmall = true;
    const offtake = connection === 'small' ? smallKva : large ? num(facts[F.contractedOfftakeKw]) : null;
    const feed = connection === 'small' ? smallKva : large ? num(facts[F.contractedFeedInKw]) : null;
    const pk = num(facts[F.peakOfftakeKw]);
    if (large && offtake === null) missing.push('contractedOfftakeKw');
    if (large && feed === null) missing.push('contractedFeedInKw');
    if (pk === null) missing.push('peakOfftakeKw');
    contracted.add(offtake);
    feedIn.add(feed);
    peak.add(pk);

    const a = adds[i];
    const now = a.heatPumpKw === null ? null : a.heatPumpKw + a.chargeKw;
    const total = now === null || a.fleetKw === null ? null : now + a.fleetKw;
    if (total === null) missing.push('addedOfftakeKw');
    added.add(total);
    by.heatPumpsKw += a.heatPumpKw ?? 0;
    by.chargePointsKw += a.chargeKw;
    by.fleetsKw += a.fleetKw ?? 0;
    yearSum(assessmentYear).add(now);
    yearSum(a.fleetYear).add(a.fleetKw);
    if (a.feedInUnknown) missing.push('feedInPotentialKw');
    potential.add(a.feedInUnknown ? null : a.feedInKw);

    if (large) {
      group.push(buildingIds[i]);
      groupContracted.add(offtake);
      groupPeak.add(pk);
      groupAdded.add(total);
    }
    if (missing.length) unknown.push({ buildingId: buildingIds[i], values: missing });
  }

  const years: GridYear[] = [];
  const cumulative = new Sum();
  for (const y of [...byYear.keys()].sort((x, z) => x - z)) {
    const s = byYear.get(y)!;
    cumulative.kw += s.kw;
    cumulative.complete &&= s.complete;
    years.push({ year: y, addedOfftakeKw: cumulative.out() });
  }

  const gp = groupPeak.out();
  const collectivePeakKw = { kw: simultaneity * gp.kw, complete: gp.complete };
  // The members' own headroom is Σ(contract − peak); one contract's is Σcontract − coincident peak: the difference is what it frees.
  const freedKw = { kw: (1 - simultaneity) * gp.kw, complete: gp.complete };
  const gc = groupContracted.out();
  const ga = groupAdded.out();
  const groupRoomKw = group.length && gc.complete && gp.complete && ga.complete ? gc.kw - collectivePeakKw.kw - ga.kw : null;

  const ids = new Set<string>();
  const use = (id: string) => ids.add(id);
  if (usedSmall) use('smallConnectionMaxKva');
  if (usedEv) use('evChargerKw');
  if (usedFeedIn) use('pvFeedInKwPerKwp');
  if (group.length) use('groupSimultaneityFactor');
  if (years.length > 1) use('zeZoneAllZeroEmissionFrom');
  for (const list of read) list.forEach(use);
  const parameterIds = [...ids];
  const unconfirmed = (id: string) => p.unconfirmed[paramSlot(id)] === 1;
  const indicative = quantityIndicative || (usedFeedIn && unconfirmed('pvFeedInKwPerKwp')) || (group.length > 0 && unconfirmed('groupSimultaneityFactor'));

  return {
    contractedOfftakeKw: contracted.out(),
    contractedFeedInKw: feedIn.out(),
    peakOfftakeKw: peak.out(),
    addedOfftakeKw: added.out(),
    addedBy: by,
    feedInPotentialKw: potential.out(),
    groupBuildingIds: group,
    groupContractedOfftakeKw: gc,
    groupPeakOfftakeKw: gp,
    collectivePeakKw,
    simultaneity,
    freedKw,
    groupRoomKw,
    years,
    parameterIds,
    indicative,
    incomplete: unknown.length > 0,
    unknown,
  };
}
