/**
 * The importer: reads an export file, trusts nothing in it, and gives back fresh terrain
 * records rebuilt from the schema (src/storage/restoreRecord.ts) or a Dutch/English message
 * (src/storage/messages.ts). It reads the file in pieces (`createImporter`: feed, then finish;
 * `parseImport` for a whole text) through src/storage/envelopeScanner.ts and checks each terrain
 * as soon as it has been read, so a province is never held as text, nor twice as objects.
 *
 * What it checks (the first failure rejects the file, and nothing is written before finish):
 *  1. size: at most LIMITS.maxBytes (UTF-8) besides the photos' base64, which has LIMITS.maxPhotoBytes
 *     of its own (a photo's characters counted as they are read);
 *  2. JSON, nesting at most LIMITS.maxDepth deep, no top-level key twice (the scanner);
 *  3. our type (`type` = EXPORT_TYPE) and a format version this app knows (newer → "update the app"),
 *     as soon as they have been read;
 *  4. per terrain: no key of FORBIDDEN_KEYS anywhere; migration from the file's format version
 *     (ENVELOPE_MIGRATIONS); at most LIMITS.maxTerrains terrains, LIMITS.maxBuildingsPerTerrain
 *     buildings each and LIMITS.maxBuildings in all; the JSON Schema terrain.schema.json; a terrain
 *     id not seen before in the file, unique building ids, every fact value the catalogue knows
 *     checked with checkFactValue (the one place for fact validation), and every own parameter
 *     value the toolbox knows checked like the engine checks it (adjustable, in range);
 *  5. per photo (format 5, the `photos` array read like the terrains): at most LIMITS.maxPhotos, no
 *     forbidden key, its schema (export.schema.json#/definitions/photo), a unique id, and bytes that
 *     decode to the image its type says (src/storage/photoFile.ts); once all terrains are read, each
 *     photo belongs to a building of a terrain in the file;
 *  6. the envelope's other fields: forbidden keys, then export.schema.json (Ajv standalone code,
 *     generated ahead of time: no eval under the CSP).
 * A file whose `type` or format version comes after its terrains or photos has those kept as
 * read and checked at the end. Anything unexpected (a bug, a stack overflow) is caught and
 * rejects the file too: nothing throws past this module.
 */
import factsData from '../../toolbox-data/facts.json';
import parametersData from '../../toolbox-data/parameters.json';
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
import type { StoredPhoto } from './db';
import { EnvelopeScanner } from './envelopeScanner';
import { validate as validateSchema, validatePhoto, validateTerrain } from './exportValidator.generated.js';
import { buildingLabel, describePath, importMessages, isPlainObject, join, nothingChanged, own, reject, schemaMessage, shown, terrainLabel } from './messages';
import { checkPhotoHome, readPhoto, type ExportedPhoto } from './photoFile';
import { restoreTerrain } from './restoreRecord';

/** On success: the terrains, their photos (Blobs again; none before format 5) and the envelope without the photos. */
export type ImportResult = { ok: true; terrains: ExportedTerrain[]; photos: StoredPhoto[]; envelope: ExportEnvelope } | { ok: false; message: Text };
export type MigrateResult = { ok: true; envelope: Envelope } | { ok: false; message: Text };

const { notJson, notOurType, tooLarge, photosTooLarge, fileTooLarge, newerVersion } = importMessages;

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
const unreadable = (): Text => nothingChanged('Het bestand kon niet worden gelezen.', 'The file could not be read.');
/** A count in the message's language: 2.000 / 2,000. */
const count = (n: number) => ({ nl: n.toLocaleString('nl-NL'), en: n.toLocaleString('en-GB') });

/** An import file read piece by piece: feed every piece of its text in order, then finish. */
export interface Importer {
  /** Reads the next piece; returns the refusal as soon as there is one (later pieces are then ignored). */
  feed(chunk: string): Text | null;
  /** The end of the file: the result. */
  finish(): ImportResult;
  /** Terrains read so far. */
  readonly terrainsRead: number;
}

/** An importer for one file. Never throws: any failure, expected or not, is a rejection. */
export function createImporter(options: { facts?: readonly Fact[] } = {}): Importer {
  const catalogue = new Map((options.facts ?? bundledFacts).map((f) => [f.id, f]));
  const header: Envelope = {};
  let hasTerrains = false;
  /** Whether type and format version were known when the terrains began; if not, terrains wait in `waiting`. */
  let ready = false;
  const waiting: unknown[] = [];
  const waitingPhotos: unknown[] = [];
  const restored: ExportedTerrain[] = [];
  const terrainIds = new Set<string>();
  /** Terrain id → its building ids: where the photos may belong. */
  const homes = new Map<string, Set<string>>();
  const photos: StoredPhoto[] = [];
  const photoIds = new Set<string>();
  let buildings = 0;
  let bytes = 0;
  /** Characters of the photos' base64 read (complete photos). */
  let photoChars = 0;
  let failure: Text | null = null;
  const fail = (message: Text | null): Text | null => (failure ??= message);

  /** Migrates the header once its type and version are known (null: refused, see failure). */
  function prepare(): Envelope | null {
    if (own(header, 'type') !== EXPORT_TYPE) return (fail(notOurType()), null);
    const migrated = migrateEnvelope({ ...header, terrains: [] });
    if (!migrated.ok) return (fail(migrated.message), null);
    return migrated.envelope;
  }

  function checkTerrain(index: number, raw: unknown): Text | null {
    const bad = findForbiddenKey(rootWith('terrains', index, raw), ['terrains', index], raw);
    if (bad) return bad;
    const migrated = migrateEnvelope({ ...header, terrains: [raw] });
    if (!migrated.ok) return migrated.message;
    const terrain = (migrated.envelope.terrains as unknown[])[0];
    const root = rootWith('terrains', index, terrain);
    const list = isPlainObject(terrain) ? own(terrain, 'buildings') : undefined;
    if (Array.isArray(list)) {
      if (list.length > LIMITS.maxBuildingsPerTerrain) {
        const where = describePath(root, ['terrains', index]);
        const n = count(list.length);
        const max = count(LIMITS.maxBuildingsPerTerrain);
        return nothingChanged(`${where.nl} heeft ${n.nl} gebouwen; de grens is ${max.nl}.`, `${where.en} has ${n.en} buildings; the limit is ${max.en}.`);
      }
      buildings += list.length;
      if (buildings > LIMITS.maxBuildings) {
        const max = count(LIMITS.maxBuildings);
        return nothingChanged(
          `Het bestand bevat meer dan ${max.nl} gebouwen (grens bereikt bij terrein ${index + 1}); de grens is ${max.nl}.`,
          `The file holds more than ${max.en} buildings (limit reached at park ${index + 1}); the limit is ${max.en}.`,
        );
      }
    }
    if (!validateTerrain(terrain)) {
      const errors = (validateTerrain.errors ?? []).map((e) => ({ ...e, instancePath: `/terrains/${index}${e.instancePath}` }));
      return schemaMessage(root, errors);
    }
    const valid = terrain as ExportedTerrain;
    const content = checkContent(valid, index, catalogue, terrainIds);
    if (content) return content;
    restored.push(restoreTerrain(valid));
    homes.set(valid.id, new Set(valid.buildings.map((b) => b.id)));
    return null;
  }

  function checkPhoto(index: number, raw: unknown): Text | null {
    const root = rootWith('photos', index, raw);
    const bad = findForbiddenKey(root, ['photos', index], raw);
    if (bad) return bad;
    if (!validatePhoto(raw)) {
      const errors = (validatePhoto.errors ?? []).map((e) => ({ ...e, instancePath: `/photos/${index}${e.instancePath}` }));
      return schemaMessage(root, errors);
    }
    const photo = readPhoto(index, raw as ExportedPhoto, photoIds);
    if (!('blob' in photo)) return photo;
    photos.push(photo);
    return null;
  }

  /** A streamed list begins: the header's type and version, when known by now, are checked once. */
  function listStart(): Text | null {
    if (!ready && own(header, 'type') === EXPORT_TYPE && own(header, 'formatVersion') !== undefined) ready = prepare() !== null;
    return failure;
  }

  const scanner = new EnvelopeScanner({
    member(key, value) {
      if (FORBIDDEN_KEYS.includes(key)) return forbidden(key, describePath({}, []));
      header[key] = value;
      if (key === 'type' && value !== EXPORT_TYPE) return notOurType();
      if (key === 'formatVersion' && typeof value === 'number' && value > EXPORT_FORMAT_VERSION) return newerVersion(value, EXPORT_FORMAT_VERSION);
      return null;
    },
    listStart(list) {
      if (list === 'terrains') hasTerrains = true;
      return listStart();
    },
    item(list, index, value) {
      if (list === 'photos') {
        if (index >= LIMITS.maxPhotos) {
          const max = count(LIMITS.maxPhotos);
          return nothingChanged(`Het bestand bevat meer dan ${max.nl} foto's; de grens is ${max.nl}.`, `The file holds more than ${max.en} photos; the limit is ${max.en}.`);
        }
        const data = isPlainObject(value) ? own(value, 'data') : undefined;
        if (typeof data === 'string') photoChars += data.length;
        if (photoChars > LIMITS.maxPhotoBytes) return photosTooLarge();
        if (!ready) return (waitingPhotos.push(value), null);
        return checkPhoto(index, value);
      }
      if (index >= LIMITS.maxTerrains) {
        const max = count(LIMITS.maxTerrains);
        return nothingChanged(`Het bestand bevat meer dan ${max.nl} terreinen; de grens is ${max.nl}.`, `The file holds more than ${max.en} parks; the limit is ${max.en}.`);
      }
      if (!ready) return (waiting.push(value), null);
      return checkTerrain(index, value);
    },
    whole: () => notOurType(),
  });

  function finishUnsafe(): ImportResult {
    if (fail(scanner.end())) return reject(failure!);
    // The whole header now (members may follow the terrains).
    const migrated = prepare();
    if (!migrated) return reject(failure!);
    for (let i = 0; i < waiting.length; i++) if (fail(checkTerrain(i, waiting[i]))) return reject(failure!);
    waiting.length = 0;
    for (let i = 0; i < waitingPhotos.length; i++) if (fail(checkPhoto(i, waitingPhotos[i]))) return reject(failure!);
    waitingPhotos.length = 0;
    for (let i = 0; i < photos.length; i++) if (fail(checkPhotoHome(i, photos[i], homes))) return reject(failure!);
    const { terrains: _terrains, ...rest } = migrated;
    for (const key of Object.keys(rest)) if (fail(findForbiddenKey(rest, [key], rest[key]))) return reject(failure!);
    // The envelope's own fields, with one (checked) terrain standing in for all of them.
    const envelope: Envelope = hasTerrains ? { ...rest, terrains: restored.slice(0, 1) } : own(header, 'terrains') !== undefined ? { ...rest, terrains: header.terrains } : rest;
    if (!validateSchema(envelope)) return reject(schemaMessage(envelope, validateSchema.errors ?? []));
    const valid = envelope as unknown as ExportEnvelope;
    const result: ExportEnvelope = {
      type: EXPORT_TYPE,
      formatVersion: valid.formatVersion,
      toolboxVersion: valid.toolboxVersion,
      ...(valid.appVersion !== undefined ? { appVersion: valid.appVersion } : {}),
      exportedAt: valid.exportedAt,
      terrains: restored,
    };
    return { ok: true, terrains: restored, photos, envelope: result };
  }

  return {
    feed(chunk) {
      if (failure) return failure;
      try {
        const limit = LIMITS.maxBytes + LIMITS.maxPhotoBytes;
        bytes += utf8Length(chunk, limit - bytes);
        if (bytes > limit) return fail(fileTooLarge());
        const scanned = scanner.feed(chunk);
        // What is not photo data counts against maxBytes; a photo being read counts as photo data until it is complete.
        const photoData = photoChars + scanner.pendingPhotoChars;
        if (photoData > LIMITS.maxPhotoBytes) return fail(photosTooLarge());
        if (bytes - photoData > LIMITS.maxBytes) return fail(tooLarge());
        return fail(scanned);
      } catch {
        return fail(unreadable());
      }
    },
    finish() {
      if (failure) return reject(failure);
      try {
        return finishUnsafe();
      } catch {
        return reject(fail(unreadable())!);
      }
    },
    get terrainsRead() {
      return restored.length + waiting.length;
    },
  };
}

/**
 * Checks a whole import file's text. Never throws: any failure, expected or not, is a
 * rejection with a message in Dutch and English. On success the terrains are fresh,
 * plain objects built from the checked data.
 */
export function parseImport(text: unknown, options: { facts?: readonly Fact[] } = {}): ImportResult {
  if (typeof text !== 'string') return reject(notJson());
  const importer = createImporter(options);
  importer.feed(text);
  return importer.finish();
}

/** An envelope-shaped value holding only this terrain or photo at its index, for messages that say where. */
function rootWith(list: 'terrains' | 'photos', index: number, item: unknown): Envelope {
  const items: unknown[] = [];
  items[index] = item;
  return { [list]: items };
}

// ---------------------------------------------------------------- content checks

/** A terrain id seen before in the file, duplicate building ids and fact values the catalogue rejects. */
function checkContent(terrain: ExportedTerrain, index: number, catalogue: Map<string, Fact>, terrainIds: Set<string>): Text | null {
  const where = terrainLabel(index, terrain);
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
 * Walks a parsed value without recursion and rejects a forbidden key anywhere in it (JSON.parse
 * makes "__proto__" an own property, harmless until some code merges the object). `root` and
 * `path` say where the value is, for the message. Nesting depth is the scanner's check.
 */
function findForbiddenKey(root: unknown, path: (string | number)[], value: unknown): Text | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) return forbidden(key, describePath(root, path));
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

const forbidden = (key: string, where: Text): Text =>
  nothingChanged(
    `Het bestand bevat de niet toegestane sleutel "${key}" (${where.nl}). Zo'n sleutel kan de app misleiden; het bestand is geweigerd.`,
    `The file contains the forbidden key "${key}" (${where.en}). Such a key can mislead the app; the file was refused.`,
  );

/** UTF-8 length without allocating the encoded bytes. */
export function utf8Length(text: string, stopAbove: number = LIMITS.maxBytes): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes; // enough to know it is too large
  }
  return bytes;
}
