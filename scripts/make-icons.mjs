// Draws the CORS Lens icon (a magnifying lens over a red "blocked" bar) at 16/32/48/96/128 px and
// writes public/icons/icon-<size>.png. No dependencies: pixels are computed here and encoded with
// node:zlib. Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
// 16/32/48/128: Chrome (128 is the Web Store icon); 48/96: Firefox's add-ons manager (96 for HiDPI).
const SIZES = [16, 32, 48, 96, 128];
const SAMPLES = 4; // supersampling per axis, for anti-aliased edges

const BLUE = [26, 115, 232];
const RED = [217, 48, 37];
const WHITE = [255, 255, 255];

/** Colour of the point (x, y) in a unit square, or null for transparent. */
function shade(x, y) {
  const cx = 0.42, cy = 0.42, r = 0.3, ring = 0.085;
  const d = Math.hypot(x - cx, y - cy);
  // Handle: a thick segment from the ring towards the bottom-right corner.
  const t = Math.max(0, Math.min(1, (x - 0.62 + (y - 0.62)) / (2 * 0.26)));
  const hx = 0.62 + t * 0.26, hy = 0.62 + t * 0.26;
  if (Math.hypot(x - hx, y - hy) < 0.085) return BLUE;
  if (d <= r + ring / 2 && d >= r - ring / 2) return BLUE;
  if (d < r - ring / 2) {
    // Inside the lens: a red bar (the blocked call) on white glass.
    if (Math.abs(y - cy) < 0.06 && Math.abs(x - cx) < 0.17) return RED;
    return WHITE;
  }
  return null;
}

function pixels(size) {
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) { data[i] = r / a; data[i + 1] = g / a; data[i + 2] = b / a; }
      data[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(OUT, `icon-${size}.png`), png(size, pixels(size)));
  console.log(`wrote public/icons/icon-${size}.png`);
}
