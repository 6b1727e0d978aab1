import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { comparePng } from '../../src/compare/compare.js';
import { UsageError } from '../../src/errors.js';

function image(width: number, height: number, paint?: (x: number, y: number) => [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint?.(x, y) ?? [10, 34, 82];
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

describe('comparePng', () => {
  it('passes byte-identical images on the fast path', () => {
    const a = image(8, 8);
    expect(comparePng(a, Buffer.from(a))).toEqual({ pass: true, identical: true, message: 'identical' });
  });

  it('fails on one changed pixel and counts it', () => {
    const result = comparePng(
      image(8, 8),
      image(8, 8, (x, y) => (x === 3 && y === 4 ? [255, 255, 255] : [10, 34, 82])),
    );
    expect(result).toMatchObject({ pass: false, reason: 'pixels', diffPixels: 1, message: '1 pixels (1.56%) differ' });
  });

  it('reports a size mismatch plainly', () => {
    expect(comparePng(image(8, 8), image(8, 9))).toMatchObject({
      pass: false,
      reason: 'size',
      message: 'size differs: expected 8×8, got 8×9',
    });
  });

  it('throws only on input that is not a PNG', () => {
    expect(() => comparePng(image(2, 2), Buffer.from('not a png'))).toThrow(UsageError);
  });
});
