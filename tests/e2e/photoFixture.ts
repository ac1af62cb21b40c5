/**
 * A generated photo for the browser tests and fixtures: a PNG of any size, written here with
 * node:zlib (no image library), with gradients, hard edges and some grain so that a JPEG of it
 * is neither trivially small nor noise.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG, width × height, its picture varied by `seed`. */
export function makePng(width: number, height: number, seed = 1): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let rnd = seed >>> 0 || 1;
  const next = (): number => ((rnd = (Math.imul(rnd, 1664525) + 1013904223) >>> 0) >>> 24);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      const band = ((x >> 6) + (y >> 6) + seed) % 5 === 0 ? 60 : 0; // edges like panels and windows
      const grain = next() >> 3;
      rows[i] = (x * 255) / width + band + grain;
      rows[i + 1] = (y * 255) / height + grain;
      rows[i + 2] = 128 + band - grain;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
