/**
 * Chromium encodes a screenshot in one of two ways: small and slow (zlib at its default level,
 * a filter chosen per row: ~80 ms for a 1024×1024 blueprint, on the browser's critical path) or
 * fast (`optimizeForSpeed`: zlib level 1, ~40 ms, 20–45% larger). cyanotype captures fast and
 * compacts here, off the browser: the filtered rows are kept exactly as Chromium wrote them and
 * only deflated again, at level 6 (~25 ms on libuv's thread pool, inflate included). The pixels
 * are the capture's, bit for bit; the file comes out within ~1% of Chromium's slow encoding.
 */
import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { encodeChunk, PNG_SIGNATURE, readChunks } from './png-chunks.js';

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/** Level 6: level 9 gains ~3% more and costs ~8× the time (measured on the flagship). */
const LEVEL = 6;

/** The same PNG with its image data deflated again at level 6; anything that is not a whole PNG is returned as it is. */
export async function compactPng(png: Uint8Array): Promise<Uint8Array> {
  const chunks = readChunks(png);
  if (!chunks) return png;
  const data = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  if (data.length === 0) return png;
  // Output buffers the size of the whole result: zlib then calls back once, not every 16 KiB
  // (which cost the main thread ~7 ms a render).
  const header = chunks[0]!.data;
  const rowsLength = header.length >= 13 ? rowBytes(header) : 0;
  const rows = await inflateAsync(data.length === 1 ? data[0]! : Buffer.concat(data), rowsLength > 0 ? { chunkSize: rowsLength } : {});
  const packed = await deflateAsync(rows, { level: LEVEL, chunkSize: Math.max(64 * 1024, rows.length >> 2) });
  const parts: Buffer[] = [PNG_SIGNATURE];
  let wroteData = false;
  for (const chunk of chunks) {
    if (chunk.type !== 'IDAT') parts.push(encodeChunk(chunk.type, chunk.data));
    else if (!wroteData) {
      parts.push(encodeChunk('IDAT', packed));
      wroteData = true;
    }
  }
  return Buffer.concat(parts);
}

/** The size of the filtered image data an IHDR describes (non-interlaced), 0 when unknown. */
function rowBytes(header: Buffer): number {
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colour, , , interlace] = header.subarray(8, 13);
  const samples = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour ?? -1];
  if (samples === undefined || interlace !== 0 || depth === undefined) return 0;
  return height * (1 + Math.ceil((width * samples * depth) / 8));
}
