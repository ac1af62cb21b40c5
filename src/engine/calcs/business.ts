/**
 * Formulas of the business case per measure: investment, yearly saving and simple payback,
 * from dated prices and tariffs (energy tax per band and year, net metering until 2027-01-01
 * for small connections, feed-in compensation and costs after it). A saving that no source
 * supports is unknown (null), never a number presented as known.
 */
import { defineCalc, WP_PER_KWP } from './define';

/** Energy tax on the band a yearly use falls in (the marginal rate a saved unit avoids); also used to lift own values stored in the old meaning (src/storage/ownValues.ts). */
export function band(use: number, from: readonly number[], rates: readonly number[]): number {
  let rate = rates[0];
  for (let i = 0; i < from.length; i++) if (use >= from[i]) rate = rates[i + 1];
  return rate;
}

/** The electricity (kWh per year) a heat pump uses for the heat a gas boiler now makes from `gasM3` (also the compare view's CO₂ figure). */
export const heatPumpElectricityKwh = (gasM3: number, p: { readonly gasKwhPerM3: number; readonly boilerEfficiency: number; readonly heatPumpCop: number }): number =>
  (gasM3 * p.gasKwhPerM3 * p.boilerEfficiency) / p.heatPumpCop;

/** Simple payback: investment over yearly saving; never paid back without a positive saving. */
const payback = (investment: number, saving: number): number => (saving > 0 ? investment / saving : Number.POSITIVE_INFINITY);

const SOLAR_PARAMS = ['pvSelfUseShareOfConsumption', 'smallConnectionNettingShare', 'feedInCompensationShare', 'feedInCostEurPerKwh', 'electricityValueEurPerKwh'] as const;
type SolarParams = Readonly<Record<(typeof SOLAR_PARAMS)[number], number>>;

/**
 * The yearly value of a solar yield: self-used kWh at the tariff (supply + energy tax); fed-in kWh
 * on a small connection netted against its own use at that tariff while net metering lasts, the
 * rest at the feed-in compensation minus the supplier's feed-in costs (never below zero); on a
 * large connection fed-in kWh earn the compensation (net metering never applied there).
 */
function solarSaving(kwh: number, useKwh: number, small: boolean, tariff: number, p: SolarParams): number {
  const selfUsed = Math.min(kwh, useKwh * p.pvSelfUseShareOfConsumption);
  const fedIn = kwh - selfUsed;
  const compensation = p.feedInCompensationShare * p.electricityValueEurPerKwh;
  if (!small) return selfUsed * tariff + fedIn * compensation;
  const netted = Math.min(fedIn, Math.max(0, useKwh - selfUsed)) * p.smallConnectionNettingShare;
  return selfUsed * tariff + netted * tariff + (fedIn - netted) * Math.max(0, compensation - p.feedInCostEurPerKwh);
}

/** The yearly value of a solar yield calc on this building (roof or carport). */
const solarSavingsCalc = (id: string, yieldCalc: string) =>
  defineCalc({
    id,
    facts: { electricityKwh: 'number', connection: 'option' },
    params: SOLAR_PARAMS,
    uses: [yieldCalc, 'electricityTariffEurPerKwh'],
    compute: (f, p, c) => solarSaving(c[yieldCalc], f.electricityKwh, f.connection !== 'large', c.electricityTariffEurPerKwh, p),
  });

/** Simple payback of an investment calc over a saving calc. */
const paybackCalc = (id: string, investment: string, saving: string) =>
  defineCalc({ id, uses: [investment, saving], compute: (_f, _p, c) => payback(c[investment], c[saving]) });

export const businessCalcs = [
  defineCalc({
    id: 'electricityTariffEurPerKwh',
    facts: { electricityKwh: 'number' },
    params: ['electricityValueEurPerKwh', 'ebElectricityBand1', 'ebElectricityBand2', 'ebElectricityBand3', 'ebElectricityBand4', 'ebElectricityBand2FromKwh', 'ebElectricityBand3FromKwh', 'ebElectricityBand4FromKwh'],
    compute: (f, p) =>
      p.electricityValueEurPerKwh +
      band(f.electricityKwh, [p.ebElectricityBand2FromKwh, p.ebElectricityBand3FromKwh, p.ebElectricityBand4FromKwh], [p.ebElectricityBand1, p.ebElectricityBand2, p.ebElectricityBand3, p.ebElectricityBand4]),
  }),
  defineCalc({
    id: 'gasTariffEurPerM3',
    facts: { gasM3: 'number' },
    params: ['gasSupplyEurPerM3', 'ebGasBand1', 'ebGasBand2', 'ebGasBand3', 'ebGasBand2FromM3', 'ebGasBand3FromM3'],
    compute: (f, p) => p.gasSupplyEurPerM3 + band(f.gasM3, [p.ebGasBand2FromM3, p.ebGasBand3FromM3], [p.ebGasBand1, p.ebGasBand2, p.ebGasBand3]),
  }),
  solarSavingsCalc('pvSavingsEurPerYear', 'pvKwhPerYear'),
  defineCalc({
    id: 'pvPaybackYears',
    // The saving depends on the size (self-use), so a size that is only an upper bound gives no payback.
    facts: { existingPvKwp: 'number?' },
    uses: ['pvCostEur', 'pvSavingsEurPerYear'],
    compute: (f, _p, c, unknownBecause) => (f.existingPvKwp === null ? unknownBecause('existingPvKwp') : payback(c.pvCostEur, c.pvSavingsEurPerYear)),
  }),
  defineCalc({
    id: 'carportCostEur',
    params: ['carportCostEurPerWp'],
    uses: ['carportKwp'],
    compute: (_f, p, c) => c.carportKwp * WP_PER_KWP * p.carportCostEurPerWp,
  }),
  solarSavingsCalc('carportSavingsEurPerYear', 'carportKwhPerYear'),
  paybackCalc('carportPaybackYears', 'carportCostEur', 'carportSavingsEurPerYear'),
  defineCalc({
    id: 'batteryCostEur',
    facts: { plannedBatteryKwh: 'number', plannedBatteryKw: 'number' },
    params: ['batteryEurPerKwh', 'batteryEurPerKw'],
    compute: (f, p) => f.plannedBatteryKwh * p.batteryEurPerKwh + f.plannedBatteryKw * p.batteryEurPerKw,
  }),
  defineCalc({
    id: 'batterySavingsEurPerYear',
    // Peak shaving: each kW of battery power lowers the peak a large connection pays per kW; a small connection has no kW tariff to lower (its value then is not known).
    facts: { plannedBatteryKw: 'number', connection: 'option' },
    params: ['peakTariffEurPerKwYear'],
    compute: (f, p, _c, unknownBecause) => (f.connection === 'large' ? f.plannedBatteryKw * p.peakTariffEurPerKwYear : unknownBecause()),
  }),
  paybackCalc('batteryPaybackYears', 'batteryCostEur', 'batterySavingsEurPerYear'),
  defineCalc({
    id: 'heatPumpCostEur',
    facts: { plannedHeatPumpKwTh: 'number' },
    params: ['heatPumpEurPerKwTh'],
    compute: (f, p) => f.plannedHeatPumpKwTh * p.heatPumpEurPerKwTh,
  }),
  defineCalc({
    id: 'heatPumpSavingsEurPerYear',
    // The gas avoided at the gas price, minus the electricity the heat pump uses for the same heat; only for a gas-heated building.
    facts: { heating: 'option', gasM3: 'number' },
    params: ['gasKwhPerM3', 'boilerEfficiency', 'heatPumpCop'],
    uses: ['gasTariffEurPerM3', 'electricityTariffEurPerKwh'],
    compute(f, p, c, unknownBecause) {
      if (f.heating !== 'gas') return unknownBecause();
      return f.gasM3 * c.gasTariffEurPerM3 - heatPumpElectricityKwh(f.gasM3, p) * c.electricityTariffEurPerKwh;
    },
  }),
  paybackCalc('heatPumpPaybackYears', 'heatPumpCostEur', 'heatPumpSavingsEurPerYear'),
  defineCalc({
    id: 'groundSourceCostEur',
    facts: { plannedHeatPumpKwTh: 'number' },
    params: ['groundLoopEurPerKwTh'],
    uses: ['heatPumpCostEur'],
    compute: (f, p, c) => c.heatPumpCostEur + f.plannedHeatPumpKwTh * p.groundLoopEurPerKwTh,
  }),
  paybackCalc('groundSourcePaybackYears', 'groundSourceCostEur', 'heatPumpSavingsEurPerYear'),
  defineCalc({
    id: 'chargePointCostEur',
    // The duty asks for at least one charge point: the investment of that one.
    params: ['chargePointEur'],
    compute: (_f, p) => p.chargePointEur,
  }),
  defineCalc({
    id: 'fleetChargingCostEur',
    // One 11 kW point per van; no sourced price for truck chargers, so with trucks the investment is not known.
    facts: { vans: 'number', trucks: 'number' },
    params: ['chargePointEur'],
    compute: (f, p, _c, unknownBecause) => (f.trucks > 0 ? unknownBecause() : f.vans * p.chargePointEur),
  }),
];
