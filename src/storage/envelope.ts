/**
 * The export file's envelope: one terrain or all of them, with type, format version,
 * toolbox version, app version and export time; the limits an import file must keep; the
 * ladder that lifts an older format version; and the file's text (in pieces) and name.
 * Pure functions, no DOM and no database. Reading a file back is src/storage/restore.ts;
 * its messages are src/storage/messages.ts; writing the result is src/state/exchange.ts's job.
 */
import exportSchema from '../../toolbox-data/schema/export.schema.json';
import terrainSchema from '../../toolbox-data/schema/terrain.schema.json';
import toolboxMeta from '../../toolbox-data/toolbox.json';
import { version as appVersion } from '../../package.json';
import { fileSlug } from '../engine/slug';
import type { Terrain } from '../engine/types';
import type { StoredTerrain } from './db';
import { migrateOwnValues } from './ownValues';
import type { ExportedPhoto } from './photoFile';

export const EXPORT_TYPE = exportSchema.properties.type.const;
/**
 * The current format version, declared by export.schema.json. Bump it there, with a new step
 * in ENVELOPE_MIGRATIONS; never change what an old version means.
 */
export const EXPORT_FORMAT_VERSION: number = exportSchema.properties.formatVersion.const;

/**
 * Limits on an import file, each a ceiling a real file stays far below; each refusal names it.
 * - maxBytes: a province (Zuid-Holland: 631 parks, IBIS 2017, with ~48 companies each) is about
 *   30 MB of indented JSON before photos; 100 MB holds that three times over. The file is read
 *   in chunks, but every terrain is checked and kept before the one write, so the validated
 *   records of a larger file could exhaust a phone's memory.
 * - maxTerrains: three times a province (the Netherlands has about 3,800 parks, SKBN: a whole
 *   country is not one file); declared by export.schema.json.
 * - maxBuildingsPerTerrain: twenty times a typical park's companies, room for the largest
 *   (port and industrial areas); declared by terrain.schema.json.
 * - maxBuildings: all terrains together, three times a province's 30,000 buildings.
 * The counts are checked before the schema, so the message can say how many there are.
 */
export const LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  /**
   * The photos' base64 comes on top of maxBytes: 100 MB holds ~300 photos at the app's compression
   * (a 50-photo terrain file is ~10 MB: README "Photos"), and a phone can still read such a file.
   */
  maxPhotoBytes: 100 * 1024 * 1024,
  maxTerrains: exportSchema.properties.terrains.maxItems,
  maxBuildingsPerTerrain: terrainSchema.properties.buildings.maxItems,
  maxBuildings: 100_000,
  maxPhotos: exportSchema.properties.photos.maxItems,
  /** Envelope → terrains → terrain → buildings → building → facts → value is 7 deep. */
  maxDepth: 16,
} as const;

/** Keys that could reach an object's prototype if some code ever merged the data. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A terrain as it stands in the file: the record (terrain.schema.json) without the local revision. */
export type ExportedTerrain = Terrain;

export interface ExportEnvelope {
  type: typeof EXPORT_TYPE;
  formatVersion: number;
  /** Version of the toolbox data the app had when it wrote the file. */
  toolboxVersion: string;
  /** Version of the app that wrote the file. */
  appVersion?: string;
  exportedAt: string;
  terrains: ExportedTerrain[];
  /** The buildings' photos (format 5; absent when there are none). */
  photos?: ExportedPhoto[];
}

/** The envelope's fields around the terrains and photos. */
function exportHeader(now: Date): Omit<ExportEnvelope, 'terrains'> {
  return { type: EXPORT_TYPE, formatVersion: EXPORT_FORMAT_VERSION, toolboxVersion: toolboxMeta.version, appVersion, exportedAt: now.toISOString() };
}

/** A terrain as the file has it: revision is local bookkeeping and stays out. */
function exportedTerrain(terrain: Terrain | StoredTerrain): ExportedTerrain {
  const { revision: _revision, ...rest } = terrain as Partial<StoredTerrain> & Terrain;
  return rest;
}

/** The export file for these terrains and photos, as one object (copies: the caller may change it). */
export function exportEnvelope(terrains: readonly (Terrain | StoredTerrain)[], options: { now?: Date; photos?: ExportedPhoto[] } = {}): ExportEnvelope {
  const photos = options.photos?.length ? { photos: options.photos } : {};
  return { ...exportHeader(options.now ?? new Date()), terrains: terrains.map((t) => structuredClone(exportedTerrain(t))), ...photos };
}

const indented = (value: unknown): string => `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;

/** The terrains' text, one part per terrain: the first carries the file's head, `end()` closes the array. */
function terrainWriter(header: Omit<ExportEnvelope, 'terrains' | 'photos'>): { part(terrain: Terrain | StoredTerrain): string; end(): string } {
  const head = `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "terrains": [`;
  let first = true;
  return {
    part(terrain) {
      const text = `${first ? `${head}\n` : ',\n'}${indented(exportedTerrain(terrain))}`;
      first = false;
      return text;
    },
    end: () => (first ? `${head}]` : '\n  ]'),
  };
}

/** The index-th photo of the `photos` array, with what comes before it. */
const photoPart = (photo: ExportedPhoto, index: number): string => `${index === 0 ? ',\n  "photos": [\n' : ',\n'}${indented(photo)}`;
/** The end of the file after `count` photos (an explicit empty list is written as one). */
const closing = (count: number, emptyList = false): string => (count > 0 ? '\n  ]\n}\n' : emptyList ? ',\n  "photos": []\n}\n' : '\n}\n');

/**
 * The file's text in pieces, one per terrain and one per photo (and the envelope's head and
 * tail), exactly as JSON.stringify(envelope, null, 2) writes it: indented, so a person can read
 * and diff it. Joined or put in a Blob one by one, so a province is never one string.
 */
export function* envelopeParts(envelope: Omit<ExportEnvelope, 'terrains'> & { terrains: Iterable<Terrain | StoredTerrain> }): Generator<string> {
  const { terrains, photos = [], ...header } = envelope;
  const writer = terrainWriter(header);
  for (const terrain of terrains) yield writer.part(terrain);
  yield writer.end();
  for (let i = 0; i < photos.length; i++) yield photoPart(photos[i], i);
  yield closing(photos.length, envelope.photos !== undefined);
}

/**
 * The export file of these terrains and photos, in pieces (see envelopeParts); both may come one
 * at a time (terrains read a few at a time, a photo's base64 made when its turn comes), so
 * neither is ever held all at once.
 */
export async function* exportParts(terrains: Iterable<Terrain | StoredTerrain> | AsyncIterable<Terrain | StoredTerrain>, photos: AsyncIterable<ExportedPhoto>, options: { now?: Date } = {}): AsyncGenerator<string> {
  const writer = terrainWriter(exportHeader(options.now ?? new Date()));
  for await (const terrain of terrains) yield writer.part(terrain);
  yield writer.end();
  let count = 0;
  for await (const photo of photos) yield photoPart(photo, count++);
  yield closing(count);
}

/** The file's text as one string (small files and tests; a province goes through exportParts). */
export function serializeEnvelope(envelope: ExportEnvelope): string {
  return [...envelopeParts(envelope)].join('');
}

/** A safe file name: "energietoolbox-<name or 'terreinen'>-<date>.json", letters and digits only. */
export function exportFileName(envelope: { exportedAt: string; terrains: readonly { name: string }[] }): string {
  const date = envelope.exportedAt.slice(0, 10);
  const single = envelope.terrains.length === 1 ? envelope.terrains[0].name : '';
  return `energietoolbox-${fileSlug(single) || 'terreinen'}-${date}.json`;
}

// ---------------------------------------------------------------- the format version ladder

export type Envelope = Record<string, unknown>;
/** Turns an envelope of format version n into one of version n + 1. */
export type EnvelopeMigration = (envelope: Envelope) => Envelope;

/**
 * The ladder: ENVELOPE_MIGRATIONS[n] upgrades format n to n + 1 (restore.ts's migrateEnvelope
 * runs it); the fixtures of every older format stay in tests/fixtures/export-v<n>/ and must
 * keep importing.
 *
 *   1 → 2: a terrain may hold `parameterOverrides` (own values for adjustable parameters).
 *   2 → 3: a building may hold `survey` (address, company, contact, visit date, notes).
 *   3 → 4: a building may hold `location` (a WGS84 point from the GPS or set by hand); and an
 *          own `electricityValueEurPerKwh` is lifted from its old meaning (supply price plus
 *          energy tax) to the bare supply price, or kept aside (src/storage/ownValues.ts): the
 *          business case changed that meaning while the app still wrote format 3.
 *   4 → 5: the file may hold `photos` (the buildings' photos, base64: src/storage/photoFile.ts).
 *
 * The others only add optional fields, so an older file has none and only its version number
 * changes. A step only reshapes; the importer validates the result against the current schema.
 */
const versionOnly =
  (next: number): EnvelopeMigration =>
  (env) => ({ ...env, formatVersion: next });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A terrain of the file with its own values in today's meaning; anything not shaped like a terrain is left for the validator. */
function liftOwnValues(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.parameterOverrides) || !Array.isArray(raw.buildings)) return raw;
  return migrateOwnValues(raw as unknown as Terrain).terrain;
}

export const ENVELOPE_MIGRATIONS: Readonly<Record<number, EnvelopeMigration>> = {
  1: versionOnly(2),
  2: versionOnly(3),
  3: (env) => ({ ...env, formatVersion: 4, ...(Array.isArray(env.terrains) ? { terrains: env.terrains.map(liftOwnValues) } : {}) }),
  4: versionOnly(5),
};
