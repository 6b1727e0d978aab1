/**
 * Chromium encodes a screenshot in one of two ways: small and slow (zlib at its default level,
 * a filter chosen per row: ~80 ms for a 1024×1024 blueprint, on the browser's critical path) or
 * fast (`optimizeForSpeed`: zlib level 1, ~40 ms, 20–45% larger). cyanotype captures fast and
 * compacts here, off the browser: the filtered rows are kept exactly as Chromium wrote them and
 * only deflated again, at level 6 (~25 ms on libuv's thread pool, inflate included). The pixels
 * are the capture's, bit for bit; the file comes out within ~1% of Chromium's slow encoding.
 *
 * A batch's worker thread compacts synchronously (compactRows), from the rows it inflated once
 * for the checks too.
 */
import { promisify } from 'node:util';
import { deflate, deflateSync, inflate, inflateSync } from 'node:zlib';
import { encodeChunk, PNG_SIGNATURE, readChunks, type PngChunk } from './png-chunks.js';

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/** Level 6: level 9 gains ~3% more and costs ~8× the time (measured on the flagship). */
const LEVEL = 6;

/** A PNG taken apart: its chunks, and its image data as one zlib stream. */
export interface PngParts {
  readonly chunks: readonly PngChunk[];
  readonly data: Buffer;
  /** The size of the filtered rows the header describes (non-interlaced), 0 when unknown. */
  readonly rowsLength: number;
}

/** The parts of a whole PNG with image data; undefined for anything else (which is kept as it is). */
export function pngParts(png: Uint8Array): PngParts | undefined {
  const chunks = readChunks(png);
  if (!chunks) return undefined;
  const data = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  if (data.length === 0) return undefined;
  const header = chunks[0]!.data;
  return { chunks, data: data.length === 1 ? data[0]! : Buffer.concat(data), rowsLength: header.length >= 13 ? rowBytes(header) : 0 };
}

/**
 * Output buffers the size of the whole result: zlib's default 16 KiB pieces were gathered and
 * copied again, and asynchronously each called back (which cost the main thread ~7 ms a render).
 */
const inflateOptions = (parts: PngParts) => (parts.rowsLength > 0 ? { chunkSize: parts.rowsLength } : {});
const deflateOptions = (rows: Uint8Array) => ({ level: LEVEL, chunkSize: Math.max(64 * 1024, rows.length >> 2) });

/** The filtered rows of a PNG's image data, on the calling thread. */
export function inflateRows(parts: PngParts): Buffer {
  return inflateSync(parts.data, inflateOptions(parts));
}

/** The same PNG with its image data deflated again at level 6; anything that is not a whole PNG is returned as it is. */
export async function compactPng(png: Uint8Array): Promise<Uint8Array> {
  const parts = pngParts(png);
  if (!parts) return png;
  const rows = await inflateAsync(parts.data, inflateOptions(parts));
  return assemble(parts, await deflateAsync(rows, deflateOptions(rows)));
}

/** compactPng on the calling thread, from rows already inflated (inflateRows). */
export function compactRows(parts: PngParts, rows: Uint8Array): Uint8Array {
  return assemble(parts, deflateSync(rows, deflateOptions(rows)));
}

/** compactRows on libuv's thread pool: the calling thread goes on meanwhile (and must not change `rows`). */
export async function compactRowsBeside(parts: PngParts, rows: Uint8Array): Promise<Uint8Array> {
  return assemble(parts, await deflateAsync(rows, deflateOptions(rows)));
}

/** The PNG's chunks with `packed` as its one IDAT. */
function assemble(parts: PngParts, packed: Buffer): Uint8Array {
  const out: Buffer[] = [PNG_SIGNATURE];
  let wroteData = false;
  for (const chunk of parts.chunks) {
    if (chunk.type !== 'IDAT') out.push(encodeChunk(chunk.type, chunk.data));
    else if (!wroteData) {
      out.push(encodeChunk('IDAT', packed));
      wroteData = true;
    }
  }
  return Buffer.concat(out);
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
