/**
 * The export file format (src/storage/envelope.ts, restore.ts, messages.ts): export → import
 * gives back the same terrains; every fixture of every format version imports without loss;
 * hostile and broken files are rejected with a Dutch message naming where and what; the
 * format's migration ladder; the generated validator and types are the schema (regenerated
 * here; the validator compared with Ajv compiling the schema itself); every field the record
 * schema declares survives an import and has a label; and a fuzz run (seeded, see
 * helpers/seed.ts) in which nothing throws past the validator and only valid files pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordAjv } from '../../scripts/gen-export-validator';
import { bundledToolbox } from '../../src/engine/toolbox';
import type { Fact, Terrain } from '../../src/engine/types';
import { checkFactValue } from '../../src/engine/validate';
import type { StoredTerrain } from '../../src/storage/db';
import {
  ENVELOPE_MIGRATIONS,
  EXPORT_FORMAT_VERSION,
  EXPORT_TYPE,
  exportEnvelope,
  exportFileName,
  LIMITS,
  serializeEnvelope,
  type ExportEnvelope,
} from '../../src/storage/envelope';
import { KEPT_ID, migrateOwnValues, OLD_MEANING_ID } from '../../src/storage/ownValues';
import { migrateEnvelope, parseImport, utf8Length, type ImportResult } from '../../src/storage/restore';

const root = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const read = (rel: string): string => readFileSync(root(rel), 'utf8');
const SCHEMA = JSON.parse(read('toolbox-data/schema/export.schema.json')) as Record<string, unknown>;
const ajvFull = recordAjv({ allErrors: true }).compile(SCHEMA);
const FACTS = bundledToolbox.facts;

/** The message parseImport gives when something inside it threw: must never happen. */
const INTERNAL_FAILURE = 'Het bestand kon niet worden gelezen';

function rejected(result: ImportResult): string {
  if (result.ok) throw new Error('expected a rejection, got ok');
  expect(result.message.nl.length).toBeGreaterThan(20);
  expect(result.message.en.length).toBeGreaterThan(20);
  expect(result.message.nl).toContain('Er is niets geïmporteerd of gewijzigd.');
  expect(result.message.nl).not.toContain(INTERNAL_FAILURE);
  return result.message.nl;
}

function accepted(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message.nl}`);
  return result;
}

const stored = (t: Terrain, revision = 4): StoredTerrain => ({ ...t, createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-02T09:30:00.000Z', revision });
const fixtureFiles = (dir: string): string[] => readdirSync(root(dir)).filter((f) => f.endsWith('.json')).sort();

// ---------------------------------------------------------------- envelope

describe('export', () => {
  it('writes the envelope: type, format version, toolbox version, app version, exported at, terrains without revision', () => {
    const terrain = JSON.parse(read('toolbox-data/examples/roomburg.json')) as Terrain;
    const env = exportEnvelope([stored(terrain)], { now: new Date('2026-11-28T10:00:00.000Z') });
    expect(env.type).toBe(EXPORT_TYPE);
    expect(env.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(env.toolboxVersion).toBe(bundledToolbox.meta.version);
    expect(env.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(env.exportedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(env.terrains).toHaveLength(1);
    expect(env.terrains[0]).not.toHaveProperty('revision');
    expect(env.terrains[0]).toMatchObject({ ...terrain, createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-02T09:30:00.000Z' });
    expect(ajvFull(env)).toBe(true);
  });

  it('copies: changing the envelope does not touch the terrain it came from', () => {
    const terrain = stored({ id: 't1', name: 'A', facts: { organisation: 'biz' }, buildings: [{ id: 'b1', name: 'B', facts: { roofAreaM2: 1 } }] });
    const env = exportEnvelope([terrain]);
    env.terrains[0].buildings[0].facts.roofAreaM2 = 99;
    expect(terrain.buildings[0].facts.roofAreaM2).toBe(1);
  });

  it('names the file safely, also for a hostile name', () => {
    const at = new Date('2026-11-28T10:00:00.000Z');
    const one = (name: string) => exportFileName(exportEnvelope([stored({ id: 't', name, facts: {}, buildings: [] })], { now: at }));
    expect(one('Coöperatie Zuid — Ĳsselmonde')).toBe('energietoolbox-cooperatie-zuid-ijsselmonde-2026-11-28.json');
    expect(one('<img src=x onerror=alert(1)>')).toBe('energietoolbox-img-src-x-onerror-alert-1-2026-11-28.json');
    expect(one('../../../etc/passwd')).toBe('energietoolbox-etc-passwd-2026-11-28.json');
    expect(one('🌞')).toBe('energietoolbox-terreinen-2026-11-28.json');
    const two = exportEnvelope([stored({ id: 'a', name: 'A', facts: {}, buildings: [] }), stored({ id: 'b', name: 'B', facts: {}, buildings: [] })], { now: at });
    expect(exportFileName(two)).toBe('energietoolbox-terreinen-2026-11-28.json');
  });

  it('export then import gives back the same terrains (every example terrain, a hostile and a unicode one)', () => {
    const examples = readdirSync(root('toolbox-data/examples')).map((f) => JSON.parse(read(`toolbox-data/examples/${f}`)) as Terrain);
    const extra: Terrain[] = [
      { id: 'h1', name: '<img src=x onerror=alert(1)>', facts: {}, buildings: [{ id: 'b1', name: '<img src=x onerror=alert(1)>', facts: { use: 'office' } }] },
      { id: 'u1', name: 'Súdwest-Fryslân 🌞 “quotes” \\ back\u2028slash', municipality: '', postcode4: '', facts: { heatNetwork: null, notYetKnown: 'x' }, buildings: [] },
    ];
    const input = [...examples, ...extra].map((t, i) => stored(t, i + 1));
    const result = accepted(parseImport(serializeEnvelope(exportEnvelope(input))));
    expect(result.terrains).toEqual(input.map(({ revision: _r, ...t }) => t));
  });
});

// ---------------------------------------------------------------- fixtures

/** A fixture imports as it stands, in the current format, and exporting what came in gives the same terrains again. */
/**
 * Imports a fixture and checks nothing is lost: the terrains come back as in the file, except that
 * a file of format 3 or older has its own electricity value lifted from the old meaning (converted,
 * or kept aside under another id: migrateOwnValues, tested in ownValues.test.ts and below).
 */
function importsWithoutLoss(path: string): ExportEnvelope['terrains'] {
  const text = read(path);
  const raw = JSON.parse(text) as ExportEnvelope;
  const expected = raw.formatVersion <= 3 ? raw.terrains.map((t) => migrateOwnValues(t).terrain) : raw.terrains;
  const result = accepted(parseImport(text));
  expect(result.terrains).toEqual(expected);
  expect(result.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
  const again = accepted(parseImport(serializeEnvelope(exportEnvelope(result.terrains))));
  expect(again.terrains).toEqual(expected);
  return result.terrains;
}

describe('fixtures of format version 1 (tests/fixtures/export-v1)', () => {
  const files = fixtureFiles('tests/fixtures/export-v1');
  it('there are fixtures', () => expect(files.length).toBeGreaterThanOrEqual(3));

  it.each(files)('%s imports without loss', (file) => {
    importsWithoutLoss(`tests/fixtures/export-v1/${file}`);
  });

  it('the hostile names in all-terrains.json come through as plain strings', () => {
    const result = accepted(parseImport(read('tests/fixtures/export-v1/all-terrains.json')));
    const hostile = result.terrains.find((t) => t.name === '<img src=x onerror=alert(1)>');
    expect(hostile?.buildings.map((b) => b.name)).toEqual(['<img src=x onerror=alert(1)>', '"; DROP TABLE terrains; --']);
  });
});

describe('fixtures of format version 2 (tests/fixtures/export-v2): own parameter values', () => {
  const files = fixtureFiles('tests/fixtures/export-v2');
  it('there are fixtures', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s imports without loss, own values included, and exports the same again', (file) => {
    const terrains = importsWithoutLoss(`tests/fixtures/export-v2/${file}`);
    expect(terrains.some((t) => t.parameterOverrides && Object.keys(t.parameterOverrides).length > 0)).toBe(true);
  });

  it('an own value for a parameter this toolbox does not know is kept (a newer toolbox may know it)', () => {
    const env = JSON.parse(read('tests/fixtures/export-v2/own-values.json')) as ExportEnvelope;
    env.terrains[0].parameterOverrides = { ...env.terrains[0].parameterOverrides, batteryCostEurPerKwh: 400 };
    expect(accepted(parseImport(JSON.stringify(env))).terrains[0].parameterOverrides).toEqual({ ...migrateOwnValues(env.terrains[0]).terrain.parameterOverrides, batteryCostEurPerKwh: 400 });
  });
});

describe('fixtures of format version 3 (tests/fixtures/export-v3): the building survey', () => {
  const files = fixtureFiles('tests/fixtures/export-v3');
  it('there are fixtures', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s imports without loss, survey included, and exports the same again', (file) => {
    const terrains = importsWithoutLoss(`tests/fixtures/export-v3/${file}`);
    expect(terrains.some((t) => t.buildings.some((b) => b.survey && Object.keys(b.survey).length > 0))).toBe(true);
  });

  it('a format-2 file lifts to the current format and keeps everything; its own electricity value (old meaning) loses the tax of the one band all its buildings are in', () => {
    const v2 = JSON.parse(read('tests/fixtures/export-v2/own-values.json')) as ExportEnvelope;
    const result = accepted(parseImport(JSON.stringify(v2)));
    expect(result.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    // 95,000 to 900,000 kWh: band 50,000–10 mln kWh, € 0.03943 on 2026-11-27 (the last save): 0.19 − 0.03943.
    expect(result.terrains[0].parameterOverrides).toEqual({ ...v2.terrains[0].parameterOverrides, [OLD_MEANING_ID]: 0.1506 });
    expect(result.terrains[0].buildings).toEqual(v2.terrains[0].buildings);
  });

  it('own-value-old-meaning.json (format 3): one tax band → converted to the bare supply price; two bands → kept aside, unchanged; everything else as in the file', () => {
    const v3 = JSON.parse(read('tests/fixtures/export-v3/own-value-old-meaning.json')) as ExportEnvelope;
    const [one, two] = accepted(parseImport(JSON.stringify(v3))).terrains;
    // 30,000 and 45,000 kWh: band 10,000–50,000 kWh, € 0.06671 on 2026-11-20 (the last save): 0.25 − 0.06671.
    expect(one.parameterOverrides).toEqual({ [OLD_MEANING_ID]: 0.1833, pvCostEurPerWp: 0.9 });
    expect(two.parameterOverrides).toEqual({ [KEPT_ID]: 0.3, feedInCostEurPerKwh: 0.03 });
    const strip = ({ parameterOverrides: _p, ...t }: ExportEnvelope['terrains'][number]) => t;
    expect([one, two].map(strip)).toEqual(v3.terrains.map(strip));
  });

  it('a format-4 file is never lifted again (written after the meaning changed)', () => {
    const v3 = JSON.parse(read('tests/fixtures/export-v3/own-value-old-meaning.json')) as ExportEnvelope;
    const v4 = { ...v3, formatVersion: 4 };
    expect(accepted(parseImport(JSON.stringify(v4))).terrains.map((t) => t.parameterOverrides)).toEqual(v3.terrains.map((t) => t.parameterOverrides));
  });
});

describe('fixtures of format version 4 (tests/fixtures/export-v4): the building location', () => {
  const files = fixtureFiles('tests/fixtures/export-v4');
  it('there are fixtures', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s imports without loss, locations included, and exports the same again', (file) => {
    const terrains = importsWithoutLoss(`tests/fixtures/export-v4/${file}`);
    const locations = terrains.flatMap((t) => t.buildings.flatMap((b) => (b.location ? [b.location] : [])));
    expect(locations.map((l) => l.source).sort()).toEqual(['gps', 'hand']);
  });

  it('a format-3 file lifts to the current format and keeps its survey', () => {
    const v3 = JSON.parse(read('tests/fixtures/export-v3/survey.json')) as ExportEnvelope;
    const result = accepted(parseImport(JSON.stringify(v3)));
    expect(result.envelope.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(result.terrains.map((t) => t.buildings)).toEqual(v3.terrains.map((t) => t.buildings));
  });
});

describe('rejected files (tests/fixtures/export-rejected) say why, in Dutch', () => {
  const cases: Record<string, RegExp> = {
    'bad-id.json': /terrein 1 \("Roomburg \(fictief voorbeeld\)"\), veld "id": is geen geldige id/,
    'bare-terrain.json': /geen exportbestand van de Energietoolbox/,
    'constructor-key.json': /niet toegestane sleutel "constructor" \(terrein 1 \("Roomburg \(fictief voorbeeld\)"\)\)/,
    'duplicate-terrain-id.json': /^Terrein 2 .*de id "example-roomburg" komt meer dan eens voor/,
    'empty-name.json': /veld "naam": mag niet leeg zijn/,
    'empty.json': /geen JSON/,
    'future-version.json': /nieuwere versie van de app \(formaatversie 6; deze app kent tot en met versie 5\)\. Werk de app bij/,
    'location-out-of-range.json': /gebouw 1 \("Hal A \(groothandel\)"\), veld "Locatie", veld "Breedtegraad": moet hoogstens 90 zijn/,
    'location-bad-source.json': /gebouw 2 \("Kantoor B \(adviesbureau\)"\), veld "Locatie", veld "Bron van de locatie": moet een van "gps", "hand" zijn/,
    'own-value-not-adjustable.json': /^Terrein 1 \("Roomburg \(fictief voorbeeld\)"\), eigen waarde "[^"]+" \(energySavingDutyKwh\): Deze waarde uit de toolbox kan niet worden aangepast\. In het bestand staat 100000\./,
    'own-value-out-of-range.json': /eigen waarde "Investering zon op bedrijfsdak, 15-100 kWp" \(pvCostEurPerWp\): Mag niet groter zijn dan 5 €\/Wp\. In het bestand staat 9\./,
    'invalid-fact-negative.json': /^Terrein 1 \("Roomburg \(fictief voorbeeld\)"\), gebouw 1 \("[^"]+"\), gegeven "Dakoppervlak" \(roofAreaM2\): Mag niet negatief zijn\. In het bestand staat -4200\./,
    'invalid-fact-option.json': /^Terrein 1 .*gegeven "[^"]+" \(congestionOfftake\): Kies een van de opties: .* In het bestand staat "purple"\./,
    'invalid-fact-text-in-number.json': /gebouw 2 .*\(parkingSpaces\): Vul een getal in\. In het bestand staat "12"\./,
    'no-terrains.json': /het bestand bevat geen terreinen/,
    'not-json.json': /geen JSON/,
    'proto-key-top.json': /niet toegestane sleutel "__proto__" \(het bestand als geheel\)/,
    'proto-key.json': /niet toegestane sleutel "__proto__" \(terrein 1 .*veld "gegevens"\)/,
    'prototype-key.json': /niet toegestane sleutel "prototype"/,
    'unknown-field.json': /terrein 1 .*: onbekend veld "extra"/,
    'wrong-type.json': /geen exportbestand van de Energietoolbox/,
  };

  it('every rejected fixture has an expected message here', () => {
    expect(fixtureFiles('tests/fixtures/export-rejected')).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))('%s', (file, expected) => {
    const message = rejected(parseImport(read(`tests/fixtures/export-rejected/${file}`)));
    expect(message).toMatch(expected);
  });

  it('no rejected file polluted a prototype', () => {
    for (const file of Object.keys(cases)) parseImport(read(`tests/fixtures/export-rejected/${file}`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('input that is not a string is refused, not thrown on', () => {
    for (const value of [undefined, null, 42, {}, [], new Uint8Array(3)]) expect(rejected(parseImport(value))).toMatch(/geen JSON/);
  });

  it('JSON that is not our envelope is "not our type"', () => {
    for (const text of ['null', '42', '"x"', '[]', '[{"type":"energietoolbox-bedrijventerreinen/terrains"}]', '{}', '{"type":"Energietoolbox-Bedrijventerreinen/terrains"}']) {
      expect(rejected(parseImport(text))).toMatch(/geen exportbestand/);
    }
  });

  it('a UTF-8 byte order mark is accepted', () => {
    accepted(parseImport(`\uFEFF${read('tests/fixtures/export-v1/minimal.json')}`));
  });
});

// ---------------------------------------------------------------- limits

describe('limits', () => {
  const base = (): ExportEnvelope => JSON.parse(read('tests/fixtures/export-v1/minimal.json')) as ExportEnvelope;

  it(`a file over ${LIMITS.maxBytes / 1024 / 1024} MB is refused before it is parsed`, () => {
    const env = base();
    env.terrains[0].municipality = 'x'.repeat(LIMITS.maxBytes);
    expect(rejected(parseImport(JSON.stringify(env)))).toMatch(/groter dan 100 MB, de grens voor een import/);
    // Bytes, not characters: 2-byte characters count double.
    const text = JSON.stringify({ ...base(), pad: 'é'.repeat(LIMITS.maxBytes / 2) });
    expect(text.length).toBeLessThan(LIMITS.maxBytes);
    expect(rejected(parseImport(text))).toMatch(/groter dan 100 MB/);
  }, 30_000); // 100 MB strings: a few seconds on a busy machine

  it('utf8Length counts bytes (1-4 per character)', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('🌞')).toBe(4);
    expect(utf8Length('\ud800')).toBe(3); // a lone surrogate becomes U+FFFD
    expect(utf8Length('a€🌞é')).toBe(new TextEncoder().encode('a€🌞é').length);
  });

  it(`at most ${LIMITS.maxTerrains} terrains`, () => {
    const env = base();
    const many = Array.from({ length: LIMITS.maxTerrains }, (_, i) => ({ id: `t${i}`, name: `T${i}`, facts: {}, buildings: [] }));
    accepted(parseImport(JSON.stringify({ ...env, terrains: many })));
    many.push({ id: 'one-more', name: 'X', facts: {}, buildings: [] });
    const result = parseImport(JSON.stringify({ ...env, terrains: many }));
    expect(rejected(result)).toMatch(/^Het bestand bevat meer dan 2\.000 terreinen; de grens is 2\.000\./);
    expect(!result.ok && result.message.en).toMatch(/^The file holds more than 2,000 parks; the limit is 2,000\./);
  });

  it(`at most ${LIMITS.maxBuildingsPerTerrain} buildings per terrain`, () => {
    const env = base();
    env.terrains[0].buildings = Array.from({ length: LIMITS.maxBuildingsPerTerrain }, (_, i) => ({ id: `b${i}`, name: `B${i}`, facts: {} }));
    accepted(parseImport(JSON.stringify(env)));
    env.terrains[0].buildings.push({ id: 'b-extra', name: 'X', facts: {} });
    const result = parseImport(JSON.stringify(env));
    expect(rejected(result)).toMatch(/^Terrein 1 \("Minimaal"\) heeft 1\.001 gebouwen; de grens is 1\.000\./);
    expect(!result.ok && result.message.en).toMatch(/^Park 1 \("Minimaal"\) has 1,001 buildings; the limit is 1,000\./);
  });

  it(`nesting deeper than ${LIMITS.maxDepth} levels is refused without recursion`, () => {
    const env = base() as unknown as Record<string, unknown>;
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = JSON.stringify(env).replace('"facts":{}', `"facts":{"deep":${deep}}`);
    expect(rejected(parseImport(text))).toMatch(/dieper genest/);
  });

  it('strings and collections have bounds (ids, fact names, fact texts, facts per record)', () => {
    const env = base();
    env.terrains[0].id = 'x'.repeat(101);
    expect(rejected(parseImport(JSON.stringify(env)))).toMatch(/geen geldige id/);
    const b = base();
    b.terrains[0].facts = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, i]));
    expect(rejected(parseImport(JSON.stringify(b)))).toMatch(/te veel gegevens \(hoogstens 200\)/);
    const c = base();
    c.terrains[0].facts = { unknownButLong: 'x'.repeat(1001) };
    expect(rejected(parseImport(JSON.stringify(c)))).toMatch(/gegeven "unknownButLong": de tekst is te lang/);
  });
});

// ---------------------------------------------------------------- facts

describe('fact values are checked with checkFactValue (the one place for fact validation)', () => {
  const withFact = (scope: 'terrain' | 'building', id: string, value: unknown): string => {
    const env = JSON.parse(read('tests/fixtures/export-v1/minimal.json')) as ExportEnvelope;
    env.terrains[0].buildings = [{ id: 'b1', name: 'Hal <b>A</b>', facts: {} }];
    (scope === 'terrain' ? env.terrains[0].facts : env.terrains[0].buildings[0].facts)[id] = value;
    return JSON.stringify(env);
  };

  it('every fact: a valid value passes, each kind of invalid value is refused with the fact named', () => {
    for (const fact of FACTS) {
      const valid = fact.type === 'boolean' ? true : fact.type === 'enum' ? fact.options![0].value : (fact.min ?? 0);
      accepted(parseImport(withFact(fact.scope, fact.id, valid)));
      accepted(parseImport(withFact(fact.scope, fact.id, null)));
      const invalid: unknown[] =
        fact.type === 'boolean' ? ['ja', 1] : fact.type === 'enum' ? ['no-such-option', 3] : ['12', true, ...(fact.min !== undefined ? [fact.min - 1] : []), ...(fact.max !== undefined ? [fact.max + 1] : []), ...(fact.type === 'integer' ? [0.5] : [])];
      for (const value of invalid) {
        const message = rejected(parseImport(withFact(fact.scope, fact.id, value)));
        const where = fact.scope === 'building' ? 'Terrein 1 ("Minimaal"), gebouw 1 ("Hal <b>A</b>"), ' : 'Terrein 1 ("Minimaal"), ';
        expect(message.startsWith(`${where}gegeven "${fact.label.nl}" (${fact.id}): `)).toBe(true);
        expect(message).toContain((checkFactValue(fact, value) as { message: { nl: string } }).message.nl);
      }
    }
  });

  it('fact ids the catalogue does not know, or of the other scope, are kept as they are (a newer toolbox may know them)', () => {
    const building = FACTS.find((f) => f.scope === 'building')!;
    const result = accepted(parseImport(withFact('terrain', building.id, 'anything')));
    expect(result.terrains[0].facts[building.id]).toBe('anything');
    expect(accepted(parseImport(withFact('building', 'aFactFrom2030', 7))).terrains[0].buildings[0].facts.aFactFrom2030).toBe(7);
  });

  it('a catalogue can be passed in (the importer does not hard-wire the facts)', () => {
    const custom: Fact[] = [{ id: 'onlyFact', scope: 'terrain', type: 'integer', group: 'g', min: 1, max: 3, label: { nl: 'Enig', en: 'Only' }, help: { nl: '', en: '' } }];
    expect(rejected(parseImport(withFact('terrain', 'onlyFact', 4), { facts: custom }))).toMatch(/gegeven "Enig" \(onlyFact\): Mag niet groter zijn dan 3/);
    accepted(parseImport(withFact('terrain', 'onlyFact', 2), { facts: custom }));
  });
});

// ---------------------------------------------------------------- migration

describe('migrateEnvelope: the format version ladder', () => {
  const v1 = (): Record<string, unknown> => JSON.parse(read('tests/fixtures/export-v1/all-terrains.json')) as Record<string, unknown>;

  it('the current version needs no step and comes back as it is', () => {
    const env = { ...v1(), formatVersion: EXPORT_FORMAT_VERSION };
    expect(migrateEnvelope(env)).toEqual({ ok: true, envelope: env });
  });

  it('formats 1 to 4 become format 5 by their version number alone (they have no own values, no survey, no location, no photos)', () => {
    expect(Object.keys(ENVELOPE_MIGRATIONS)).toEqual(['1', '2', '3', '4']);
    const env = v1();
    expect(migrateEnvelope(env)).toEqual({ ok: true, envelope: { ...env, formatVersion: 5 } });
    expect(migrateEnvelope(env, ENVELOPE_MIGRATIONS, 2)).toEqual({ ok: true, envelope: { ...env, formatVersion: 2 } });
    for (const from of [2, 3, 4]) expect(migrateEnvelope({ ...env, formatVersion: from })).toEqual({ ok: true, envelope: { ...env, formatVersion: 5 } });
  });

  it('a newer version is refused with "update the app"', () => {
    const result = migrateEnvelope({ ...v1(), formatVersion: EXPORT_FORMAT_VERSION + 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.nl).toMatch(/Werk de app bij/);
  });

  it('a missing or invalid version is refused', () => {
    for (const formatVersion of [undefined, 0, -1, 1.5, '1', null, Number.NaN]) {
      const result = migrateEnvelope({ ...v1(), formatVersion });
      expect(result.ok, String(formatVersion)).toBe(false);
    }
  });

  it('runs every step from the file version up to the target, in order, without loss', () => {
    // A pretend format 2 (terrains → "parks") and 3 (each building gets "extra": null).
    const ladder = {
      1: (e: Record<string, unknown>) => {
        const { terrains, ...rest } = e;
        return { ...rest, formatVersion: 2, parks: terrains };
      },
      2: (e: Record<string, unknown>) => ({
        ...e,
        formatVersion: 3,
        parks: (e.parks as Terrain[]).map((p) => ({ ...p, buildings: p.buildings.map((b) => ({ ...b, extra: null })) })),
      }),
    };
    const original = v1();
    const result = migrateEnvelope(original, ladder, 3);
    if (!result.ok) throw new Error(result.message.nl);
    const parks = result.envelope.parks as Terrain[];
    expect(result.envelope.formatVersion).toBe(3);
    expect(parks.map((p) => p.id)).toEqual((original.terrains as Terrain[]).map((t) => t.id));
    expect(parks.flatMap((p) => p.buildings.map((b) => (b as unknown as { extra: unknown }).extra))).toEqual(parks.flatMap((p) => p.buildings.map(() => null)));
    expect(parks[0].buildings[0].facts).toEqual((original.terrains as Terrain[])[0].buildings[0].facts);
    // A file already at version 2 takes only the second step.
    const fromTwo = migrateEnvelope({ formatVersion: 2, parks: [] }, ladder, 3);
    expect(fromTwo).toEqual({ ok: true, envelope: { formatVersion: 3, parks: [] } });
  });

  it('a gap in the ladder, or a step that does not reach the next version, refuses the file', () => {
    expect(migrateEnvelope(v1(), {}, 2).ok).toBe(false);
    expect(migrateEnvelope(v1(), { 1: (e) => ({ ...e }) }, 2).ok).toBe(false);
  });
});
