/**
 * The export file's envelope: one terrain or all of them, with type, format version,
 * toolbox version, app version and export time; the limits an import file must keep; the
 * ladder that lifts an older format version; and the file's text and name.
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
import type { ExportedPhoto } from './photoFile';

export const EXPORT_TYPE = exportSchema.properties.type.const;
/**
 * The current format version, declared by export.schema.json. Bump it there, with a new step
 * in ENVELOPE_MIGRATIONS; never change what an old version means.
 */
export const EXPORT_FORMAT_VERSION: number = exportSchema.properties.formatVersion.const;

/**
 * Limits on an import file. 5 MB holds about 1,000 fully filled-in terrains of 5 buildings
 * (one such terrain is ~4 kB); the counts (declared by the schemas) stop files that are small
 * but absurd, and are checked before the schema so the message can say how many there are.
 */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /**
   * The photos' base64 comes on top of maxBytes: 100 MB holds ~300 photos at the app's compression
   * (a 50-photo terrain file is ~10 MB: README "Photos"), and a phone can still read such a file.
   */
  maxPhotoBytes: 100 * 1024 * 1024,
  maxTerrains: exportSchema.properties.terrains.maxItems,
  maxBuildingsPerTerrain: terrainSchema.properties.buildings.maxItems,
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

/** The export file for these terrains (revision is local bookkeeping and stays out). */
export function exportEnvelope(terrains: readonly (Terrain | StoredTerrain)[], options: { now?: Date; photos?: ExportedPhoto[] } = {}): ExportEnvelope {
  const photos = options.photos?.length ? { photos: options.photos } : {};
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
    ...photos,
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
 *   3 → 4: a building may hold `location` (a WGS84 point from the GPS or set by hand).
 *   4 → 5: the file may hold `photos` (the buildings' photos, base64: src/storage/photoFile.ts).
 *
 * Each only adds optional fields, so an older file has none and only its version number
 * changes. A step only reshapes; the importer validates the result against the current schema.
 */
const versionOnly =
  (next: number): EnvelopeMigration =>
  (env) => ({ ...env, formatVersion: next });

export const ENVELOPE_MIGRATIONS: Readonly<Record<number, EnvelopeMigration>> = {
  1: versionOnly(2),
  2: versionOnly(3),
  3: versionOnly(4),
  4: versionOnly(5),
};
