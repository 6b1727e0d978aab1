/**
 * The PNG container, at the level cyanotype needs it: the signature, a file's chunks, and a
 * chunk built with its CRC. Pixels are never decoded here.
 */
import * as zlib from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  readonly type: string;
  readonly data: Buffer;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(PNG_SIGNATURE);
}

/**
 * The chunks of `png` in order, as far as its bytes go: a file's first bytes are enough for its
 * first chunks. Nothing when it is not a PNG; a chunk cut short ends the walk.
 */
export function* pngChunks(png: Uint8Array): Generator<PngChunk> {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!isPng(bytes)) return;
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    if (offset + 12 + length > bytes.length) return;
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    yield { type, data: bytes.subarray(offset + 8, offset + 8 + length) };
    if (type === 'IEND') return;
    offset += 12 + length;
  }
}

/** The chunks of a whole PNG, in order; undefined when it is not one or is cut short. */
export function readChunks(png: Uint8Array): PngChunk[] | undefined {
  const chunks = [...pngChunks(png)];
  return chunks.at(-1)?.type === 'IEND' ? chunks : undefined;
}

/** One chunk as bytes: length, type, data, CRC of type and data. */
export function encodeChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

const TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** zlib's own CRC-32 (Node 20.15 and later): a compacted capture's ~350 KB took ~0.5 ms in the loop below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(bytes: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(bytes) : crc32Table(bytes);
}

/** The same CRC computed byte by byte from a table, for Node versions before 20.15. */
export function crc32Table(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
