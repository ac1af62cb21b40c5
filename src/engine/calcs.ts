/**
 * Calculated quantities the rules compare and the views show (PV potential, capacity
 * headroom, charging demand, payback, ...). Formulas live here; every number they use
 * is a toolbox parameter, declared next to the formula so the reasons can cite it.
 * A calc returns null when a fact it needs is unknown (three-valued, like the rules).
 */
import { factValue, num, type CalcResult, type Ctx } from './context';
import type { Text } from './types';

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
  compute(ctx: Ctx, get: (id: string) => CalcResult): CalcResult;
}

const known = (value: number | null, missing: string[] = []): CalcResult => ({ value, exact: true, missing });
const unknown = (missing: string[]): CalcResult => ({ value: null, exact: true, missing });

/** Reads required numeric facts; returns the values or the list of missing ones. */
function numbers(ctx: Ctx, ids: string[]): number[] | string[] {
  const values: number[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const v = factValue(ctx, id);
    if (typeof v === 'number') values.push(v);
    else missing.push(id);
  }
  return missing.length ? missing : values;
}
const isMissing = (r: number[] | string[]): r is string[] => typeof r[0] === 'string';

/**
 * Chains calcs: unknown if any input is unknown, with the union of missing facts. `f` must
 * not decrease when an input grows, so an upper-bound input gives an upper-bound result.
 */
function combine(parts: CalcResult[], f: (...values: number[]) => number): CalcResult {
  let missing: string[] = [];
  let anyNull = false;
  let upper = false;
  const values: number[] = [];
  for (const p of parts) {
    if (p.missing.length) missing = missing.concat(p.missing);
    if (p.value === null) anyNull = true;
    else values.push(p.value);
    if (!p.exact && p.upper) upper = true;
  }
  if (missing.length > 1) missing = [...new Set(missing)];
  if (anyNull) return unknown(missing);
  return upper ? { value: f(...values), exact: false, upper: true, missing } : known(f(...values), missing);
}

/** Count of buildings matching a test; a lower bound while some building is unknown. */
function countBuildings(ctx: Ctx, factId: string, match: (v: unknown) => boolean): CalcResult {
  let count = 0;
  let unknownCount = 0;
  for (const b of ctx.buildings) {
    const v = b.get(factId);
    if (v === undefined || v === null) unknownCount++;
    else if (match(v)) count++;
  }
  return { value: count, exact: unknownCount === 0, missing: unknownCount ? [factId] : [] };
}

export const calcs: CalcDef[] = [
  {
    id: 'pvKwp',
    label: { nl: 'Zon-pv potentieel', en: 'Solar PV potential' },
    unit: 'kWp',
    facts: ['roofAreaM2', 'roofType'],
    params: ['pvUsableRoofShare', 'pvWpPerM2UsableEastWest', 'pvWpPerM2Module'],
    compute(ctx) {
      const area = factValue(ctx, 'roofAreaM2');
      const type = factValue(ctx, 'roofType');
      const missing = [...(typeof area === 'number' ? [] : ['roofAreaM2']), ...(type ? [] : ['roofType'])];
      if (missing.length) return unknown(missing);
      // Flat roofs: east-west low-tilt layout (most kWh per m² of roof); pitched: panels in the roof plane.
      const density = type === 'flat' ? num(ctx, 'pvWpPerM2UsableEastWest') : num(ctx, 'pvWpPerM2Module');
      const existing = factValue(ctx, 'existingPvKwp');
      const gross = ((area as number) * num(ctx, 'pvUsableRoofShare') * density) / 1000;
      // Existing panels unknown: the whole roof is an upper bound of what is left.
      if (typeof existing !== 'number') return { value: gross, exact: false, upper: true, missing: ['existingPvKwp'] };
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
      const type = factValue(ctx, 'roofType');
      if (!type) return unknown(['roofType']);
      if (type === 'flat') return known(num(ctx, 'pvYieldEastWest'));
      switch (factValue(ctx, 'roofOrientation')) {
        case 'south':
          return known(num(ctx, 'pvYieldSouth'));
        case 'east-west':
          return known(num(ctx, 'pvYieldEastWest'));
        case 'north':
          return known(num(ctx, 'pvYieldNorth'));
        default:
          return known(num(ctx, 'pvYieldUnknownOrientation'));
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
    compute: (_ctx, get) => combine([get('pvKwp'), get('pvYieldKwhPerKwp')], (kwp, y) => kwp * y),
  },
  {
    id: 'pvCostEur',
    label: { nl: 'Indicatieve investering', en: 'Indicative investment' },
    unit: '€',
    facts: [],
    params: ['pvCostEurPerWp'],
    uses: ['pvKwp'],
    compute: (ctx, get) => combine([get('pvKwp')], (kwp) => kwp * 1000 * num(ctx, 'pvCostEurPerWp')),
  },
  {
    id: 'pvPaybackYears',
    // Cost and yield both scale with the system size: the payback does not depend on it.
    label: { nl: 'Eenvoudige terugverdientijd', en: 'Simple payback' },
    unit: 'jaar',
    facts: [],
    params: ['pvCostEurPerWp', 'electricityValueEurPerKwh'],
    uses: ['pvYieldKwhPerKwp'],
    compute: (ctx, get) =>
      combine([get('pvYieldKwhPerKwp')], (yieldPerKwp) =>
        yieldPerKwp > 0 ? (1000 * num(ctx, 'pvCostEurPerWp')) / (yieldPerKwp * num(ctx, 'electricityValueEurPerKwh')) : Number.POSITIVE_INFINITY,
      ),
  },
  {
    id: 'carportKwp',
    label: { nl: 'Carport potentieel', en: 'Carport potential' },
    unit: 'kWp',
    facts: ['parkingAreaM2'],
    params: ['pvUsableRoofShare', 'pvWpPerM2Module'],
    compute(ctx) {
      const r = numbers(ctx, ['parkingAreaM2']);
      if (isMissing(r)) return unknown(r);
      return known((r[0] * num(ctx, 'pvUsableRoofShare') * num(ctx, 'pvWpPerM2Module')) / 1000);
    },
  },
  {
    id: 'carportKwhPerYear',
    label: { nl: 'Opbrengst carport per jaar', en: 'Carport yield per year' },
    unit: 'kWh/jaar',
    facts: [],
    params: ['pvYieldUnknownOrientation'],
    uses: ['carportKwp'],
    compute: (ctx, get) => combine([get('carportKwp')], (kwp) => kwp * num(ctx, 'pvYieldUnknownOrientation')),
  },
  {
    id: 'feedInExcessKw',
    label: { nl: 'Invoeding boven het contract', en: 'Feed-in above the contract' },
    unit: 'kW',
    facts: ['contractedFeedInKw'],
    params: [],
    uses: ['pvKwp'],
    compute(ctx, get) {
      const r = numbers(ctx, ['contractedFeedInKw']);
      if (isMissing(r)) return combine([get('pvKwp'), unknown(r)], () => 0);
      return combine([get('pvKwp')], (kwp) => kwp - r[0]);
    },
  },
  {
    id: 'offtakeHeadroomKw',
    label: { nl: 'Netruimte afname', en: 'Offtake headroom' },
    unit: 'kW',
    facts: ['connection', 'peakOfftakeKw'],
    params: ['smallConnectionMaxKva'],
    compute(ctx) {
      const connection = factValue(ctx, 'connection');
      if (!connection) return unknown(['connection']);
      const ids = connection === 'large' ? ['contractedOfftakeKw', 'peakOfftakeKw'] : ['peakOfftakeKw'];
      const r = numbers(ctx, ids);
      if (isMissing(r)) return unknown(r);
      const max = connection === 'large' ? r[0] : num(ctx, 'smallConnectionMaxKva');
      const peak = connection === 'large' ? r[1] : r[0];
      return known(max - peak);
    },
  },
  {
    id: 'chargePointConduits',
    label: { nl: 'Leidingdoorvoeren (1 op 5)', en: 'Conduits (1 in 5)' },
    unit: 'plaatsen',
    facts: ['parkingSpaces'],
    params: ['chargePointConduitRatio'],
    compute(ctx) {
      const r = numbers(ctx, ['parkingSpaces']);
      if (isMissing(r)) return unknown(r);
      return known(Math.ceil(r[0] / num(ctx, 'chargePointConduitRatio')));
    },
  },
  {
    id: 'evChargingExcessKw',
    label: { nl: 'Laadpunt boven de netruimte', en: 'Charge point above the headroom' },
    unit: 'kW',
    facts: [],
    params: ['evChargerKw'],
    uses: ['offtakeHeadroomKw'],
    compute: (ctx, get) => combine([get('offtakeHeadroomKw')], (room) => num(ctx, 'evChargerKw') - room),
  },
  {
    id: 'fleetChargingDemandKw',
    label: { nl: 'Laadvraag wagenpark', en: 'Fleet charging demand' },
    unit: 'kW',
    facts: ['vans', 'trucks'],
    params: ['vanChargeKw', 'truckChargeKw'],
    compute(ctx) {
      const r = numbers(ctx, ['vans', 'trucks']);
      if (isMissing(r)) return unknown(r);
      return known(r[0] * num(ctx, 'vanChargeKw') + r[1] * num(ctx, 'truckChargeKw'));
    },
  },
  {
    id: 'fleetChargingExcessKw',
    label: { nl: 'Laadvraag boven de netruimte', en: 'Charging demand above the headroom' },
    unit: 'kW',
    facts: [],
    params: [],
    uses: ['fleetChargingDemandKw', 'offtakeHeadroomKw'],
    compute: (_ctx, get) => combine([get('fleetChargingDemandKw'), get('offtakeHeadroomKw')], (demand, room) => demand - room),
  },
  {
    id: 'heatPumpElectricKw',
    label: { nl: 'Elektrisch vermogen warmtepomp', en: 'Heat pump electrical power' },
    unit: 'kW',
    facts: ['plannedHeatPumpKwTh'],
    params: ['heatPumpCop'],
    compute(ctx) {
      const r = numbers(ctx, ['plannedHeatPumpKwTh']);
      if (isMissing(r)) return unknown(r);
      return known(r[0] / num(ctx, 'heatPumpCop'));
    },
  },
  {
    id: 'heatPumpExcessKw',
    label: { nl: 'Warmtepomp boven de netruimte', en: 'Heat pump above the headroom' },
    unit: 'kW',
    facts: [],
    params: [],
    uses: ['heatPumpElectricKw', 'offtakeHeadroomKw'],
    compute: (_ctx, get) => combine([get('heatPumpElectricKw'), get('offtakeHeadroomKw')], (demand, room) => demand - room),
  },
  {
    id: 'officeShare',
    label: { nl: 'Aandeel kantoorfunctie', en: 'Office share' },
    unit: '%',
    facts: ['officeAreaM2', 'floorAreaM2'],
    params: [],
    compute(ctx) {
      const r = numbers(ctx, ['officeAreaM2', 'floorAreaM2']);
      if (isMissing(r)) return unknown(r);
      const [office, floor] = r;
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
    compute(ctx, get) {
      const connection = factValue(ctx, 'connection');
      if (!connection) return combine([get('pvKwp'), unknown(['connection'])], () => 0);
      const cap = connection === 'large' ? num(ctx, 'sceMaxKwpLarge') : num(ctx, 'sceMaxKwpSmall');
      return combine([get('pvKwp')], (kwp) => Math.min(kwp, cap));
    },
  },
  {
    id: 'sceMembersNeeded',
    label: { nl: 'Minimaal aantal leden', en: 'Minimum number of members' },
    unit: 'leden',
    facts: [],
    params: ['sceKwpPerMember'],
    uses: ['sceKwp'],
    compute: (ctx, get) => combine([get('sceKwp')], (kwp) => Math.ceil(kwp / num(ctx, 'sceKwpPerMember'))),
  },
  {
    id: 'largeConnectionCount',
    label: { nl: 'Aantal grootverbruikers', en: 'Number of large consumers' },
    unit: 'gebouwen',
    facts: ['connection'],
    params: [],
    compute: (ctx) => countBuildings(ctx, 'connection', (v) => v === 'large'),
  },
  {
    id: 'gasHeatedBuildingCount',
    label: { nl: 'Gasgestookte gebouwen', en: 'Gas-heated buildings' },
    unit: 'gebouwen',
    facts: ['heating'],
    params: [],
    compute: (ctx) => countBuildings(ctx, 'heating', (v) => v === 'gas'),
  },
  {
    id: 'residualHeatBuildingCount',
    label: { nl: 'Gebouwen met restwarmte', en: 'Buildings with residual heat' },
    unit: 'gebouwen',
    facts: ['residualHeatAvailable'],
    params: [],
    compute: (ctx) => countBuildings(ctx, 'residualHeatAvailable', (v) => v === true),
  },
];

export const calcById = new Map(calcs.map((c) => [c.id, c]));

/** Computes (and caches per subject) one calc. */
export function calc(ctx: Ctx, id: string): CalcResult {
  const cached = ctx.calcCache.get(id);
  if (cached) return cached;
  const def = calcById.get(id);
  const result = def ? def.compute(ctx, (other) => calc(ctx, other)) : unknown([]);
  ctx.calcCache.set(id, result);
  return result;
}

/** All parameters a calc rests on, through the calcs it uses. */
export function calcParams(id: string, seen = new Set<string>()): string[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const def = calcById.get(id);
  if (!def) return [];
  return [...def.params, ...(def.uses ?? []).flatMap((u) => calcParams(u, seen))];
}
