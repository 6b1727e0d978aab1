import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeBaseline, pixelHash } from '../../src/compare/baseline-png.js';
import { comparePng } from '../../src/compare/compare.js';
import { UsageError } from '../../src/errors.js';

// Pairs made from a crop of the flagship by test/fixtures/images/make-fixtures.ts.
const image = (name: string) => readFileSync(`test/fixtures/images/${name}.png`);
const expected = image('expected');

describe('comparePng', () => {
  it('passes byte-identical images on the fast path, without decoding', () => {
    expect(comparePng(expected, Buffer.from(expected))).toEqual({ pass: true, identical: true, diffPixels: 0, message: 'identical' });
  });

  it('passes the same pixels encoded differently', () => {
    const reencoded = encodeBaseline(expected);
    expect(Buffer.compare(reencoded, expected)).not.toBe(0);
    expect(comparePng(expected, reencoded)).toMatchObject({ pass: true, identical: false, diffPixels: 0 });
  });

  it('fails on one changed pixel, counts it and boxes it', () => {
    const result = comparePng(expected, image('one-pixel'));
    expect(result).toMatchObject({ pass: false, reason: 'pixels', diffPixels: 1, message: '1 pixel (0.02%) differ' });
    expect(!result.pass && result.regions).toEqual([{ x: 4, y: 40, width: 1, height: 1, pixels: 1 }]);
    expect(!result.pass && result.diffImage && PNG.sync.read(result.diffImage).width).toBe(96);
  });

  it('lets anti-aliasing noise through under a colour threshold, and catches it at 0', () => {
    expect(comparePng(expected, image('aa-noise'), { threshold: 0.1 })).toMatchObject({ pass: true, diffPixels: 0 });
    expect(comparePng(expected, image('aa-noise'), { threshold: 0 }).pass).toBe(false);
  });

  it('lets a faint shift of every pixel through under the threshold', () => {
    expect(comparePng(expected, image('faint-noise'), { threshold: 0.1 }).pass).toBe(true);
    expect(comparePng(expected, image('faint-noise'))).toMatchObject({ pass: false, message: '4,436 pixels (96.27%) differ' });
  });

  it('allows a whole-image budget by count or by ratio', () => {
    expect(comparePng(expected, image('one-pixel'), { maxDiffPixels: 1 })).toMatchObject({ pass: true, diffPixels: 1 });
    expect(comparePng(expected, image('one-pixel'), { maxDiffRatio: 0.0001 }).pass).toBe(false);
    expect(comparePng(expected, image('one-pixel'), { maxDiffRatio: 0.01 }).pass).toBe(true);
  });

  it('reports a size mismatch plainly', () => {
    expect(comparePng(expected, image('wider'))).toMatchObject({
      pass: false,
      reason: 'size',
      message: 'size differs: expected 96×48, got 97×48',
    });
  });

  it('throws only on broken input: not a PNG, or an option out of range', () => {
    expect(() => comparePng(expected, Buffer.from('not a png'))).toThrow(UsageError);
    expect(() => comparePng(expected, expected, { threshold: 2 })).toThrow('threshold must be a number from 0 to 1, got 2');
  });
});

describe('baseline encoding', () => {
  it('is lossless and no larger than the capture', () => {
    const capture = readFileSync('snapshots/docker-container-layers.blueprint.1024x1024.png');
    const stored = encodeBaseline(capture);
    expect(pixelHash(stored)).toBe(pixelHash(capture));
    expect(stored.length).toBeLessThanOrEqual(capture.length);
  });
});
