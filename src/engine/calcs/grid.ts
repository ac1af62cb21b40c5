/** Formulas of the grid connection: offtake headroom, and what charge points, fleets and heat pumps would ask of it. */
import { defineCalc } from './define';

export const gridCalcs = [
  defineCalc({
    id: 'offtakeHeadroomKw',
    // A small connection's capacity is fixed; a large one's is its contract.
    facts: { connection: 'option', peakOfftakeKw: 'number?', contractedOfftakeKw: 'number?' },
    params: ['smallConnectionMaxKva'],
    compute(f, p, _c, unknownBecause) {
      const peak = f.peakOfftakeKw;
      if (f.connection !== 'large') return peak === null ? unknownBecause('peakOfftakeKw') : p.smallConnectionMaxKva - peak;
      const contracted = f.contractedOfftakeKw;
      return contracted === null || peak === null ? unknownBecause('contractedOfftakeKw', 'peakOfftakeKw') : contracted - peak;
    },
  }),
  defineCalc({
    id: 'chargePointConduits',
    facts: { parkingSpaces: 'number' },
    params: ['chargePointConduitRatio'],
    compute: (f, p) => Math.ceil(f.parkingSpaces / p.chargePointConduitRatio),
  }),
  defineCalc({
    id: 'evChargingExcessKw',
    params: ['evChargerKw'],
    uses: ['offtakeHeadroomKw'],
    compute: (_f, p, c) => p.evChargerKw - c.offtakeHeadroomKw,
  }),
  defineCalc({
    id: 'fleetChargingDemandKw',
    facts: { vans: 'number', trucks: 'number' },
    params: ['vanChargeKw', 'truckChargeKw'],
    compute: (f, p) => f.vans * p.vanChargeKw + f.trucks * p.truckChargeKw,
  }),
  defineCalc({
    id: 'fleetChargingExcessKw',
    uses: ['fleetChargingDemandKw', 'offtakeHeadroomKw'],
    compute: (_f, _p, c) => c.fleetChargingDemandKw - c.offtakeHeadroomKw,
  }),
  defineCalc({
    id: 'heatPumpElectricKw',
    facts: { plannedHeatPumpKwTh: 'number' },
    params: ['heatPumpCop'],
    compute: (f, p) => f.plannedHeatPumpKwTh / p.heatPumpCop,
  }),
  defineCalc({
    id: 'heatPumpExcessKw',
    uses: ['heatPumpElectricKw', 'offtakeHeadroomKw'],
    compute: (_f, _p, c) => c.heatPumpElectricKw - c.offtakeHeadroomKw,
  }),
];
