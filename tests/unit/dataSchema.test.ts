/**
 * Data tests for the toolbox (SPEC §3), the files' shape: every data file and example terrain
 * validates against its JSON Schema, the examples use catalogue facts with valid values, and
 * the contract ids of SPEC §4-§6 exist. The schemas are shown to reject a misspelt key, a
 * comparison with two subjects and a list with "eq".
 */
import { describe, expect, it } from 'vitest';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Comparison, Fact, Terrain, Toolbox } from '../../src/engine/types';
import { checkFactValue } from '../../src/engine/validate';
import { DATA_FILES, EXAMPLES, readJson, schemaErrors } from './helpers/toolboxData';
import { duplicates } from './helpers/toolboxWalk';

const tb = bundledToolbox;

// ---------------------------------------------------------------- contract ids (SPEC §4-§6)

const CONTRACT_STEPS = [
  'measure-consumption', 'energy-saving-measures', 'grid-operator-consultation', 'transport-indication', 'roof-inspection',
  'asbestos-removal', 'roof-renewal', 'structural-calculation', 'insurer-notification', 'owner-consent', 'permit-check',
  'form-collective', 'group-contract', 'found-cooperative', 'subsidy-application', 'isde-application', 'pv-installation',
  'heat-pump-installation', 'charging-installation', 'battery-installation', 'generator-registration', 'scope12-inspection',
  'eia-notification',
];

const CONTRACT_MEASURES = [
  'energy-saving', 'office-label-c', 'pv-roof', 'pv-carport', 'sce-cooperative-roof', 'battery', 'energy-hub', 'heat-network',
  'residual-heat', 'heat-pump', 'ground-source', 'ev-charging', 'fleet-charging',
];

/** SPEC §4: fact id → scope and kind; enums with their options exactly as the spec lists them. */
type ContractFact = { scope: 'terrain' | 'building'; kind: 'number' | 'boolean' | string[] };
const num = (scope: ContractFact['scope']): ContractFact => ({ scope, kind: 'number' });
const bool = (scope: ContractFact['scope']): ContractFact => ({ scope, kind: 'boolean' });
const oneOf = (scope: ContractFact['scope'], options: string[]): ContractFact => ({ scope, kind: options });
const CONGESTION = ['none', 'yellow', 'orange', 'red'];
const CONTRACT_FACTS: Record<string, ContractFact> = {
  organisation: oneOf('terrain', ['none', 'association', 'parkmanagement', 'biz', 'cooperative']),
  congestionOfftake: oneOf('terrain', CONGESTION),
  congestionFeedIn: oneOf('terrain', CONGESTION),
  heatNetwork: oneOf('terrain', ['present', 'planned', 'none']),
  heatNetworkDistanceM: num('terrain'),
  residualHeatSupply: bool('terrain'),
  groundwaterProtection: bool('terrain'),
  coastalStrip: bool('terrain'),
  energyCooperative: oneOf('terrain', ['active', 'none']),
  gridStationSpace: bool('terrain'),
  use: oneOf('building', ['office', 'industry', 'logistics', 'retail', 'other']),
  floorAreaM2: num('building'),
  officeAreaM2: num('building'),
  energyLabel: oneOf('building', ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'none']),
  monument: oneOf('building', ['none', 'monument', 'protected-cityscape']),
  tenure: oneOf('building', ['owner', 'tenant']),
  connection: oneOf('building', ['small', 'large']),
  contractedOfftakeKw: num('building'),
  contractedFeedInKw: num('building'),
  peakOfftakeKw: num('building'),
  electricityKwh: num('building'),
  gasM3: num('building'),
  roofAreaM2: num('building'),
  roofType: oneOf('building', ['flat', 'pitched']),
  roofOrientation: oneOf('building', ['south', 'east-west', 'north', 'other']),
  roofInsulation: oneOf('building', ['mineral-wool', 'eps', 'pur-pir', 'none']),
  sandwichPanels: bool('building'),
  roofCovering: oneOf('building', ['bitumen', 'epdm', 'pvc-tpo', 'metal', 'other']),
  asbestos: bool('building'),
  roofRemainingLifeYears: num('building'),
  roofLoadReserveKgM2: num('building'),
  shading: oneOf('building', ['none', 'partial', 'heavy']),
  existingPvKwp: num('building'),
  parkingSpaces: num('building'),
  parkingAreaM2: num('building'),
  vans: num('building'),
  trucks: num('building'),
  fleetElectrification: bool('building'),
  heating: oneOf('building', ['gas', 'heat-pump', 'district-heat', 'electric', 'other']),
  plannedHeatPumpKwTh: num('building'),
  insurerInformed: bool('building'),
  newBuildOrMajorRenovation: bool('building'),
  residualHeatAvailable: bool('building'),
};

function contractFactProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const facts = new Map(tb.facts.map((f) => [f.id, f]));
  for (const [id, want] of Object.entries(CONTRACT_FACTS)) {
    const f = facts.get(id);
    if (!f) {
      problems.push(`fact ${id} missing`);
      continue;
    }
    if (f.scope !== want.scope) problems.push(`fact ${id}: scope ${f.scope}, SPEC §4 says ${want.scope}`);
    if (want.kind === 'number' && f.type !== 'number' && f.type !== 'integer') problems.push(`fact ${id}: type ${f.type}, expected a number`);
    if (want.kind === 'boolean' && f.type !== 'boolean') problems.push(`fact ${id}: type ${f.type}, expected boolean`);
    if (Array.isArray(want.kind)) {
      const options = (f.options ?? []).map((o) => o.value);
      if (f.type !== 'enum') problems.push(`fact ${id}: type ${f.type}, expected enum`);
      else if (JSON.stringify([...options].sort()) !== JSON.stringify([...want.kind].sort())) {
        problems.push(`fact ${id}: options [${options.join(', ')}], SPEC §4 says [${want.kind.join(', ')}]`);
      }
    }
  }
  return problems;
}

describe('toolbox data: schemas', () => {
  it.each(DATA_FILES)('%s validates against schema/%s', (file, schema) => {
    const errors = schemaErrors(schema, readJson(file));
    expect(errors, `${file} does not match ${schema}:\n${errors}`).toBe('');
  });

  it.each(EXAMPLES)('examples/%s validates against schema/terrain.schema.json', (file) => {
    const errors = schemaErrors('terrain.schema.json', readJson(`examples/${file}`));
    expect(errors, `examples/${file} does not match terrain.schema.json:\n${errors}`).toBe('');
  });

  it('example terrains use catalogue facts in the right scope with valid values and unique building ids', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
    const facts = new Map(tb.facts.map((f) => [f.id, f]));
    const problems: string[] = [];
    for (const file of EXAMPLES) {
      const terrain = readJson(`examples/${file}`) as Terrain;
      const check = (where: string, scope: Fact['scope'], values: Record<string, unknown>): void => {
        for (const [id, value] of Object.entries(values)) {
          const f = facts.get(id);
          if (!f) problems.push(`${file} ${where}: unknown fact ${id}`);
          else if (f.scope !== scope) problems.push(`${file} ${where}: ${id} is a ${f.scope} fact`);
          else {
            const r = checkFactValue(f, value);
            if (!r.ok) problems.push(`${file} ${where}: ${id} = ${JSON.stringify(value)}: ${r.message.en}`);
          }
        }
      };
      check('terrain', 'terrain', terrain.facts);
      for (const b of terrain.buildings) check(`building ${b.id}`, 'building', b.facts);
      for (const id of duplicates(terrain.buildings.map((b) => b.id))) problems.push(`${file}: duplicate building id ${id}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('toolbox data: SPEC contract ids', () => {
  it('the SPEC §6 step ids exist', () => {
    const ids = new Set(tb.steps.map((s) => s.id));
    expect(CONTRACT_STEPS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('the SPEC §5 measure ids exist', () => {
    const ids = new Set(tb.measures.map((m) => m.id));
    expect(CONTRACT_MEASURES.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('the SPEC §4 fact ids exist with their scope, type and options', () => {
    expect(contractFactProblems(tb)).toEqual([]);
  });
});

describe('toolbox data: the checks are not vacuous', () => {
  it('the schemas reject a misspelt key, a comparison with two subjects and a list with "eq"', () => {
    const raw = readJson('measures.json') as { measures: Record<string, unknown>[] };
    const typo = structuredClone(raw);
    typo.measures[0].sumary = typo.measures[0].summary;
    expect(schemaErrors('measures.schema.json', typo)).toContain('additional properties');

    const twoSubjects = structuredClone(bundledToolbox.measures);
    const test = twoSubjects[1].applies[0].test as Comparison;
    test.fact = 'officeAreaM2';
    test.calc = 'officeShare';
    expect(schemaErrors('measures.schema.json', { measures: twoSubjects })).toContain('oneOf');

    const eqList = structuredClone(bundledToolbox.measures);
    eqList[0].obligation!.when = { fact: 'connection', op: 'eq', value: ['small', 'large'] };
    expect(schemaErrors('measures.schema.json', { measures: eqList })).not.toBe('');
  });
});
