/**
 * Photos in the export file (format 5): the optional top-level `photos` array of
 * export.schema.json, each `{ id, terrainId, buildingId, type, width, height, takenAt, caption?,
 * data }` with the image bytes as base64. Writing: a stored photo to its entry (only photos whose
 * building is in the exported terrain). Reading, after the schema has accepted the shape: every
 * photo belongs to a building of a terrain in the same file, ids are unique, and the bytes
 * decode and are what the type says (JPEG, PNG or WebP by their first bytes); then a Blob again.
 */
import type { Terrain, Text } from '../engine/types';
import type { StoredPhoto } from './db';
import { isPlainObject, nothingChanged, own } from './messages';

export interface ExportedPhoto {
  id: string;
  terrainId: string;
  buildingId: string;
  type: string;
  width: number;
  height: number;
  takenAt: string;
  caption?: string;
  /** The image bytes, base64 (RFC 4648, with padding). */
  data: string;
}

/** The first bytes each accepted type starts with (WebP: "RIFF", 4 bytes of size, "WEBP"). */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
};
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The file entries of these terrains' photos: those of a building the terrain has, oldest first. */
export async function exportPhotos(terrains: readonly Terrain[], photos: readonly StoredPhoto[]): Promise<ExportedPhoto[]> {
  const buildings = new Set(terrains.flatMap((t) => t.buildings.map((b) => `${t.id}\u0000${b.id}`)));
  const kept = photos.filter((p) => buildings.has(`${p.terrainId}\u0000${p.buildingId}`));
  return Promise.all(
    kept.map(async (p) => {
      const data = toBase64(new Uint8Array(await p.blob.arrayBuffer()));
      const caption = p.caption ? { caption: p.caption } : {};
      return { id: p.id, terrainId: p.terrainId, buildingId: p.buildingId, type: p.type, width: p.width, height: p.height, takenAt: p.takenAt, ...caption, data };
    }),
  );
}

/** The characters of base64 in a parsed file's `photos` (0 when it has none): they do not count against the limit for the terrain data. */
export function photoDataLength(raw: unknown): number {
  const photos = isPlainObject(raw) ? own(raw, 'photos') : undefined;
  if (!Array.isArray(photos)) return 0;
  let length = 0;
  for (const p of photos) {
    const data = isPlainObject(p) ? own(p, 'data') : undefined;
    if (typeof data === 'string') length += data.length;
  }
  return length;
}

const photoWhere = (i: number, p: ExportedPhoto): Text => ({ nl: `Foto ${i + 1} (id "${p.id}")`, en: `Photo ${i + 1} (id "${p.id}")` });

/**
 * Checks the photos the schema accepted against the file's terrains and decodes them; a message
 * (nothing imported) at the first photo that fails.
 */
export function readPhotos(photos: readonly ExportedPhoto[], terrains: readonly Terrain[]): { ok: true; photos: StoredPhoto[] } | { ok: false; message: Text } {
  const buildings = new Map(terrains.map((t) => [t.id, new Set(t.buildings.map((b) => b.id))]));
  const ids = new Set<string>();
  const out: StoredPhoto[] = [];
  for (let i = 0; i < photos.length; i++) {
    const p = photos[i];
    const where = photoWhere(i, p);
    const fail = (nl: string, en: string) => ({ ok: false as const, message: nothingChanged(`${where.nl}: ${nl}`, `${where.en}: ${en}`) });
    if (ids.has(p.id)) return fail('deze id komt meer dan eens voor in het bestand.', 'this id occurs more than once in the file.');
    ids.add(p.id);
    const inTerrain = buildings.get(p.terrainId);
    if (!inTerrain) return fail(`hoort bij terrein "${p.terrainId}", dat niet in het bestand staat.`, `belongs to park "${p.terrainId}", which is not in the file.`);
    if (!inTerrain.has(p.buildingId)) return fail(`hoort bij gebouw "${p.buildingId}", dat niet in zijn terrein staat.`, `belongs to building "${p.buildingId}", which is not in its park.`);
    const bytes = fromBase64(p.data);
    if (!bytes || bytes.length === 0) return fail('de beeldgegevens zijn geen geldige base64.', 'the image data is not valid base64.');
    if (!SIGNATURES[p.type]?.(bytes)) return fail(`de beeldgegevens zijn geen ${p.type}.`, `the image data is not ${p.type}.`);
    const blob = new Blob([bytes], { type: p.type });
    const photo: StoredPhoto = { id: p.id, terrainId: p.terrainId, buildingId: p.buildingId, blob, type: p.type, width: p.width, height: p.height, bytes: blob.size, takenAt: p.takenAt };
    if (p.caption) photo.caption = p.caption;
    out.push(photo);
  }
  return { ok: true, photos: out };
}
