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
import { OFFTAKE_MEASURES } from './calcs/grid';
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
  /** Adds the known parts; an unknown one (null) makes the sum a lower bound. */
  add(...parts: (number | null)[]): void {
    for (const v of parts) {
      if (v === null) this.complete = false;
      else this.kw += v;
    }
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
  /** A heat pump whose verdict is still open (needs-info): the facts it waits for; it adds an unknown amount unless the other source's verdict counts. */
  heatPending: readonly string[] | null;
  chargeKw: number | null;
  fleetKw: number | null;
  fleetYear: number;
  feedInKw: number;
  feedInUnknown: boolean;
  /** The facts whose being unknown leaves this building's added offtake unknown. */
  missing: string[];
  /** An added figure rests on an UNCONFIRMED value. */
  indicative: boolean;
}

const FEEDS = new Set<string>([...OFFTAKE_MEASURES, 'pv-roof', 'pv-carport']);

/** Sums the grid of one assessment; `measures` are the buildings' verdicts, in the engine's order. Also sets the figures terrain-level rules read (run.gridFigures). */
export function gridSummary(run: Run, buildingIds: string[], measures: readonly (MeasureResult | undefined)[]): GridSummary {
  const p = run.params;
  const param = (id: (typeof GRID_PARAMETERS)[number]) => p.values[paramSlot(id)];
  const unconfirmed = (id: string) => p.unconfirmed[paramSlot(id)] === 1;
  const smallKva = num(param('smallConnectionMaxKva') as FactValue);
  const evKw = (param('evChargerKw') as number) ?? 0;
  const simultaneity = Math.min(1, Math.max(0, (param('groupSimultaneityFactor') as number) ?? 1));
  const kwPerKwp = (param('pvFeedInKwPerKwp') as number) ?? 1;
  const assessmentYear = Number(run.date.slice(0, 4));
  const zeYear = Math.max(assessmentYear, Number(String(param('zeZoneAllZeroEmissionFrom') ?? run.date).slice(0, 4)));

  const at = new Map<string, number>();
  buildingIds.forEach((id, i) => at.set(id, i));
  const adds: Adds[] = buildingIds.map(() => ({ heatPumpKw: 0, heatCounted: false, heatPending: null, chargeKw: 0, fleetKw: 0, fleetYear: assessmentYear, feedInKw: 0, feedInUnknown: false, missing: [], indicative: false }));
  // The quantities read (their parameter lists and "indicatief" are what the figures rest on).
  const read = new Set<Quantity['parameterIds']>();
  let quantityIndicative = false;
  /** A quantity of a verdict; for an offtake one (`offtake` given) its being unknown or indicative is that building's too. */
  const take = (m: MeasureResult, id: string, offtake?: Adds): number | null => {
    for (const q of m.quantities) {
      if (q.id !== id) continue;
      read.add(q.parameterIds);
      if (q.indicative) quantityIndicative = true;
      if (offtake && q.indicative) offtake.indicative = true;
      if (offtake && q.value === null) offtake.missing.push(...q.missingFacts);
      return q.value;
    }
    return null;
  };
  let usedEv = false;
  let usedFeedIn = false;
  for (const m of measures) {
    if (!m || m.buildingId === undefined || !FEEDS.has(m.measureId)) continue;
    const id = m.measureId;
    const i = at.get(m.buildingId);
    if (i === undefined) continue;
    const a = adds[i];
    const heat = id === 'heat-pump' || id === 'ground-source';
    if (m.status === 'needs-info') {
      // An open verdict may still go ahead: what it would add is unknown, never 0.
      if (heat) a.heatPending = a.heatPending ? [...a.heatPending, ...m.missingFacts] : m.missingFacts;
      else if (id === 'ev-charging') a.chargeKw = null;
      else if (id === 'fleet-charging') a.fleetKw = null;
      else a.feedInUnknown = true;
      if (id === 'ev-charging' || id === 'fleet-charging') a.missing.push(...m.missingFacts);
      continue;
    }
    if (!ADDS.has(m.status)) continue;
    if (heat) {
      // One planned heat pump, whichever source it uses: counted once.
      if (!a.heatCounted) a.heatPumpKw = take(m, 'heatPumpElectricKw', a);
      a.heatCounted = true;
    } else if (id === 'ev-charging') {
      a.chargeKw = evKw;
      usedEv = true;
      if (unconfirmed('evChargerKw')) a.indicative = true;
    } else if (id === 'fleet-charging') {
      a.fleetKw = take(m, 'fleetChargingDemandKw', a);
      // A fleet that only delivers into the zero-emission zone must be electric by the zone's end date; a planned one comes now.
      a.fleetYear = run.buildings[i][F.fleetElectrification] === true ? assessmentYear : zeYear;
    } else {
      const kwp = take(m, id === 'pv-roof' ? 'pvKwp' : 'carportKwp');
      usedFeedIn = true;
      if (kwp === null) a.feedInUnknown = true;
      else a.feedInKw += kwp * kwPerKwp;
    }
  }
  for (const a of adds) {
    if (a.heatCounted || !a.heatPending) continue;
    a.heatPumpKw = null;
    a.missing.push(...a.heatPending);
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
  // What the energy hub's figures wait for: a building that may be a large connection, a member's unknown value.
  let connectionUnknown = false;
  const freedMissing = new Set<string>();
  const roomMissing = new Set<string>();
  let roomIndicative = false;

  for (let i = 0; i < buildingIds.length; i++) {
    const facts = run.buildings[i];
    const missing: GridValueId[] = [];
    const connection = facts[F.connection];
    const large = connection === 'large';
    if (connection !== 'large' && connection !== 'small') {
      missing.push('connection');
      connectionUnknown = true;
      freedMissing.add('connection');
      roomMissing.add('connection');
    }
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
    const known = a.heatPumpKw !== null && a.chargeKw !== null && a.fleetKw !== null;
    if (!known) missing.push('addedOfftakeKw');
    added.add(a.heatPumpKw, a.chargeKw, a.fleetKw);
    by.heatPumpsKw += a.heatPumpKw ?? 0;
    by.chargePointsKw += a.chargeKw ?? 0;
    by.fleetsKw += a.fleetKw ?? 0;
    yearSum(assessmentYear).add(a.heatPumpKw, a.chargeKw);
    yearSum(a.fleetYear).add(a.fleetKw);
    if (a.feedInUnknown) missing.push('feedInPotentialKw');
    potential.add(a.feedInKw, a.feedInUnknown ? null : 0);

    if (large) {
      group.push(buildingIds[i]);
      groupContracted.add(offtake);
      groupPeak.add(pk);
      groupAdded.add(a.heatPumpKw, a.chargeKw, a.fleetKw);
      if (pk === null) {
        freedMissing.add('peakOfftakeKw');
        roomMissing.add('peakOfftakeKw');
      }
      if (offtake === null) roomMissing.add('contractedOfftakeKw');
      if (!known) for (const f of a.missing) roomMissing.add(f);
      if (a.indicative) roomIndicative = true;
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
  // Room is known only when every member's values are, and no building of unknown connection could still join.
  const groupRoomKw = group.length && gc.complete && gp.complete && ga.complete && !connectionUnknown ? gc.kw - collectivePeakKw.kw - ga.kw : null;
  const simultaneityIndicative = group.length > 0 && unconfirmed('groupSimultaneityFactor');
  run.gridFigures = {
    // Without every peak, or with a building that may still join, the freed room is a lower bound (peaks are never negative).
    groupFreedKw: { value: freedKw.kw, exact: gp.complete && !connectionUnknown, missing: [...freedMissing], indicative: simultaneityIndicative },
    groupRoomKw: { value: groupRoomKw, exact: true, missing: groupRoomKw === null ? [...roomMissing] : [], indicative: simultaneityIndicative || roomIndicative },
  };

  const ids = new Set<string>();
  const use = (id: string) => ids.add(id);
  if (usedSmall) use('smallConnectionMaxKva');
  if (usedEv) use('evChargerKw');
  if (usedFeedIn) use('pvFeedInKwPerKwp');
  if (group.length) use('groupSimultaneityFactor');
  if (years.length > 1) use('zeZoneAllZeroEmissionFrom');
  for (const list of read) list.forEach(use);
  const parameterIds = [...ids];
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
