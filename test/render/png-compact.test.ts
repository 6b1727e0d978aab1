import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readChunks } from '../../src/render/png-chunks.js';
import { compactPng, compactRows, inflateRows, pngParts } from '../../src/render/png-compact.js';
import { stampPng } from '../../src/render/stamp.js';

/** A noisy-but-compressible picture, encoded fast (level 1, Up filter) the way Chromium's optimizeForSpeed is. */
function fastPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height, colorType: 2 });
  for (let i = 0; i < png.data.length; i += 4) {
    const p = i / 4;
    png.data.set([(p % width) * 3, (Math.floor(p / width) * 5) % 256, (p * 7919) % 13 === 0 ? 255 : 40, 255], i);
  }
  return PNG.sync.write(png, { colorType: 2, filterType: 2, deflateLevel: 1 });
}

describe('compactPng', () => {
  it('keeps the pixels and every other chunk, and makes the file smaller', async () => {
    const fast = Buffer.from(stampPng(fastPng(300, 200), 'abc123'));
    const compact = Buffer.from(await compactPng(fast));
    expect(compact.length).toBeLessThan(fast.length);
    expect(PNG.sync.read(compact).data.equals(PNG.sync.read(fast).data)).toBe(true);
    const types = (png: Buffer) => readChunks(png)!.map((c) => c.type);
    expect(types(compact)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(readChunks(compact)![1]!.data.toString('latin1')).toBe('cyanotype:input\0abc123');
  });

  it('joins image data split over several IDAT chunks', async () => {
    const fast = fastPng(120, 90);
    const chunks = readChunks(fast)!;
    const idat = chunks.find((c) => c.type === 'IDAT')!.data;
    const { encodeChunk, PNG_SIGNATURE } = await import('../../src/render/png-chunks.js');
    const third = Math.floor(idat.length / 3);
    const split = Buffer.concat([
      PNG_SIGNATURE,
      encodeChunk('IHDR', chunks[0]!.data),
      encodeChunk('IDAT', idat.subarray(0, third)),
      encodeChunk('IDAT', idat.subarray(third, 2 * third)),
      encodeChunk('IDAT', idat.subarray(2 * third)),
      encodeChunk('IEND', Buffer.alloc(0)),
    ]);
    const compact = Buffer.from(await compactPng(split));
    expect(readChunks(compact)!.filter((c) => c.type === 'IDAT')).toHaveLength(1);
    expect(PNG.sync.read(compact).data.equals(PNG.sync.read(fast).data)).toBe(true);
  });

  it('gives the same bytes every time', async () => {
    const fast = fastPng(256, 256);
    expect(Buffer.from(await compactPng(fast)).equals(Buffer.from(await compactPng(fast)))).toBe(true);
  });

  it('returns what is not a whole PNG untouched', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(await compactPng(jpeg)).toBe(jpeg);
    const cut = fastPng(50, 50).subarray(0, 60);
    expect(await compactPng(cut)).toBe(cut);
  });

  it('compacts the same on the calling thread, from rows inflated once (a batch worker)', async () => {
    const fast = Buffer.from(stampPng(fastPng(300, 200), 'abc123'));
    const parts = pngParts(fast)!;
    expect(Buffer.from(compactRows(parts, inflateRows(parts))).equals(Buffer.from(await compactPng(fast)))).toBe(true);
    expect(pngParts(fast.subarray(0, 60))).toBeUndefined();
  });
});
