/**
 * The CO₂ reduction potential of a building's verdicts, said once here (the engine has no CO₂ calc): the
 * yearly yield of its roof and carport PV at the electricity factor, and for a gas-heated
 * building whose heat pump (air or ground source, counted once) is not ruled out, the gas it
 * avoids at the gas factor minus the electricity it then uses at the electricity factor (the
 * engine's heat-pump formula). The factors are dated parameters read on the assessment date; an
 * own value of the terrain (heat-pump COP) replaces the toolbox value as in the engine. Pure.
 */
import { heatPumpElectricityKwh } from '../../engine/calcs/business';
import { valueOn } from '../../engine/params';
import type { Assessment, MeasureResult, Parameter } from '../../engine/types';

/** The parameters this module reads (the data tests count them as used). */
export const CO2_PARAMETERS = ['co2ElectricityKgPerKwh', 'co2GasKgPerM3', 'gasKwhPerM3', 'boilerEfficiency', 'heatPumpCop'] as const;
type Co2Parameter = (typeof CO2_PARAMETERS)[number];

export interface Co2Factors {
  values: Readonly<Record<Co2Parameter, number>>;
  /** Some factor is UNCONFIRMED on the date (and not an own value): every CO₂ figure is "indicatief". */
  indicative: boolean;
}

/** A sum over buildings or measures; `complete: false` when some part is unknown (the value is then the known part, a lower bound). */
export interface Total {
  value: number;
  complete: boolean;
}

/** The factors on the assessment's date, own values first; null when the toolbox lacks one (then no CO₂ figure is shown). */
export function co2Factors(parameters: ReadonlyMap<string, Parameter>, assessment: Pick<Assessment, 'assessmentDate' | 'ownValues'>): Co2Factors | null {
  const values = {} as Record<Co2Parameter, number>;
  let indicative = false;
  for (const id of CO2_PARAMETERS) {
    const own = assessment.ownValues.find((o) => o.parameterId === id);
    if (own) {
      values[id] = own.value;
      continue;
    }
    const parameter = parameters.get(id);
    const v = parameter && valueOn(parameter, assessment.assessmentDate);
    if (!v || typeof v.value !== 'number') return null;
    values[id] = v.value;
    if (v.unconfirmed) indicative = true;
  }
  return { values, indicative };
}

/** A verdict that does not rule the measure out: its potential counts (feasible, conditional, needs information). */
export const counts = (m: MeasureResult): boolean => m.status !== 'blocked' && m.status !== 'not-applicable';

const SOLAR = ['pv-roof', 'pv-carport'];
/** Alternatives for the same heat: the first one that counts is the building's heat pump. */
export const HEAT_PUMPS = ['heat-pump', 'ground-source'];

/** The building's heat pump that counts, if any (air first, then ground source). */
export function heatPumpOf(results: readonly MeasureResult[]): MeasureResult | undefined {
  for (const id of HEAT_PUMPS) {
    const m = results.find((r) => r.measureId === id && counts(r));
    if (m) return m;
  }
  return undefined;
}

/**
 * The yearly CO₂ reduction (kg) of one verdict that counts: a solar measure's yield, or the
 * building's heat pump (pass only the one `heatPumpOf` gives); null when a value it needs is
 * unknown, undefined for a measure without a CO₂ effect here.
 */
export function measureCo2Kg(m: MeasureResult, facts: Record<string, unknown>, f: Co2Factors): number | null | undefined {
  const p = f.values;
  if (SOLAR.includes(m.measureId)) {
    const kwh = m.potential?.kwhPerYear;
    return typeof kwh === 'number' ? kwh * p.co2ElectricityKgPerKwh : null;
  }
  if (!HEAT_PUMPS.includes(m.measureId)) return undefined;
  const gasM3 = typeof facts.gasM3 === 'number' && Number.isFinite(facts.gasM3) && facts.gasM3 >= 0 ? facts.gasM3 : null;
  if (facts.heating === 'gas') return gasM3 === null ? null : gasM3 * p.co2GasKgPerM3 - heatPumpElectricityKwh(gasM3, p) * p.co2ElectricityKgPerKwh;
  return facts.heating === undefined || facts.heating === null ? null : undefined;
}
