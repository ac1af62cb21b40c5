/**
 * The terrain record's shape is declared once, in toolbox-data/schema/terrain.schema.json:
 * the generated validator and types are that schema (regenerated here); the export format
 * refers to it; every field it declares survives an import and is named in messages; the
 * survey fields are checked with a Dutch message and never read by the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateExportValidator, generateTerrainTypes, OUT_DTS, OUT_JS, OUT_TYPES, SCHEMA_PATH, TERRAIN_SCHEMA_PATH } from '../../scripts/gen-export-validator';
import { assess } from '../../src/engine';
import type { Terrain } from '../../src/engine/types';
import { exportEnvelope, serializeEnvelope, type ExportEnvelope } from '../../src/storage/envelope';
import { FIELD_NAMES } from '../../src/storage/messages';
import { parseImport } from '../../src/storage/restore';

type Node = Record<string, unknown> & { properties?: Record<string, Node>; definitions?: Record<string, Node> };
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const TERRAIN_SCHEMA = readJson<Node>(TERRAIN_SCHEMA_PATH);
const EXPORT_SCHEMA = readJson<Node>(SCHEMA_PATH);
const FIXTURE = fileURLToPath(new URL('../fixtures/export-v3/survey.json', import.meta.url));

/** Every `properties` object of a schema, with the path to it. */
function propertyLists(node: unknown, path = '#', out: [string, Record<string, Node>][] = []): typeof out {
  if (!node || typeof node !== 'object') return out;
  const n = node as Node;
  if (n.properties) out.push([path, n.properties]);
  for (const [key, child] of Object.entries(n)) if (typeof child === 'object') propertyLists(child, `${path}/${key}`, out);
  return out;
}

describe('generated from the schema', () => {
  it('regenerating the validator gives exactly the committed module', () => {
    const { js, dts } = generateExportValidator();
    expect(readFileSync(OUT_JS, 'utf8')).toBe(js);
    expect(readFileSync(OUT_DTS, 'utf8')).toBe(dts);
  });

  it('the validator contains nothing the CSP would block and needs no Ajv at runtime', () => {
    const js = readFileSync(OUT_JS, 'utf8');
    for (const forbidden of ['require(', 'new Function', 'eval(', 'import ']) expect(js).not.toContain(forbidden);
  });

  it('regenerating the record types gives exactly the committed module', () => {
    expect(readFileSync(OUT_TYPES, 'utf8')).toBe(generateTerrainTypes());
  });

  it('the export format holds terrain records by reference to terrain.schema.json, not a copy of it', () => {
    expect((EXPORT_SCHEMA.properties as { terrains: { items: unknown } }).terrains.items).toEqual({ $ref: 'terrain.schema.json' });
    // Its only definition is the photo entry (format 5), which is no part of the terrain record.
    expect(Object.keys((EXPORT_SCHEMA as { definitions?: object }).definitions ?? {})).toEqual(['photo']);
  });
});

describe('labels and messages come from the schema', () => {
  const record = propertyLists(TERRAIN_SCHEMA).filter(([path]) => !path.includes('/x-'));

  it('every property of the record (terrain, building, survey) has a Dutch and English label', () => {
    const missing = record.flatMap(([path, props]) => Object.entries(props).filter(([, p]) => !(p['x-label'] as { nl?: string; en?: string } | undefined)?.nl || !(p['x-label'] as { en?: string }).en).map(([k]) => `${path}/${k}`));
    expect(missing).toEqual([]);
  });

  it('one field name has one label in every schema (FIELD_NAMES is a plain map)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [path, props] of [...record, ...propertyLists(EXPORT_SCHEMA)]) {
      for (const [key, p] of Object.entries(props)) {
        if (!p['x-label']) continue;
        const label = JSON.stringify(p['x-label']);
        if (seen.has(key) && seen.get(key) !== label) clashes.push(`${path}/${key}`);
        seen.set(key, label);
      }
    }
    expect(clashes).toEqual([]);
    expect(FIELD_NAMES.kvkNumber).toEqual({ nl: 'KvK-nummer', en: 'Chamber of Commerce (KvK) number' });
    expect(FIELD_NAMES.municipality).toEqual({ nl: 'gemeente', en: 'municipality' });
  });

  it('every pattern of a record field says what it wants (x-invalid)', () => {
    const common = readJson<Node>(TERRAIN_SCHEMA_PATH.replace('terrain.schema.json', 'common.schema.json'));
    const nodes: Node[] = [];
    const walk = (n: unknown, underPropertyNames = false): void => {
      if (!n || typeof n !== 'object') return;
      if (!underPropertyNames && typeof (n as Node).pattern === 'string') nodes.push(n as Node);
      for (const [k, c] of Object.entries(n)) walk(c, k === 'propertyNames');
    };
    walk(TERRAIN_SCHEMA);
    walk((common.definitions as Record<string, Node>).date);
    expect(nodes.length).toBeGreaterThanOrEqual(6);
    expect(nodes.filter((n) => !n['x-invalid']).map((n) => n.pattern)).toEqual([]);
  });
});

describe('the survey fields of a building (worked example of a new stored field)', () => {
  const v3 = (): ExportEnvelope => readJson<ExportEnvelope>(FIXTURE);

  it('the format-3 fixture holds every survey field the schema declares, and all of them survive an import', () => {
    const declared = Object.keys((TERRAIN_SCHEMA.definitions as Record<string, Node>).survey.properties!);
    const env = v3();
    expect(Object.keys(env.terrains[0].buildings[0].survey ?? {}).sort()).toEqual([...declared].sort());
    const result = parseImport(JSON.stringify(env));
    if (!result.ok) throw new Error(result.message.nl);
    // (the buildings: a format-3 file's own electricity value is lifted to its new meaning, tests/unit/exchange.test.ts)
    const buildings = env.terrains.map((t) => t.buildings);
    expect(result.terrains.map((t) => t.buildings)).toEqual(buildings);
    // and a stored record exports them again
    const again = parseImport(serializeEnvelope(exportEnvelope(result.terrains)));
    expect(again.ok && again.terrains.map((t) => t.buildings)).toEqual(buildings);
  });

  it('a bad KvK number, visit date, e-mail address or unknown survey field is refused with a Dutch message naming it', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ kvkNumber: '1234567' }, /gebouw 1 \("Hal A \(groothandel\)"\), veld "Bedrijf en bezoek", veld "KvK-nummer": moet 8 cijfers zijn, bijvoorbeeld 12345678\./],
      [{ kvkNumber: 12345678 }, /veld "KvK-nummer": moet tekst zijn/],
      [{ visitDate: '2027-13-01' }, /veld "Datum bezoek": is geen geldige datum \(JJJJ-MM-DD\)/],
      [{ contactEmail: 'niet-een-adres' }, /veld "E-mail contactpersoon": is geen e-mailadres/],
      [{ notes: 'x'.repeat(5001) }, /veld "Notities": is te lang \(hoogstens 5000 tekens\)/],
      [{ photo: 'dak.jpg' }, /veld "Bedrijf en bezoek": onbekend veld "photo"/],
    ];
    for (const [survey, expected] of cases) {
      const env = v3();
      env.terrains[0].buildings[0].survey = survey;
      const result = parseImport(JSON.stringify(env));
      expect(result.ok, JSON.stringify(survey)).toBe(false);
      if (!result.ok) {
        expect(result.message.nl).toMatch(expected);
        expect(result.message.en).toContain('Nothing was imported or changed.');
      }
    }
  });

  it('the engine never reads them: the same assessment with and without', () => {
    const terrain = v3().terrains[0] as Terrain;
    const without: Terrain = { ...terrain, buildings: terrain.buildings.map(({ survey: _s, ...b }) => b) };
    expect(terrain.buildings[0].survey).toBeDefined();
    expect(JSON.stringify(assess(terrain))).toBe(JSON.stringify(assess(without)));
  });
});
