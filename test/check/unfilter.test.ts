import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRgba } from '../../src/check/rgba.js';
import { UNFILTER_WASM, unfilterInPlace } from '../../src/check/unfilter.js';
import { encodeChunk, PNG_SIGNATURE } from '../../src/render/png-chunks.js';
import { compileWat } from '../../scripts/wat.js';

/** Noisy RGB pixels, so byte sums carry. */
function noise(width: number, height: number, seed: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return pixels;
}

/** The pixels' rows filtered as `filters` says (0 None, 1 Sub, 2 Up), a filter byte before each. */
function filterRows(pixels: Uint8Array, width: number, filters: readonly number[]): Uint8Array {
  const stride = width * 3;
  const out = new Uint8Array((stride + 1) * filters.length);
  filters.forEach((filter, y) => {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const at = y * (stride + 1);
    out[at] = filter;
    for (let i = 0; i < stride; i++) {
      const left = i >= 3 ? row[i - 3]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      out[at + 1 + i] = row[i]! - (filter === 1 ? left : filter === 2 ? up : 0);
    }
  });
  return out;
}

/** An RGB PNG with the given filtered rows. */
function png(width: number, height: number, filtered: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    encodeChunk('IHDR', header),
    encodeChunk('IDAT', deflateSync(filtered)),
    encodeChunk('IEND', new Uint8Array()),
  ]);
}

describe('unfilter (WebAssembly)', () => {
  it('is the module unfilter.wat compiles to (npm run wasm)', async () => {
    expect(Buffer.from(await compileWat('src/check/unfilter.wat')).toString('base64')).toBe(UNFILTER_WASM);
  });

  // 1024 pixels wide is a capture's row (3072 bytes, whole 16-byte steps); 37 leaves 15 bytes
  // for the byte loop.
  it.each([1024, 37])('undoes rows filtered Up and None in place, %i pixels wide, all of them', (width) => {
    const height = 24;
    const pixels = noise(width, height, width);
    const filters = Array.from({ length: height }, (_, y) => (y % 5 === 3 ? 0 : 2));
    const rows = unfilterInPlace(filterRows(pixels, width, filters), width * 3, height);
    expect(rows?.length).toBe(pixels.length);
    expect(Buffer.from(rows!).equals(Buffer.from(pixels))).toBe(true);
  });

  it('stops at the first row filtered otherwise, and decodeRgba finishes from there', () => {
    const [width, height] = [37, 20];
    const pixels = noise(width, height, 7);
    const filters = Array.from({ length: height }, (_, y) => (y === 9 ? 1 : 2));
    const filtered = filterRows(pixels, width, filters);
    const done = unfilterInPlace(filtered, width * 3, height);
    expect(done?.length).toBe(9 * width * 3);
    expect(Buffer.from(done!).equals(Buffer.from(pixels.subarray(0, 9 * width * 3)))).toBe(true);
    const image = decodeRgba(png(width, height, filtered));
    expect([image.width, image.height, image.channels]).toEqual([width, height, 3]);
    expect(Buffer.from(image.data).equals(Buffer.from(pixels))).toBe(true);
  });

  it('grows its memory for a capture larger than the last', () => {
    for (const [width, height] of [
      [16, 4],
      [2048, 1200],
    ] as const) {
      const pixels = noise(width, height, height);
      const rows = unfilterInPlace(filterRows(pixels, width, new Array(height).fill(2)), width * 3, height);
      expect(Buffer.from(rows!).equals(Buffer.from(pixels))).toBe(true);
    }
  });
});
