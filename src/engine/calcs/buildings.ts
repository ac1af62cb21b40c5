/** Formulas about the buildings: the office share of one, and counts over the terrain's buildings. */
import { defineCalc, defineCount } from './define';

export const buildingCalcs = [
  defineCalc({
    id: 'officeShare',
    facts: { officeAreaM2: 'number', floorAreaM2: 'number' },
    compute: (f) => (f.floorAreaM2 > 0 ? Math.min(100, (100 * f.officeAreaM2) / f.floorAreaM2) : 0),
  }),
  defineCount({ id: 'largeConnectionCount', fact: 'connection', counts: (v) => v === 'large' }),
  defineCount({ id: 'gasHeatedBuildingCount', fact: 'heating', counts: (v) => v === 'gas' }),
  defineCount({ id: 'residualHeatBuildingCount', fact: 'residualHeatAvailable', counts: (v) => v === true }),
  defineCount({ id: 'generatingBuildingCount', fact: 'existingPvKwp', counts: (v) => typeof v === 'number' && v > 0 }),
];
