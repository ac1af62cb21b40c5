/**
 * Formulas of the grid connection: offtake headroom, and what charge points, fleets and heat
 * pumps would ask of it; and the two figures of the terrain as one grid that the energy hub
 * reads (made by ../grid.ts from the buildings' verdicts).
 */
import { defineCalc, defineGridFigure } from './define';

/** The measures whose feasible and conditional verdicts add offtake in the grid summary. */
export const OFFTAKE_MEASURES = ['heat-pump', 'ground-source', 'ev-charging', 'fleet-charging'] as const;

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
    // Conduits are a rule for new build and major renovation only (Bbl / EPBD III); an existing building needs none.
    facts: { newBuildOrMajorRenovation: 'boolean', parkingSpaces: 'number?' },
    params: ['chargePointConduitRatio'],
    compute(f, p, _c, unknownBecause) {
      if (!f.newBuildOrMajorRenovation) return 0;
      return f.parkingSpaces === null ? unknownBecause('parkingSpaces') : Math.ceil(f.parkingSpaces / p.chargePointConduitRatio);
    },
  }),
  defineCalc({
    id: 'evChargingExcessKw',
    params: ['evChargerKw'],
    uses: ['offtakeHeadroomKw'],
    compute: (_f, p, c) => p.evChargerKw - c.offtakeHeadroomKw,
  }),
  defineCalc({
    id: 'fleetChargingDemandKw',
    // With one of the two counts unknown, at least what the other asks: enough when that alone exceeds the headroom.
    facts: { vans: 'number?', trucks: 'number?' },
    lowerBoundWhenUnknown: ['vans', 'trucks'],
    params: ['vanChargeKw', 'truckChargeKw'],
    compute: (f, p, _c, unknownBecause) => (f.vans === null && f.trucks === null ? unknownBecause('vans', 'trucks') : (f.vans ?? 0) * p.vanChargeKw + (f.trucks ?? 0) * p.truckChargeKw),
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
  // What one group contract of the large connections frees: (1 − simultaneity) × the sum of their peaks.
  defineGridFigure({ id: 'groupFreedKw', facts: ['connection', 'peakOfftakeKw'], measures: [], params: ['groupSimultaneityFactor'] }),
  // The group contract less the coincident peak and what the members' measures add: room left, or (negative) still lacking.
  defineGridFigure({
    id: 'groupRoomKw',
    facts: ['connection', 'contractedOfftakeKw', 'peakOfftakeKw', 'plannedHeatPumpKwTh', 'vans', 'trucks'],
    measures: [...OFFTAKE_MEASURES],
    params: ['groupSimultaneityFactor', 'evChargerKw', 'heatPumpCop', 'vanChargeKw', 'truckChargeKw'],
  }),
];
