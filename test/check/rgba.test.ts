import { readdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeRgba } from '../../src/check/rgba.js';

/** Every pixel as RGBA, whatever the channel count. */
function rgbaOf(image: { width: number; height: number; channels: number; data: Uint8Array }): Buffer {
  const out = Buffer.alloc(image.width * image.height * 4);
  for (let p = 0, q = 0; q < out.length; p += image.channels, q += 4) {
    out[q] = image.data[p]!;
    out[q + 1] = image.data[p + 1]!;
    out[q + 2] = image.data[p + 2]!;
    out[q + 3] = image.channels === 4 ? image.data[p + 3]! : 255;
  }
  return out;
}

describe('decodeRgba', () => {
  const files = [
    ...readdirSync('snapshots')
      .filter((f) => f.endsWith('.png'))
      .map((f) => `snapshots/${f}`),
    ...readdirSync('test/fixtures/images')
      .filter((f) => f.endsWith('.png'))
      .map((f) => `test/fixtures/images/${f}`),
  ];

  it.each(files)('gives the same pixels as pngjs for %s', (file) => {
    const bytes = readFileSync(file);
    const reference = PNG.sync.read(bytes);
    const fast = decodeRgba(bytes);
    expect([fast.width, fast.height]).toEqual([reference.width, reference.height]);
    expect(rgbaOf(fast).equals(rgbaOf({ ...reference, channels: 4 }))).toBe(true);
  });

  // Widths whose rows are and are not whole 4-byte words (the Up filter adds four bytes at a
  // time on aligned rows), opaque and not, noisy enough that byte sums carry.
  it.each([
    [64, 2],
    [37, 2],
    [64, 6],
    [37, 6],
  ] as const)('decodes every filter type at width %i, colour type %i (a PNG written with each)', (width, colorType) => {
    const png = new PNG({ width, height: 40, colorType });
    let seed = width * 31 + colorType;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let i = 0; i < png.data.length; i += 4) png.data.set([next(), next(), next(), colorType === 6 ? next() : 255], i);
    for (const filterType of [0, 1, 2, 3, 4]) {
      const bytes = PNG.sync.write(png, { colorType, filterType, inputHasAlpha: true });
      expect(rgbaOf(decodeRgba(bytes)).equals(rgbaOf({ ...png, channels: 4 })), `filter ${filterType}`).toBe(true);
    }
  });

  it('decodes capture after capture into one reused buffer, each as a fresh decode would', () => {
    const shared = new Set<ArrayBufferLike>();
    // Larger, smaller, then larger again, each filtered as Chromium encodes a capture (every row
    // Up): the buffer grows once and is lent in part after that.
    for (const file of [
      'snapshots/docker-container-layers.blueprint.1024x1024.png',
      'test/fixtures/images/expected.png',
      'snapshots/https-request-path.paper.1024x1024.png',
    ]) {
      const bytes = PNG.sync.write(PNG.sync.read(readFileSync(file)), { colorType: 2, filterType: 2 });
      const reused = decodeRgba(bytes, undefined, true);
      shared.add(reused.data.buffer);
      expect(rgbaOf(reused).equals(rgbaOf(decodeRgba(bytes))), file).toBe(true);
    }
    expect(shared.size).toBe(1);
  });
});
