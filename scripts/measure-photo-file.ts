/**
 * How large an export file of a 50-photo terrain is. Compresses 50 pictures in Chromium with the
 * app's own constants and steps (createImageBitmap, OffscreenCanvas, JPEG: src/state/photoImage.ts),
 * then writes the export file of a 50-building terrain holding them (src/storage/envelope.ts,
 * photoFile.ts) and prints its size. The pictures: 12 Mpx (4000 × 3000) phone-sized images drawn
 * in the page (gradients, edges, fine grain: harder to compress than most site photos), and a real
 * photo (a circuit board, 720 × 477, from the Rust docs on this machine) for bytes per pixel.
 *
 *   npx tsx scripts/measure-photo-file.ts [path/to/a/photo.jpg]
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { PHOTO_MAX_SIDE, PHOTO_QUALITY, PHOTO_TYPE, fitInside } from '../src/state/photoImage';
import { exportEnvelope, serializeEnvelope } from '../src/storage/envelope';
import { exportPhotos } from '../src/storage/photoFile';
import type { StoredPhoto } from '../src/storage/db';
import type { Terrain } from '../src/engine/types';

const REAL = process.argv[2] ?? '/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/embedded-book/assets/f3.jpg';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.evaluate('globalThis.__name = (f) => f'); // tsx names functions with a helper the page lacks
const real = existsSync(REAL) ? readFileSync(REAL).toString('base64') : null;
const results = await page.evaluate(
  async ({ max, quality, type, real }) => {
    const fit = (w: number, h: number) => {
      const s = Math.min(1, max / Math.max(w, h));
      return [Math.round(w * s), Math.round(h * s)];
    };
    const compress = async (source: ImageBitmap) => {
      const [w, h] = fit(source.width, source.height);
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, 0, 0, w, h);
      const blob = await canvas.convertToBlob({ type, quality });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: w, height: h, base64: btoa(binary), sourcePixels: source.width * source.height };
    };
    const out = [];
    for (let seed = 1; seed <= 50; seed++) {
      const canvas = new OffscreenCanvas(4000, 3000);
      const ctx = canvas.getContext('2d')!;
      const g = ctx.createLinearGradient(0, 0, 4000, 3000);
      g.addColorStop(0, `hsl(${seed * 37}, 40%, 70%)`);
      g.addColorStop(1, `hsl(${seed * 37 + 120}, 30%, 30%)`);
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 4000, 3000);
      let r = seed;
      const rnd = () => ((r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 2 ** 32);
      for (let i = 0; i < 400; i++) {
        ctx.fillStyle = `hsla(${rnd() * 360}, 30%, ${30 + rnd() * 50}%, 0.8)`;
        ctx.fillRect(rnd() * 4000, rnd() * 3000, rnd() * 600, rnd() * 300);
      }
      const img = ctx.getImageData(0, 0, 4000, 3000);
      for (let i = 0; i < img.data.length; i += 4) {
        const n = (rnd() - 0.5) * 24;
        img.data[i] += n;
        img.data[i + 1] += n;
        img.data[i + 2] += n;
      }
      ctx.putImageData(img, 0, 0);
      out.push(await compress(canvas.transferToImageBitmap()));
    }
    let realResult = null;
    if (real) {
      const bytes = Uint8Array.from(atob(real), (c) => c.charCodeAt(0));
      realResult = await compress(await createImageBitmap(new Blob([bytes])));
    }
    return { synthetic: out, real: realResult };
  },
  { max: PHOTO_MAX_SIDE, quality: PHOTO_QUALITY, type: PHOTO_TYPE, real },
);
await browser.close();

const toPhoto = (r: { width: number; height: number; base64: string }, i: number, buildingId: string): StoredPhoto => {
  const bytes = Buffer.from(r.base64, 'base64');
  return { id: `p-${i}`, terrainId: 't', buildingId, blob: new Blob([bytes], { type: PHOTO_TYPE }), type: PHOTO_TYPE, width: r.width, height: r.height, bytes: bytes.length, takenAt: '2026-12-02T09:00:00.000Z', caption: 'Dak en meterkast' };
};
const terrain: Terrain = {
  id: 't',
  name: 'Roomburg',
  municipality: 'Leiden',
  facts: {},
  buildings: Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, name: `Bedrijf ${i + 1}`, facts: { roofAreaM2: 2000 + i, use: 'logistics', connection: 'large' }, survey: { companyName: `Bedrijf ${i + 1} B.V.`, kvkNumber: String(10000000 + i), address: `Roomburgerweg ${i + 1}, Leiden` } })),
};
const size = async (photos: StoredPhoto[]) => Buffer.byteLength(serializeEnvelope(exportEnvelope([terrain], { photos: await exportPhotos([terrain], photos) })), 'utf8');
const synthetic = results.synthetic.map((r, i) => toPhoto(r, i, `b${i}`));
const jpegBytes = synthetic.map((p) => p.bytes).sort((a, b) => a - b);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`settings: long side ${PHOTO_MAX_SIDE} px, JPEG quality ${PHOTO_QUALITY}; ${fitInside(4000, 3000).width} × ${fitInside(4000, 3000).height} from 4000 × 3000`);
console.log(`synthetic photos: median ${Math.round(jpegBytes[25] / 1000)} kB (${Math.round(jpegBytes[0] / 1000)}–${Math.round(jpegBytes[49] / 1000)} kB)`);
console.log(`terrain of 50 buildings without photos: ${(await size([])) / 1000} kB`);
console.log(`terrain of 50 buildings with 50 photos: ${mb(await size(synthetic))}`);
if (results.real) {
  const r = results.real;
  const bpp = Buffer.from(r.base64, 'base64').length / (r.width * r.height);
  console.log(`real photo ${r.width} × ${r.height}: ${(bpp).toFixed(3)} bytes/px → ${Math.round((bpp * 1600 * 1200) / 1000)} kB at 1600 × 1200; 50 such: ~${mb(50 * bpp * 1600 * 1200 * (4 / 3))} of base64`);
}
