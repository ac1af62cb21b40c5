/**
 * Calculated quantities the rules compare and the views show (PV potential, capacity
 * headroom, charging demand, payback, ...). Formulas live here; every number they use
 * is a toolbox parameter, declared next to the formula so the reasons can cite it.
 * A calc returns null when a fact it needs is unknown (three-valued, like the rules).
 */
import type { CalcResult, Ctx } from './context';
import { factSlot, paramSlot } from './slots';
import type { FactValue, Text } from './types';

export interface CalcDef {
  id: string;
  label: Text;
  unit: string;
  /** Facts that must be known. */
  facts: string[];
  /** Parameters the formula uses. */
  params: string[];
  /** Other calcs it builds on (their facts and parameters count too). */
  uses?: string[];
  compute(ctx: Ctx): CalcResult;
}

/** A fact a formula reads: its slot, and the list "this one is missing" (made once). */
interface FactRef {
  id: string;
  slot: number;
  alone: string[];
}
function factRefs<K extends string>(...ids: K[]): Record<K, FactRef> {
  return Object.fromEntries(ids.map((id): [K, FactRef] => [id, { id, slot: factSlot(id), alone: [id as string] }])) as Record<K, FactRef>;
}
function paramSlots<K extends string>(...ids: K[]): Record<K, number> {
  return Object.fromEntries(ids.map((id) => [id, paramSlot(id)])) as Record<K, number>;
}

const f = factRefs(
  'roofAreaM2',
  'roofType',
  'roofOrientation',
  'existingPvKwp',
  'parkingAreaM2',
  'contractedFeedInKw',
  'contractedOfftakeKw',
  'connection',
  'peakOfftakeKw',
  'parkingSpaces',
  'vans',
  'trucks',
  'plannedHeatPumpKwTh',
  'officeAreaM2',
  'floorAreaM2',
  'heating',
  'residualHeatAvailable',
);
const p = paramSlots(
  'pvUsableRoofShare',
  'pvWpPerM2UsableEastWest',
  'pvWpPerM2Module',
  'pvYieldSouth',
  'pvYieldEastWest',
  'pvYieldNorth',
  'pvYieldUnknownOrientation',
  'pvCostEurPerWp',
  'electricityValueEurPerKwh',
  'smallConnectionMaxKva',
  'chargePointConduitRatio',
  'evChargerKw',
  'vanChargeKw',
  'truckChargeKw',
  'heatPumpCop',
  'sceMaxKwpSmall',
  'sceMaxKwpLarge',
  'sceKwpPerMember',
);

/** Calc results are internal: their lists are shared, never handed out (quantities copy them). */
const NONE: string[] = [];
const read = (ctx: Ctx, ref: FactRef): FactValue => {
  const v = ctx.values[ref.slot];
  return v === undefined ? null : v;
};
/** A numeric parameter; NaN when absent, so that a broken toolbox shows up instead of passing silently. */
const num = (ctx: Ctx, slot: number): number => {
  const run = ctx.run;
  if (run.params.unconfirmed[slot] === 1) run.calcUnconfirmed = true;
  const v = run.params.values[slot];
  return typeof v === 'number' ? v : Number.NaN;
};
const known = (value: number | null): CalcResult => ({ value, exact: true, missing: NONE, indicative: false });
const unknown = (missing: string[]): CalcResult => ({ value: null, exact: true, missing, indicative: false });
const both = (a: string[], b: string[]): string[] => (a.length === 0 ? b : b.length === 0 ? a : [...new Set([...a, ...b])]);

/**
 * Chains calcs: unknown if an input is unknown, with the union of missing facts. `fn` must
 * not decrease when an input grows, so an upper-bound input gives an upper-bound result.
 */
function combine1(a: CalcResult, fn: (x: number) => number): CalcResult {
  if (a.value === null) return unknown(a.missing);
  const value = fn(a.value);
  return !a.exact && a.upper ? { value, exact: false, upper: true, missing: a.missing, indicative: false } : { value, exact: true, missing: a.missing, indicative: false };
}
function combine2(a: CalcResult, b: CalcResult, fn: (x: number, y: number) => number): CalcResult {
  const missing = both(a.missing, b.missing);
  if (a.value === null || b.value === null) return unknown(missing);
  const value = fn(a.value, b.value);
  return (!a.exact && a.upper) || (!b.exact && b.upper) ? { value, exact: false, upper: true, missing, indicative: false } : { value, exact: true, missing, indicative: false };
}
/** Unknown, with the missing facts of `a` and of the fact that is not known. */
const unknownWith = (a: CalcResult, ref: FactRef): CalcResult => unknown(both(a.missing, ref.alone));

/** Count of buildings matching a test; a lower bound while some building is unknown. */
function countBuildings(ctx: Ctx, ref: FactRef, match: (v: FactValue) => boolean): CalcResult {
  let count = 0;
  let unknownCount = 0;
  for (const b of ctx.run.buildings) {
    const v = b[ref.slot];
    if (v === undefined || v === null) unknownCount++;
    else if (match(v)) count++;
  }
  return { value: count, exact: unknownCount === 0, missing: unknownCount ? ref.alone : NONE, indicative: false };
}

export const calcs: CalcDef[] = [
  {
    id: 'pvKwp',
    label: { nl: 'Zon-pv potentieel', en: 'Solar PV potential' },
    unit: 'kWp',
    facts: ['roofAreaM2', 'roofType'],
    params: ['pvUsableRoofShare', 'pvWpPerM2UsableEastWest', 'pvWpPerM2Module'],
    compute(ctx) {
      const area = read(ctx, f.roofAreaM2);
      const type = read(ctx, f.roofType);
      if (typeof area !== 'number') return unknown(type ? f.roofAreaM2.alone : ['roofAreaM2', 'roofType']);
      if (!type) return unknown(f.roofType.alone);
      // Flat roofs: east-west low-tilt layout (most kWh per m² of roof); pitched: panels in the roof plane.
      const density = type === 'flat' ? num(ctx, p.pvWpPerM2UsableEastWest) : num(ctx, p.pvWpPerM2Module);
      const existing = read(ctx, f.existingPvKwp);
      const gross = (area * num(ctx, p.pvUsableRoofShare) * density) / 1000;
      // Existing panels unknown: the whole roof is an upper bound of what is left.
      if (typeof existing !== 'number') return { value: gross, exact: false, upper: true, missing: f.existingPvKwp.alone, indicative: false };
      return known(Math.max(0, gross - existing));
    },
  },
  {
    id: 'pvYieldKwhPerKwp',
    label: { nl: 'Specifieke opbrengst', en: 'Specific yield' },
    unit: 'kWh/kWp',
    facts: ['roofType'],
    params: ['pvYieldSouth', 'pvYieldEastWest', 'pvYieldNorth', 'pvYieldUnknownOrientation'],
    compute(ctx) {
      const type = read(ctx, f.roofType);
      if (!type) return unknown(f.roofType.alone);
      if (type === 'flat') return known(num(ctx, p.pvYieldEastWest));
      switch (read(ctx, f.roofOrientation)) {
        case 'south':
          return known(num(ctx, p.pvYieldSouth));
        case 'east-west':
          return known(num(ctx, p.pvYieldEastWest));
        case 'north':
          return known(num(ctx, p.pvYieldNorth));
        default:
          return known(num(ctx, p.pvYieldUnknownOrientation));
      }
    },
  },
  {
    id: 'pvKwhPerYear',
    label: { nl: 'Opbrengst per jaar', en: 'Yield per year' },
    unit: 'kWh/jaar',
    facts: [],
    params: [],
    uses: ['pvKwp', 'pvYieldKwhPerKwp'],
    compute: (ctx) => combine2(calcAt(ctx, CALC.pvKwp), calcAt(ctx, CALC.pvYieldKwhPerKwp), (kwp, y) => kwp * y),
  },
  {
    id: 'pvCostEur',
    label: { nl: 'Indicatieve investering', en: 'Indicative investment' },
    unit: '€',
    facts: [],
    params: ['pvCostEurPerWp'],
    uses: ['pvKwp'],
    compute: (ctx) => combine1(calcAt(ctx, CALC.pvKwp), (kwp) => kwp * 1000 * num(ctx, p.pvCostEurPerWp)),
  },
  {
    id: 'pvPaybackYears',
    // Cost and yield both scale with the system size: the payback does not depend on it.
    label: { nl: 'Eenvoudige terugverdientijd', en: 'Simple payback' },
    unit: 'jaar',
    facts: [],
    params: ['pvCostEurPerWp', 'electricityValueEurPerKwh'],
    uses: ['pvYieldKwhPerKwp'],
    compute: (ctx) =>
      combine1(calcAt(ctx, CALC.pvYieldKwhPerKwp), (yieldPerKwp) =>
        yieldPerKwp > 0 ? (1000 * num(ctx, p.pvCostEurPerWp)) / (yieldPerKwp * num(ctx, p.electricityValueEurPerKwh)) : Number.POSITIVE_INFINITY,
      ),
  },
  {
    id: 'carportKwp',
    label: { nl: 'Carport potentieel', en: 'Carport potential' },
    unit: 'kWp',
    facts: ['parkingAreaM2'],
    params: ['pvUsableRoofShare', 'pvWpPerM2Module'],
    compute(ctx) {
      const area = read(ctx, f.parkingAreaM2);
      if (typeof area !== 'number') return unknown(f.parkingAreaM2.alone);
      return known((area * num(ctx, p.pvUsableRoofShare) * num(ctx, p.pvWpPerM2Module)) / 1000);
    },
  },
  {
    id: 'carportKwhPerYear',
    label: { nl: 'Opbrengst carport per jaar', en: 'Carport yield per year' },
    unit: 'kWh/jaar',
    facts: [],
    params: ['pvYieldUnknownOrientation'],
    uses: ['carportKwp'],
    compute: (ctx) => combine1(calcAt(ctx, CALC.carportKwp), (kwp) => kwp * num(ctx, p.pvYieldUnknownOrientation)),
  },
  {
    id: 'feedInExcessKw',
    label: { nl: 'Invoeding boven het contract', en: 'Feed-in above the contract' },
    unit: 'kW',
    facts: ['contractedFeedInKw'],
    params: [],
    uses: ['pvKwp'],
    compute(ctx) {
      const kwp = calcAt(ctx, CALC.pvKwp);
      const contracted = read(ctx, f.contractedFeedInKw);
      if (typeof contracted !== 'number') return unknownWith(kwp, f.contractedFeedInKw);
      return combine1(kwp, (x) => x - contracted);
    },
  },
  {
    id: 'offtakeHeadroomKw',
    label: { nl: 'Netruimte afname', en: 'Offtake headroom' },
    unit: 'kW',
    facts: ['connection', 'peakOfftakeKw'],
    params: ['smallConnectionMaxKva'],
    compute(ctx) {
      const connection = read(ctx, f.connection);
      if (!connection) return unknown(f.connection.alone);
      const peak = read(ctx, f.peakOfftakeKw);
      if (connection !== 'large') return typeof peak === 'number' ? known(num(ctx, p.smallConnectionMaxKva) - peak) : unknown(f.peakOfftakeKw.alone);
      const contracted = read(ctx, f.contractedOfftakeKw);
      if (typeof contracted !== 'number') return unknown(typeof peak === 'number' ? f.contractedOfftakeKw.alone : ['contractedOfftakeKw', 'peakOfftakeKw']);
      if (typeof peak !== 'number') return unknown(f.peakOfftakeKw.alone);
      return known(contracted - peak);
    },
  },
  {
    id: 'chargePointConduits',
    label: { nl: 'Leidingdoorvoeren (1 op 5)', en: 'Conduits (1 in 5)' },
    unit: 'plaatsen',
    facts: ['parkingSpaces'],
    params: ['chargePointConduitRatio'],
    compute(ctx) {
      const spaces = read(ctx, f.parkingSpaces);
      if (typeof spaces !== 'number') return unknown(f.parkingSpaces.alone);
      return known(Math.ceil(spaces / num(ctx, p.chargePointConduitRatio)));
    },
  },
  {
    id: 'evChargingExcessKw',
    label: { nl: 'Laadpunt boven de netruimte', en: 'Charge point above the headroom' },
    unit: 'kW',
    facts: [],
    params: ['evChargerKw'],
    uses: ['offtakeHeadroomKw'],
    compute: (ctx) => combine1(calcAt(ctx, CALC.offtakeHeadroomKw), (room) => num(ctx, p.evChargerKw) - room),
  },
  {
    id: 'fleetChargingDemandKw',
    label: { nl: 'Laadvraag wagenpark', en: 'Fleet charging demand' },
    unit: 'kW',
    facts: ['vans', 'trucks'],
    params: ['vanChargeKw', 'truckChargeKw'],
    compute(ctx) {
      const vans = read(ctx, f.vans);
      const trucks = read(ctx, f.trucks);
      if (typeof vans !== 'number') return unknown(typeof trucks === 'number' ? f.vans.alone : ['vans', 'trucks']);
      if (typeof trucks !== 'number') return unknown(f.trucks.alone);
      return known(vans * num(ctx, p.vanChargeKw) + trucks * num(ctx, p.truckChargeKw));
    },
  },
  {
    id: 'fleetChargingExcessKw',
    label: { nl: 'Laadvraag boven de netruimte', en: 'Charging demand above the headroom' },
    unit: 'kW',
    facts: [],
    params: [],
    uses: ['fleetChargingDemandKw', 'offtakeHeadroomKw'],
    compute: (ctx) => combine2(calcAt(ctx, CALC.fleetChargingDemandKw), calcAt(ctx, CALC.offtakeHeadroomKw), (demand, room) => demand - room),
  },
  {
    id: 'heatPumpElectricKw',
    label: { nl: 'Elektrisch vermogen warmtepomp', en: 'Heat pump electrical power' },
    unit: 'kW',
    facts: ['plannedHeatPumpKwTh'],
    params: ['heatPumpCop'],
    compute(ctx) {
      const thermal = read(ctx, f.plannedHeatPumpKwTh);
      if (typeof thermal !== 'number') return unknown(f.plannedHeatPumpKwTh.alone);
      return known(thermal / num(ctx, p.heatPumpCop));
    },
  },
  {
    id: 'heatPumpExcessKw',
    label: { nl: 'Warmtepomp boven de netruimte', en: 'Heat pump above the headroom' },
    unit: 'kW',
    facts: [],
    params: [],
    uses: ['heatPumpElectricKw', 'offtakeHeadroomKw'],
    compute: (ctx) => combine2(calcAt(ctx, CALC.heatPumpElectricKw), calcAt(ctx, CALC.offtakeHeadroomKw), (demand, room) => demand - room),
  },
  {
    id: 'officeShare',
    label: { nl: 'Aandeel kantoorfunctie', en: 'Office share' },
    unit: '%',
    facts: ['officeAreaM2', 'floorAreaM2'],
    params: [],
    compute(ctx) {
      const office = read(ctx, f.officeAreaM2);
      const floor = read(ctx, f.floorAreaM2);
      if (typeof office !== 'number') return unknown(typeof floor === 'number' ? f.officeAreaM2.alone : ['officeAreaM2', 'floorAreaM2']);
      if (typeof floor !== 'number') return unknown(f.floorAreaM2.alone);
      return known(floor > 0 ? Math.min(100, (100 * office) / floor) : 0);
    },
  },
  {
    id: 'sceKwp',
    label: { nl: 'Coöperatief vermogen', en: 'Cooperative capacity' },
    unit: 'kWp',
    facts: ['connection'],
    params: ['sceMaxKwpSmall', 'sceMaxKwpLarge'],
    uses: ['pvKwp'],
    compute(ctx) {
      const kwp = calcAt(ctx, CALC.pvKwp);
      const connection = read(ctx, f.connection);
      if (!connection) return unknownWith(kwp, f.connection);
      const cap = connection === 'large' ? num(ctx, p.sceMaxKwpLarge) : num(ctx, p.sceMaxKwpSmall);
      return combine1(kwp, (x) => Math.min(x, cap));
    },
  },
  {
    id: 'sceMembersNeeded',
    label: { nl: 'Minimaal aantal leden', en: 'Minimum number of members' },
    unit: 'leden',
    facts: [],
    params: ['sceKwpPerMember'],
    uses: ['sceKwp'],
    compute: (ctx) => combine1(calcAt(ctx, CALC.sceKwp), (kwp) => Math.ceil(kwp / num(ctx, p.sceKwpPerMember))),
  },
  {
    id: 'largeConnectionCount',
    label: { nl: 'Aantal grootverbruikers', en: 'Number of large consumers' },
    unit: 'gebouwen',
    facts: ['connection'],
    params: [],
    compute: (ctx) => countBuildings(ctx, f.connection, (v) => v === 'large'),
  },
  {
    id: 'gasHeatedBuildingCount',
    label: { nl: 'Gasgestookte gebouwen', en: 'Gas-heated buildings' },
    unit: 'gebouwen',
    facts: ['heating'],
    params: [],
    compute: (ctx) => countBuildings(ctx, f.heating, (v) => v === 'gas'),
  },
  {
    id: 'residualHeatBuildingCount',
    label: { nl: 'Gebouwen met restwarmte', en: 'Buildings with residual heat' },
    unit: 'gebouwen',
    facts: ['residualHeatAvailable'],
    params: [],
    compute: (ctx) => countBuildings(ctx, f.residualHeatAvailable, (v) => v === true),
  },
];

export const calcById = new Map(calcs.map((c) => [c.id, c]));
const slotOfCalc = new Map(calcs.map((c, i) => [c.id, i]));
/** Slots of the calcs by name, for the formulas that build on others. */
const CALC: Record<string, number> = Object.fromEntries(slotOfCalc);
const NO_CALC: CalcResult = { value: null, exact: true, missing: NONE, indicative: false };

/** The slot of a calc id (its place in `calcs`); -1 for an id the engine does not know. */
export function calcIndex(id: string): number {
  return slotOfCalc.get(id) ?? -1;
}

/** Room for every calc of one subject. */
export function newCalcCache(): (CalcResult | undefined)[] {
  return new Array<CalcResult | undefined>(calcs.length);
}

/**
 * Computes (and caches per subject) the calc in a slot. Whether it is indicative follows the
 * parameters the formula really read for this subject (a flat roof never reads the north-roof
 * yield), also through the calcs it builds on: the run's flag is saved, set by `num`, and
 * passed on to an enclosing calc.
 */
export function calcAt(ctx: Ctx, slot: number): CalcResult {
  if (slot < 0) return NO_CALC;
  const run = ctx.run;
  const cached = ctx.calcs[slot];
  if (cached !== undefined) {
    if (cached.indicative) run.calcUnconfirmed = true;
    return cached;
  }
  const outer = run.calcUnconfirmed;
  run.calcUnconfirmed = false;
  const result = calcs[slot].compute(ctx);
  result.indicative = run.calcUnconfirmed;
  run.calcUnconfirmed = outer || result.indicative;
  ctx.calcs[slot] = result;
  return result;
}

/** Computes (and caches per subject) one calc. */
export function calc(ctx: Ctx, id: string): CalcResult {
  return calcAt(ctx, calcIndex(id));
}

/** All parameters a calc rests on, through the calcs it uses (each once, in order of first use). */
export function calcParams(id: string, seen = new Set<string>()): string[] {
  return [...new Set(calcParamList(id, seen))];
}

function calcParamList(id: string, seen: Set<string>): string[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const def = calcById.get(id);
  if (!def) return [];
  return [...def.params, ...(def.uses ?? []).flatMap((u) => calcParamList(u, seen))];
}
