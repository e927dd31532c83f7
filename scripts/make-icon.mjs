// Draws the app icon, build/icon.png (1024×1024 RGBA), from the same shapes as build/icon.svg. PNG files are
// not committed (see .gitignore), so `npm run dist` makes it every time; electron-builder converts it for each
// platform. No dependency: simple geometry, 4×4 supersampling, and a small PNG encoder over node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_PATH = join(root, 'build', 'icon.png');

const VIEWBOX = 512;
const SAMPLES = 4; // per axis: 16 samples a pixel

const BLUE = '#1f5fa8';
const DEEP_BLUE = '#143f70';
const CREAM = '#f8eed3';
const INK = '#c9d3e0';
const RIBBON = '#f0a030';

/** Bottom to top, in the 512×512 coordinates of build/icon.svg. */
const SHAPES = [
  roundedRect(24, 24, 464, 464, 104, BLUE),
  polygon([92, 166, 256, 194, 420, 166, 420, 356, 256, 384, 92, 356], DEEP_BLUE), // cover
  polygon([108, 148, 256, 174, 256, 366, 108, 340], CREAM), // left page
  polygon([256, 174, 404, 148, 404, 340, 256, 366], CREAM), // right page
  polygon([132, 188, 232, 205, 232, 215, 132, 198], INK),
  polygon([132, 220, 232, 237, 232, 247, 132, 230], INK),
  polygon([132, 252, 232, 269, 232, 279, 132, 262], INK),
  polygon([132, 284, 204, 296, 204, 306, 132, 294], INK),
  polygon([280, 205, 380, 188, 380, 198, 280, 215], INK),
  polygon([280, 237, 380, 220, 380, 230, 280, 247], INK),
  polygon([280, 269, 380, 252, 380, 262, 280, 279], INK),
  polygon([253, 174, 259, 174, 259, 366, 253, 366], DEEP_BLUE), // spine
  polygon([338, 134, 362, 134, 362, 250, 350, 237, 338, 250], RIBBON), // bookmark
].reverse(); // the first shape that contains a sample wins

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function roundedRect(x, y, width, height, radius, color) {
  const cx = x + width / 2;
  const cy = y + height / 2;
  const hw = width / 2;
  const hh = height / 2;
  return {
    color: rgb(color),
    box: [x, y, x + width, y + height],
    contains(px, py) {
      const dx = Math.max(Math.abs(px - cx) - (hw - radius), 0);
      const dy = Math.max(Math.abs(py - cy) - (hh - radius), 0);
      return Math.abs(px - cx) <= hw && Math.abs(py - cy) <= hh && dx * dx + dy * dy <= radius * radius;
    },
  };
}

function polygon(flat, color) {
  const xs = flat.filter((_, i) => i % 2 === 0);
  const ys = flat.filter((_, i) => i % 2 === 1);
  return {
    color: rgb(color),
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    contains(px, py) {
      // even-odd rule: count edge crossings of a ray going right
      let inside = false;
      for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
        if (ys[i] > py !== ys[j] > py && px < ((xs[j] - xs[i]) * (py - ys[i])) / (ys[j] - ys[i]) + xs[i]) inside = !inside;
      }
      return inside;
    },
  };
}

/** Renders the icon as straight (not premultiplied) RGBA, row by row. */
export function renderIcon(size = 1024) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = VIEWBOX / size;
  for (let py = 0; py < size; py++) {
    const y0 = py * scale;
    const y1 = (py + 1) * scale;
    // only the shapes this row of pixels can touch
    const row = SHAPES.filter((s) => s.box[1] <= y1 && s.box[3] >= y0);
    for (let px = 0; px < size; px++) {
      const x0 = px * scale;
      const x1 = (px + 1) * scale;
      const near = row.filter((s) => s.box[0] <= x1 && s.box[2] >= x0);
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        const y = (py + (sy + 0.5) / SAMPLES) * scale;
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const shape = near.find((s) => s.contains(x, y));
          if (!shape) continue;
          r += shape.color[0];
          g += shape.color[1];
          b += shape.color[2];
          covered++;
        }
      }
      if (covered === 0) continue; // transparent
      const at = (py * size + px) * 4;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((covered * 255) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter type 0 (None) on every row. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // interlace: none
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes the icon PNG (1024×1024 unless told) and returns its path. */
export function makeIcon(outPath = ICON_PATH, size = 1024) {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, encodePng(size, size, renderIcon(size)));
  return outPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(makeIcon(process.argv[2]));
