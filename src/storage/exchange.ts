/**
 * The export file: one terrain or all of them in an envelope (type, format version,
 * toolbox version, exported at), and the importer that trusts nothing in it.
 *
 * Pure functions, no DOM and no database: `exportEnvelope` builds the file,
 * `parseImport` checks a file completely and either returns clean terrains or a
 * Dutch/English message, `migrateEnvelope` lifts an older format version to the
 * current one. Writing the result is src/state/exchange.ts's job.
 *
 * What `parseImport` checks, in this order (the first failure rejects the file):
 *  1. size: at most LIMITS.maxBytes (UTF-8) before anything is parsed;
 *  2. JSON at all;
 *  3. our type (`type` = EXPORT_TYPE) and a format version this app knows (newer → "update the app");
 *  4. no key `__proto__`, `constructor` or `prototype` anywhere, and no nesting deeper than LIMITS.maxDepth;
 *  5. migration to the current format version (ENVELOPE_MIGRATIONS);
 *  6. at most LIMITS.maxTerrains terrains and LIMITS.maxBuildingsPerTerrain buildings each;
 *  7. the JSON Schema toolbox-data/schema/export.schema.json (Ajv standalone code, generated
 *     ahead of time: no eval under the CSP);
 *  8. unique terrain ids, unique building ids per terrain, every fact value the catalogue
 *     knows checked with checkFactValue (the one place for fact validation), and every own
 *     parameter value the toolbox knows checked like the engine checks it (adjustable, in range).
 * Anything unexpected (a bug, a stack overflow) is caught and rejects the file too:
 * nothing throws past this module.
 */
import factsData from '../../toolbox-data/facts.json';
import parametersData from '../../toolbox-data/parameters.json';
import toolboxMeta from '../../toolbox-data/toolbox.json';
import { version as appVersion } from '../../package.json';
import { checkFactValue, cleanOwnValues } from '../engine/validate';
import type { Fact, InputIssue, Parameter, Terrain, Text } from '../engine/types';
import type { StoredTerrain } from './db';
import { validate as validateSchema } from './exportValidator.generated.js';

export const EXPORT_TYPE = 'energietoolbox-bedrijventerreinen/terrains';
/** Bump with a new step in ENVELOPE_MIGRATIONS and a new schema; never change what an old version means. */
export const EXPORT_FORMAT_VERSION = 2;

/**
 * Limits on an import file. 5 MB holds about 1,000 fully filled-in terrains of 5 buildings
 * (one such terrain is ~4 kB); the counts stop files that are small but absurd.
 */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxTerrains: 1000,
  maxBuildingsPerTerrain: 500,
  /** Envelope → terrains → terrain → buildings → building → facts → value is 7 deep. */
  maxDepth: 16,
} as const;

/** Keys that could reach an object's prototype if some code ever merged the data. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A terrain as it stands in the file: the input plus its creation and change times. */
export type ExportedTerrain = Terrain & { note?: string; createdAt?: string; updatedAt?: string };

export interface ExportEnvelope {
  type: typeof EXPORT_TYPE;
  formatVersion: number;
  /** Version of the toolbox data the app had when it wrote the file. */
  toolboxVersion: string;
  /** Version of the app that wrote the file. */
  appVersion?: string;
  exportedAt: string;
  terrains: ExportedTerrain[];
}

export type ImportResult = { ok: true; terrains: ExportedTerrain[]; envelope: ExportEnvelope } | { ok: false; message: Text };

// ---------------------------------------------------------------- export

/** The export file for these terrains (revision is local bookkeeping and stays out). */
export function exportEnvelope(terrains: readonly (Terrain | StoredTerrain)[], options: { now?: Date } = {}): ExportEnvelope {
  return {
    type: EXPORT_TYPE,
    formatVersion: EXPORT_FORMAT_VERSION,
    toolboxVersion: toolboxMeta.version,
    appVersion,
    exportedAt: (options.now ?? new Date()).toISOString(),
    terrains: terrains.map((t) => {
      const { revision: _revision, ...rest } = t as Partial<StoredTerrain> & Terrain;
      return structuredClone(rest) as ExportedTerrain;
    }),
  };
}

/** The file's text: indented JSON, so a person can read and diff it. */
export function serializeEnvelope(envelope: ExportEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** A safe file name: "energietoolbox-<name or 'terreinen'>-<date>.json", letters and digits only. */
export function exportFileName(envelope: ExportEnvelope): string {
  const date = envelope.exportedAt.slice(0, 10);
  const single = envelope.terrains.length === 1 ? envelope.terrains[0].name : '';
  const slug = single
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `energietoolbox-${slug || 'terreinen'}-${date}.json`;
}

// ---------------------------------------------------------------- migration

type Envelope = Record<string, unknown>;
/** Turns an envelope of format version n into one of version n + 1. */
export type EnvelopeMigration = (envelope: Envelope) => Envelope;

/**
 * The ladder: ENVELOPE_MIGRATIONS[n] upgrades format n to n + 1; the fixtures of every older
 * format stay in tests/fixtures/export-v<n>/ and must keep importing.
 *
 *   1 → 2: a terrain may hold `parameterOverrides` (own values for adjustable parameters).
 *          A format-1 file has none, so only the version number changes.
 *
 * A step only reshapes; parseImport validates the result against the current schema.
 */
export const ENVELOPE_MIGRATIONS: Readonly<Record<number, EnvelopeMigration>> = {
  1: (env) => ({ ...env, formatVersion: 2 }),
};

export type MigrateResult = { ok: true; envelope: Envelope } | { ok: false; message: Text };

/**
 * Lifts an envelope to the target format version, one step at a time. Refuses a newer
 * version than the target (this app cannot know what it means) and an invalid one.
 */
export function migrateEnvelope(raw: unknown, ladder: Readonly<Record<number, EnvelopeMigration>> = ENVELOPE_MIGRATIONS, target = EXPORT_FORMAT_VERSION): MigrateResult {
  if (!isPlainObject(raw)) return reject(notOurType());
  const version = own(raw, 'formatVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return reject(nothingChanged('De formaatversie in het bestand ontbreekt of is ongeldig.', 'The format version in the file is missing or invalid.'));
  }
  if (version > target) return reject(newerVersion(version, target));
  let envelope: Envelope = raw;
  for (let v = version; v < target; v++) {
    const step = Object.prototype.hasOwnProperty.call(ladder, v) ? ladder[v] : undefined;
    if (!step) return reject(nothingChanged(`Formaatversie ${v} kan niet worden omgezet.`, `Format version ${v} cannot be converted.`));
    envelope = step(envelope);
    if (!isPlainObject(envelope) || envelope.formatVersion !== v + 1) {
      return reject(nothingChanged(`Omzetten van formaatversie ${v} is mislukt.`, `Converting format version ${v} failed.`));
    }
  }
  return { ok: true, envelope };
}

// ---------------------------------------------------------------- import

const bundledFacts = factsData.facts as Fact[];
const bundledParameters = new Map((parametersData.parameters as Parameter[]).map((p) => [p.id, p]));

/**
 * Checks an import file completely. Never throws: any failure, expected or not, is a
 * rejection with a message in Dutch and English. On success the terrains are fresh,
 * plain objects built from the checked data.
 */
export function parseImport(text: unknown, options: { facts?: readonly Fact[] } = {}): ImportResult {
  try {
    return parseUnsafe(text, options.facts ?? bundledFacts);
  } catch {
    return reject(nothingChanged('Het bestand kon niet worden gelezen.', 'The file could not be read.'));
  }
}

function parseUnsafe(text: unknown, facts: readonly Fact[]): ImportResult {
  if (typeof text !== 'string') return reject(notJson());
  if (utf8Length(text) > LIMITS.maxBytes) return reject(tooLarge());

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return reject(notJson());
  }

  if (!isPlainObject(raw) || own(raw, 'type') !== EXPORT_TYPE) return reject(notOurType());
  const version = own(raw, 'formatVersion');
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) return reject(newerVersion(version, EXPORT_FORMAT_VERSION));
  const hostile = findHostileKey(raw);
  if (hostile) return reject(hostile);

  const migrated = migrateEnvelope(raw);
  if (!migrated.ok) return migrated;
  const envelope = migrated.envelope;

  const terrains = own(envelope, 'terrains');
  if (Array.isArray(terrains)) {
    if (terrains.length > LIMITS.maxTerrains) {
      return reject(nothingChanged(`Het bestand bevat ${terrains.length} terreinen; de grens is ${LIMITS.maxTerrains}.`, `The file holds ${terrains.length} parks; the limit is ${LIMITS.maxTerrains}.`));
    }
    for (let i = 0; i < terrains.length; i++) {
      const buildings = isPlainObject(terrains[i]) ? own(terrains[i] as Envelope, 'buildings') : undefined;
      if (Array.isArray(buildings) && buildings.length > LIMITS.maxBuildingsPerTerrain) {
        const where = describePath(envelope, ['terrains', i]);
        return reject(
          nothingChanged(
            `${where.nl} heeft ${buildings.length} gebouwen; de grens is ${LIMITS.maxBuildingsPerTerrain}.`,
            `${where.en} has ${buildings.length} buildings; the limit is ${LIMITS.maxBuildingsPerTerrain}.`,
          ),
        );
      }
    }
  }

  if (!validateSchema(envelope)) return reject(schemaMessage(envelope, validateSchema.errors ?? []));
  const valid = envelope as unknown as ExportEnvelope;

  const semantic = checkContent(valid, facts);
  if (semantic) return reject(semantic);

  const restored: ExportEnvelope = {
    type: EXPORT_TYPE,
    formatVersion: valid.formatVersion,
    toolboxVersion: valid.toolboxVersion,
    ...(valid.appVersion !== undefined ? { appVersion: valid.appVersion } : {}),
    exportedAt: valid.exportedAt,
    terrains: valid.terrains.map(restoreTerrain),
  };
  return { ok: true, terrains: restored.terrains, envelope: restored };
}

/** A fresh, plain copy of a checked terrain: only the known fields, in a fixed order. */
function restoreTerrain(t: ExportedTerrain): ExportedTerrain {
  const out = { id: t.id, name: t.name } as ExportedTerrain;
  if (t.municipality !== undefined) out.municipality = t.municipality;
  if (t.postcode4 !== undefined) out.postcode4 = t.postcode4;
  if (t.assessmentDate !== undefined) out.assessmentDate = t.assessmentDate;
  if (t.note !== undefined) out.note = t.note;
  out.facts = copyFacts(t.facts);
  out.buildings = t.buildings.map((b) => ({ id: b.id, name: b.name, facts: copyFacts(b.facts) }));
  if (t.parameterOverrides !== undefined) out.parameterOverrides = copyFacts(t.parameterOverrides);
  if (t.createdAt !== undefined) out.createdAt = t.createdAt;
  if (t.updatedAt !== undefined) out.updatedAt = t.updatedAt;
  return out;
}

function copyFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(facts)) out[key] = facts[key];
  return out;
}

/** Duplicate ids and fact values the catalogue rejects. */
function checkContent(envelope: ExportEnvelope, facts: readonly Fact[]): Text | null {
  const catalogue = new Map(facts.map((f) => [f.id, f]));
  const terrainIds = new Set<string>();
  for (let ti = 0; ti < envelope.terrains.length; ti++) {
    const terrain = envelope.terrains[ti];
    const where = terrainLabel(ti, terrain);
    if (terrainIds.has(terrain.id)) {
      return nothingChanged(`${where.nl}: de id "${terrain.id}" komt meer dan eens voor in het bestand.`, `${where.en}: the id "${terrain.id}" occurs more than once in the file.`);
    }
    terrainIds.add(terrain.id);
    const bad = checkFacts(terrain.facts, 'terrain', catalogue, where);
    if (bad) return bad;
    const badOwn = checkOwnValues(terrain.parameterOverrides, where);
    if (badOwn) return badOwn;
    const buildingIds = new Set<string>();
    for (let bi = 0; bi < terrain.buildings.length; bi++) {
      const building = terrain.buildings[bi];
      const bWhere = join(where, buildingLabel(bi, building));
      if (buildingIds.has(building.id)) {
        return nothingChanged(`${bWhere.nl}: de id "${building.id}" komt meer dan eens voor in dit terrein.`, `${bWhere.en}: the id "${building.id}" occurs more than once in this park.`);
      }
      buildingIds.add(building.id);
      const badB = checkFacts(building.facts, 'building', catalogue, bWhere);
      if (badB) return badB;
    }
  }
  return null;
}

/**
 * Checks every value of a fact the catalogue knows in this scope. Ids it does not know
 * (or of the other scope) are kept as they are: a newer toolbox may know them, and the
 * engine ignores them, just as it does for stored data.
 */
function checkFacts(values: Record<string, unknown>, scope: Fact['scope'], catalogue: Map<string, Fact>, where: Text): Text | null {
  for (const key of Object.keys(values)) {
    const fact = catalogue.get(key);
    if (!fact || fact.scope !== scope) continue;
    const check = checkFactValue(fact, values[key]);
    if (!check.ok) {
      return nothingChanged(
        `${where.nl}, gegeven "${fact.label.nl}" (${key}): ${check.message.nl} In het bestand staat ${shown(values[key])}.`,
        `${where.en}, field "${fact.label.en}" (${key}): ${check.message.en} The file has ${shown(values[key])}.`,
      );
    }
  }
  return null;
}

/** Own parameter values: each one the toolbox knows must be adjustable and in range (unknown ids are kept, as with facts). */
function checkOwnValues(values: Record<string, unknown> | undefined, where: Text): Text | null {
  if (!values) return null;
  const issues: InputIssue[] = [];
  cleanOwnValues(values, bundledParameters, issues);
  if (issues.length === 0) return null;
  const { factId, value, message, messageEn } = issues[0];
  const label = bundledParameters.get(factId)!.label;
  return nothingChanged(
    `${where.nl}, eigen waarde "${label.nl}" (${factId}): ${message} In het bestand staat ${shown(value)}.`,
    `${where.en}, own value "${label.en}" (${factId}): ${messageEn} The file has ${shown(value)}.`,
  );
}

/**
 * Walks the parsed value without recursion: rejects a forbidden key anywhere (JSON.parse
 * makes "__proto__" an own property, harmless until some code merges the object) and
 * nesting deeper than LIMITS.maxDepth.
 */
function findHostileKey(root: unknown): Text | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= LIMITS.maxDepth) {
      return nothingChanged(`De gegevens zijn dieper genest dan een exportbestand ooit is (meer dan ${LIMITS.maxDepth} niveaus).`, `The data is nested deeper than an export file ever is (more than ${LIMITS.maxDepth} levels).`);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) {
        const where = describePath(root, path);
        return nothingChanged(
          `Het bestand bevat de niet toegestane sleutel "${key}" (${where.nl}). Zo'n sleutel kan de app misleiden; het bestand is geweigerd.`,
          `The file contains the forbidden key "${key}" (${where.en}). Such a key can mislead the app; the file was refused.`,
        );
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

// ---------------------------------------------------------------- messages

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  propertyName?: string;
}

const FIELD_NAMES: Record<string, Text> = {
  id: { nl: 'id', en: 'id' },
  name: { nl: 'naam', en: 'name' },
  municipality: { nl: 'gemeente', en: 'municipality' },
  postcode4: { nl: 'postcode', en: 'postcode' },
  assessmentDate: { nl: 'peildatum', en: 'assessment date' },
  note: { nl: 'notitie', en: 'note' },
  facts: { nl: 'gegevens', en: 'facts' },
  buildings: { nl: 'gebouwen', en: 'buildings' },
  createdAt: { nl: 'aanmaakdatum', en: 'creation time' },
  updatedAt: { nl: 'wijzigingsdatum', en: 'change time' },
  toolboxVersion: { nl: 'versie van de gereedschapskist', en: 'toolbox version' },
  appVersion: { nl: 'app-versie', en: 'app version' },
  exportedAt: { nl: 'exportdatum', en: 'export time' },
  terrains: { nl: 'terreinen', en: 'parks' },
};

const TYPE_NAMES: Record<string, Text> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  integer: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja of nee (true/false)', en: 'yes or no (true/false)' },
  object: { nl: 'een object { … }', en: 'an object { … }' },
  array: { nl: 'een lijst [ … ]', en: 'a list [ … ]' },
  null: { nl: 'leeg (null)', en: 'empty (null)' },
};

const PATTERN_TEXT: Record<string, Text> = {
  id: { nl: 'is geen geldige id (letters, cijfers en - _ . :, hoogstens 100 tekens)', en: 'is not a valid id (letters, digits and - _ . :, at most 100 characters)' },
  postcode4: { nl: 'moet leeg zijn of 4 cijfers, bijvoorbeeld 2314', en: 'must be empty or 4 digits, for example 2314' },
  assessmentDate: { nl: 'is geen geldige datum (JJJJ-MM-DD)', en: 'is not a valid date (YYYY-MM-DD)' },
  timestamp: { nl: 'is geen geldig tijdstip (zoals 2026-11-28T09:30:00.000Z)', en: 'is not a valid time (like 2026-11-28T09:30:00.000Z)' },
};

/** Turns the first schema error into a sentence that says where and what. */
function schemaMessage(root: unknown, errors: AjvError[]): Text {
  // Inside anyOf Ajv lists each branch's failure first; the anyOf error itself says it best.
  const error = errors.find((e) => e.keyword === 'anyOf') ?? errors[0];
  if (!error) return nothingChanged('Het bestand klopt niet met het exportformaat.', 'The file does not match the export format.');
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const where = describePath(root, path);
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : '';
  const value = valueAt(root, path);
  const p = error.params;
  let what: Text;
  switch (error.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      const label = FIELD_NAMES[name] ?? { nl: name, en: name };
      what = { nl: `het veld "${label.nl}" (${name}) ontbreekt`, en: `the field "${label.en}" (${name}) is missing` };
      break;
    }
    case 'additionalProperties':
      what = { nl: `onbekend veld "${String(p.additionalProperty)}"`, en: `unknown field "${String(p.additionalProperty)}"` };
      break;
    case 'type': {
      const type = TYPE_NAMES[String(p.type)] ?? { nl: String(p.type), en: String(p.type) };
      what = { nl: `moet ${type.nl} zijn`, en: `must be ${type.en}` };
      break;
    }
    case 'anyOf':
      what =
        typeof value === 'string'
          ? { nl: 'de tekst is te lang (hoogstens 1000 tekens)', en: 'the text is too long (at most 1000 characters)' }
          : { nl: 'moet tekst, een getal, ja/nee of leeg (null) zijn', en: 'must be text, a number, yes/no or empty (null)' };
      break;
    case 'pattern':
      if (error.propertyName !== undefined) {
        what = { nl: `"${clip(error.propertyName)}" is geen geldige naam van een gegeven`, en: `"${clip(error.propertyName)}" is not a valid fact name` };
      } else {
        const kind = field === 'createdAt' || field === 'updatedAt' || field === 'exportedAt' ? 'timestamp' : field;
        what = PATTERN_TEXT[kind] ?? { nl: 'heeft een ongeldige vorm', en: 'has an invalid form' };
      }
      break;
    case 'propertyNames':
      what = { nl: 'bevat een ongeldige naam van een gegeven', en: 'contains an invalid fact name' };
      break;
    case 'minLength':
      what = { nl: 'mag niet leeg zijn', en: 'must not be empty' };
      break;
    case 'maxLength':
      what = { nl: `is te lang (hoogstens ${String(p.limit)} tekens)`, en: `is too long (at most ${String(p.limit)} characters)` };
      break;
    case 'minItems':
      what = field === 'terrains' ? { nl: 'het bestand bevat geen terreinen', en: 'the file holds no parks' } : { nl: 'is leeg', en: 'is empty' };
      break;
    case 'maxItems':
      what = { nl: `te veel (hoogstens ${String(p.limit)})`, en: `too many (at most ${String(p.limit)})` };
      break;
    case 'maxProperties':
      what = { nl: `te veel gegevens (hoogstens ${String(p.limit)})`, en: `too many facts (at most ${String(p.limit)})` };
      break;
    case 'const':
      what = { nl: `moet ${JSON.stringify(p.allowedValue)} zijn`, en: `must be ${JSON.stringify(p.allowedValue)}` };
      break;
    default:
      what = { nl: `klopt niet met het exportformaat (${error.keyword})`, en: `does not match the export format (${error.keyword})` };
  }
  return nothingChanged(`Het bestand klopt niet: ${where.nl}: ${what.nl}.`, `The file is not valid: ${where.en}: ${what.en}.`);
}

/** "terrein 2 ("Roomburg"), gebouw 1 ("Hal A"), veld "naam"" for a path into the envelope. */
function describePath(root: unknown, path: readonly (string | number)[]): Text {
  const parts: Text[] = [];
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const parent = node;
    node = valueAt(parent, [seg]);
    const prev = path[i - 1];
    if (prev === 'terrains' && isIndex(seg)) parts.push(terrainLabel(Number(seg), node));
    else if (prev === 'buildings' && isIndex(seg)) parts.push(buildingLabel(Number(seg), node));
    else if (prev === 'facts') parts.push({ nl: `gegeven "${clip(String(seg))}"`, en: `fact "${clip(String(seg))}"` });
    else if (seg === 'terrains' && i === path.length - 1) parts.push({ nl: 'de lijst van terreinen', en: 'the list of parks' });
    else if (seg === 'terrains' || seg === 'buildings' || (seg === 'facts' && i < path.length - 1)) continue;
    else {
      const label = FIELD_NAMES[String(seg)];
      parts.push(label ? { nl: `veld "${label.nl}"`, en: `field "${label.en}"` } : { nl: `"${clip(String(seg))}"`, en: `"${clip(String(seg))}"` });
    }
  }
  if (parts.length === 0) return { nl: 'het bestand als geheel', en: 'the file as a whole' };
  return parts.reduce(join);
}

function terrainLabel(index: number, terrain: unknown): Text {
  const name = isPlainObject(terrain) && typeof terrain.name === 'string' && terrain.name ? ` ("${clip(terrain.name)}")` : '';
  return { nl: `terrein ${index + 1}${name}`, en: `park ${index + 1}${name}` };
}

function buildingLabel(index: number, building: unknown): Text {
  const name = isPlainObject(building) && typeof building.name === 'string' && building.name ? ` ("${clip(building.name)}")` : '';
  return { nl: `gebouw ${index + 1}${name}`, en: `building ${index + 1}${name}` };
}

const join = (a: Text, b: Text): Text => ({ nl: `${a.nl}, ${b.nl}`, en: `${a.en}, ${b.en}` });
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Every rejection ends by saying that nothing changed. */
function nothingChanged(nl: string, en: string): Text {
  return { nl: `${capitalise(nl)} Er is niets geïmporteerd of gewijzigd.`, en: `${capitalise(en)} Nothing was imported or changed.` };
}
const reject = (message: Text): { ok: false; message: Text } => ({ ok: false, message });

const notJson = (): Text =>
  nothingChanged('Dit bestand is geen JSON en dus geen exportbestand van de Energietoolbox.', 'This file is not JSON, so it is not an export file of the Energy Toolbox.');
const notOurType = (): Text =>
  nothingChanged(
    'Dit is geen exportbestand van de Energietoolbox Bedrijventerreinen (het veld "type" ontbreekt of is anders). Kies een bestand dat met "Exporteren" is gemaakt.',
    'This is not an export file of the Energy Toolbox for Business Parks (the field "type" is missing or different). Choose a file made with "Export".',
  );
const newerVersion = (version: number, known: number): Text =>
  nothingChanged(
    `Dit bestand komt uit een nieuwere versie van de app (formaatversie ${version}; deze app kent tot en met versie ${known}). Werk de app bij en probeer het opnieuw.`,
    `This file comes from a newer version of the app (format version ${version}; this app knows up to version ${known}). Update the app and try again.`,
  );
const tooLarge = (): Text =>
  nothingChanged(
    `Het bestand is groter dan ${LIMITS.maxBytes / 1024 / 1024} MB, de grens voor een import.`,
    `The file is larger than ${LIMITS.maxBytes / 1024 / 1024} MB, the limit for an import.`,
  );
/** Messages for a file that is rejected before it is read (the browser knows its size). */
export const importMessages = { notJson, notOurType, tooLarge, newerVersion };

// ---------------------------------------------------------------- helpers

function isPlainObject(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: Envelope, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const seg of path) {
    if (Array.isArray(node) && isIndex(seg)) node = node[Number(seg)];
    else if (isPlainObject(node)) node = own(node, String(seg));
    else return undefined;
  }
  return node;
}

const isIndex = (seg: string | number): boolean => typeof seg === 'number' || /^\d+$/.test(seg);
const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
const clip = (s: string, max = 60): string => (s.length > max ? `${s.slice(0, max)}…` : s);

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value, 40)}"`;
  return clip(JSON.stringify(value) ?? String(value), 40);
}

/** UTF-8 length without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > LIMITS.maxBytes) return bytes; // enough to know it is too large
  }
  return bytes;
}
