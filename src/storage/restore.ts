/**
 * The importer: reads an export file, trusts nothing in it, and gives back fresh terrain
 * records rebuilt from the schema (terrain.schema.json: every field it declares is copied,
 * nothing else) or a Dutch/English message (src/storage/messages.ts).
 *
 * What `parseImport` checks, in this order (the first failure rejects the file):
 *  1. size: at most LIMITS.maxBytes + LIMITS.maxPhotoBytes (UTF-8) before anything is parsed;
 *  2. JSON at all, and at most LIMITS.maxBytes besides the photos' base64 (LIMITS.maxPhotoBytes);
 *  3. our type (`type` = EXPORT_TYPE) and a format version this app knows (newer → "update the app");
 *  4. no key of FORBIDDEN_KEYS anywhere, and no nesting deeper than LIMITS.maxDepth;
 *  5. migration to the current format version (ENVELOPE_MIGRATIONS);
 *  6. at most LIMITS.maxTerrains terrains and LIMITS.maxBuildingsPerTerrain buildings each;
 *  7. the JSON Schema toolbox-data/schema/export.schema.json (Ajv standalone code, generated
 *     ahead of time: no eval under the CSP);
 *  8. unique terrain ids, unique building ids per terrain, every fact value the catalogue
 *     knows checked with checkFactValue (the one place for fact validation), and every own
 *     parameter value the toolbox knows checked like the engine checks it (adjustable, in range);
 *  9. each photo (format 5) belongs to a building of a terrain in the file, has a unique id, and
 *     its bytes decode and are the image its type says (src/storage/photoFile.ts).
 * Anything unexpected (a bug, a stack overflow) is caught and rejects the file too:
 * nothing throws past this module.
 */
import factsData from '../../toolbox-data/facts.json';
import parametersData from '../../toolbox-data/parameters.json';
import commonSchema from '../../toolbox-data/schema/common.schema.json';
import terrainSchema from '../../toolbox-data/schema/terrain.schema.json';
import { checkFactValue, cleanOwnValues } from '../engine/validate';
import type { Fact, InputIssue, Parameter, Text } from '../engine/types';
import {
  ENVELOPE_MIGRATIONS,
  EXPORT_FORMAT_VERSION,
  EXPORT_TYPE,
  FORBIDDEN_KEYS,
  LIMITS,
  type Envelope,
  type EnvelopeMigration,
  type ExportEnvelope,
  type ExportedTerrain,
} from './envelope';
import { validate as validateSchema } from './exportValidator.generated.js';
import type { StoredPhoto } from './db';
import { photoDataLength, readPhotos } from './photoFile';
import { buildingLabel, describePath, importMessages, isPlainObject, join, nothingChanged, own, reject, schemaMessage, shown, terrainLabel } from './messages';

/** On success: the terrains, their photos (Blobs again; none before format 5) and the envelope without the photos. */
export type ImportResult = { ok: true; terrains: ExportedTerrain[]; photos: StoredPhoto[]; envelope: ExportEnvelope } | { ok: false; message: Text };
export type MigrateResult = { ok: true; envelope: Envelope } | { ok: false; message: Text };

const { notJson, notOurType, tooLarge, photosTooLarge, newerVersion } = importMessages;

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
  const size = utf8Length(text, LIMITS.maxBytes + LIMITS.maxPhotoBytes);
  if (size > LIMITS.maxBytes + LIMITS.maxPhotoBytes) return reject(photosTooLarge());

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return reject(size > LIMITS.maxBytes ? tooLarge() : notJson());
  }

  const photoChars = photoDataLength(raw);
  if (size - photoChars > LIMITS.maxBytes) return reject(tooLarge());
  if (photoChars > LIMITS.maxPhotoBytes) return reject(photosTooLarge());
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
  const photos = readPhotos(valid.photos ?? [], valid.terrains);
  if (!photos.ok) return photos;

  const restored: ExportEnvelope = {
    type: EXPORT_TYPE,
    formatVersion: valid.formatVersion,
    toolboxVersion: valid.toolboxVersion,
    ...(valid.appVersion !== undefined ? { appVersion: valid.appVersion } : {}),
    exportedAt: valid.exportedAt,
    terrains: valid.terrains.map((t) => restoreRecord(TERRAIN, t) as ExportedTerrain),
  };
  return { ok: true, terrains: restored.terrains, photos: photos.photos, envelope: restored };
}

// ---------------------------------------------------------------- restore from the schema

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
}

const TERRAIN = terrainSchema as unknown as SchemaNode;
const SCHEMAS = { '': terrainSchema, 'terrain.schema.json': terrainSchema, 'common.schema.json': commonSchema } as unknown as Record<string, { definitions: Record<string, SchemaNode> }>;

/** The node a `$ref` of terrain.schema.json points to ("#/definitions/x", "common.schema.json#/definitions/x"). */
function resolve(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const [file, pointer] = node.$ref.split('#');
  if (pointer === '') return SCHEMAS[file] as unknown as SchemaNode;
  return resolve(SCHEMAS[file].definitions[pointer.replace('/definitions/', '')]);
}

/**
 * A fresh, plain copy of a value the schema has accepted, walking the schema: an object gets
 * every property the schema declares that the value has, in the schema's order (so a field in
 * the schema is never dropped, and nothing else is kept); an open map (facts, own values)
 * every own key; a list every item; anything else is a primitive and stays as it is.
 */
function restoreRecord(schema: SchemaNode, value: unknown): unknown {
  const node = resolve(schema);
  if (Array.isArray(value)) return value.map((item) => restoreRecord(node.items ?? {}, item));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  if (node.properties) {
    for (const key of Object.keys(node.properties)) {
      const v = own(value, key);
      if (v !== undefined) out[key] = restoreRecord(node.properties[key], v);
    }
  } else if (typeof node.additionalProperties === 'object') {
    for (const key of Object.keys(value)) out[key] = restoreRecord(node.additionalProperties, value[key]);
  }
  return out;
}

// ---------------------------------------------------------------- content checks

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

/** UTF-8 length without allocating the encoded bytes (counting stops once above `limit`). */
export function utf8Length(text: string, limit: number = LIMITS.maxBytes): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return bytes; // enough to know it is too large
  }
  return bytes;
}
