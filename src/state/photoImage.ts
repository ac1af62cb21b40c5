/**
 * Compresses a chosen or captured photo in the browser before it is stored: decoded with
 * createImageBitmap (EXIF rotation applied), scaled down to PHOTO_MAX_SIDE and encoded as JPEG at
 * PHOTO_QUALITY on an OffscreenCanvas (a canvas element where there is none). Re-encoding always
 * also drops the camera's metadata (its GPS position among them). No library: the browser does it.
 */

/**
 * Long side at most 1600 px: the type plate of a meter, an energy label or the roof covering stays
 * readable when zoomed on a phone and prints sharp at the report's thumbnail sizes, while a phone's
 * 12–50 Mpx photo shrinks 5–20× in pixels.
 */
export const PHOTO_MAX_SIDE = 1600;
/**
 * JPEG quality 0.7: about 100–300 kB for a 1600 px site photo, the range where compression artefacts
 * stay invisible on text and edges at that size; 50 photos of a terrain then stay near 10 MB.
 */
export const PHOTO_QUALITY = 0.7;
/** JPEG: every browser's canvas encodes it (Safari's cannot encode WebP). */
export const PHOTO_TYPE = 'image/jpeg';
/** A file above this is not decoded at all (a phone photo is 2–15 MB; a panorama or RAW export is not a site photo). */
export const PHOTO_MAX_INPUT_BYTES = 50 * 1024 * 1024;

export interface CompressedPhoto {
  blob: Blob;
  type: string;
  width: number;
  height: number;
}

/** Why a file gives no photo: not an image the browser can decode, or too large to try. */
export class PhotoError extends Error {
  constructor(public readonly reason: 'undecodable' | 'too-large') {
    super(reason);
  }
}

/** The size that fits the long side into `max`, never enlarged. */
export function fitInside(width: number, height: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  if (file.size > PHOTO_MAX_INPUT_BYTES) throw new PhotoError('too-large');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('undecodable');
  }
  try {
    if (!bitmap.width || !bitmap.height) throw new PhotoError('undecodable');
    const { width, height } = fitInside(bitmap.width, bitmap.height);
    const blob = await encode(bitmap, width, height);
    if (!blob || blob.size === 0) throw new PhotoError('undecodable');
    return { blob, type: blob.type || PHOTO_TYPE, width, height };
  } catch (error) {
    throw error instanceof PhotoError ? error : new PhotoError('undecodable');
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    draw(ctx, bitmap, width, height);
    return canvas.convertToBlob({ type: PHOTO_TYPE, quality: PHOTO_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  draw(ctx, bitmap, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, PHOTO_TYPE, PHOTO_QUALITY));
}

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, bitmap: ImageBitmap, width: number, height: number): void {
  // A transparent PNG would turn black in a JPEG: put it on white.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
}
