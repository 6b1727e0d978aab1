/**
 * Baselines are stored small: re-encoded as 8-bit RGB (screenshots are opaque) with zlib at
 * level 9 and the best PNG filter chosen per row. Lossless: the pixels are exactly the capture's.
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { decodePng } from './compare.js';

export function encodeBaseline(capture: Uint8Array): Buffer {
  const image = decodePng(capture, 'the captured image');
  const opaque = image.data.every((_, i) => i % 4 !== 3 || image.data[i] === 255);
  return PNG.sync.write(image, {
    colorType: opaque ? 2 : 6,
    inputColorType: 6,
    inputHasAlpha: true,
    deflateLevel: 9,
    deflateStrategy: 0,
    filterType: -1,
  });
}

/** A hash of the decoded RGBA pixels: equal for two PNGs of the same picture, however encoded. */
export function pixelHash(png: Uint8Array): string {
  const image = decodePng(png, 'the image');
  return createHash('sha256').update(`${image.width}x${image.height}:`).update(image.data).digest('hex');
}

export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
