// The app icon is drawn by code (PNG files are not committed): decode what makeIcon writes, independently of
// its encoder, and check the file's structure and a few pixels of the design.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A plain .mjs script with no type declarations: import it by URL, with the one signature the test uses.
const script = new URL('./make-icon.mjs', import.meta.url).href;

const SIZE = 1024;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
  crcValid: boolean;
}

function readChunks(file: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    const stored = file.readUInt32BE(at + 8 + length);
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4), crcValid: crc32(typeAndData) === stored });
    at += 12 + length;
  }
  return chunks;
}

let dir: string;
let file: Buffer;
let chunks: Chunk[];

beforeAll(async () => {
  const { makeIcon } = (await import(script)) as { makeIcon: (outPath: string) => string };
  dir = mkdtempSync(join(tmpdir(), 'liseuse-icon-'));
  file = readFileSync(makeIcon(join(dir, 'icon.png')));
  chunks = readChunks(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('makeIcon', () => {
  it('writes a PNG whose chunks are well formed', () => {
    expect(file.subarray(0, 8)).toEqual(SIGNATURE);
    expect(chunks[0]?.type).toBe('IHDR');
    expect(chunks.at(-1)?.type).toBe('IEND');
    expect(chunks.map((c) => c.type)).toContain('IDAT');
    for (const chunk of chunks) expect(chunk.crcValid, `CRC of ${chunk.type}`).toBe(true);
  });

  it('is 1024×1024, 8-bit RGBA, not interlaced', () => {
    const header = chunks[0]!.data;
    expect(header.length).toBe(13);
    expect(header.readUInt32BE(0)).toBe(SIZE);
    expect(header.readUInt32BE(4)).toBe(SIZE);
    expect(header[8]).toBe(8); // bit depth
    expect(header[9]).toBe(6); // colour type: truecolour with alpha
    expect(header[12]).toBe(0); // interlace
  });

  it('draws the design: transparent corners, blue square, cream pages, spine, ribbon', () => {
    const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    const stride = SIZE * 4 + 1;
    expect(raw.length).toBe(stride * SIZE);
    for (let y = 0; y < SIZE; y++) expect(raw[y * stride]).toBe(0); // filter type None on every row
    const pixel = (x: number, y: number) => [...raw.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)];

    const transparent = [0, 0, 0, 0];
    const blue = [0x1f, 0x5f, 0xa8, 255];
    const cream = [0xf8, 0xee, 0xd3, 255];
    const deepBlue = [0x14, 0x3f, 0x70, 255];
    const ribbon = [0xf0, 0xa0, 0x30, 255];

    expect(pixel(0, 0)).toEqual(transparent);
    expect(pixel(SIZE - 1, SIZE - 1)).toEqual(transparent);
    expect(pixel(512, 150)).toEqual(blue); // above the book
    expect(pixel(512, 940)).toEqual(blue); // below it
    // The exact centre is on the spine between the pages; the middle of each page is cream.
    expect(pixel(512, 512)).toEqual(deepBlue);
    expect(pixel(364, 650)).toEqual(cream);
    expect(pixel(660, 640)).toEqual(cream);
    expect(pixel(700, 400)).toEqual(ribbon);

    // Anti-aliased: where a row crosses the rounded corner, one pixel is partly transparent.
    const row = Array.from({ length: 256 }, (_, x) => pixel(x, 150)[3]);
    expect(row.filter((alpha) => alpha !== 0 && alpha !== 255)).toHaveLength(1);
  });
});
