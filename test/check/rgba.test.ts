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

  it('decodes every filter type (a PNG written with each)', () => {
    const png = new PNG({ width: 64, height: 40, colorType: 2 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256, 255], i);
    for (const filterType of [0, 1, 2, 3, 4]) {
      const bytes = PNG.sync.write(png, { colorType: 2, filterType });
      expect(rgbaOf(decodeRgba(bytes)).equals(rgbaOf({ ...png, channels: 4 })), `filter ${filterType}`).toBe(true);
    }
  });
});
