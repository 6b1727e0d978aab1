/**
 * Decodes the PNGs Chromium captures (8-bit RGB or RGBA, not interlaced) to pixels with the
 * native zlib: the contrast check reads every capture, and pngjs's JavaScript inflate took
 * ~24 ms of each render in a batch. Anything else goes to pngjs.
 */
import { PNG } from 'pngjs';
import { inflateRows, pngParts } from '../render/png-compact.js';
import { unfilterInPlace } from './unfilter.js';

export interface Rgba {
  readonly width: number;
  readonly height: number;
  /** 3 (RGB) or 4 (RGBA) bytes a pixel. */
  readonly channels: 3 | 4;
  /** Pixels row by row. */
  readonly data: Uint8Array;
}

/**
 * The pixels of a PNG; `filtered` is its image data already inflated, when the caller has it.
 * With `shared`, a capture whose rows WebAssembly undid (every Chromium capture) is returned as
 * a view of the module's memory, valid only until this thread's next decode: capture after
 * capture without 3 MB of fresh memory and a copy each (~770 page faults; the 50 bench diagrams
 * took 52–55k faults in Node, 43–44k without; decision 019). Otherwise the rows are a new array.
 */
export function decodeRgba(png: Uint8Array, filtered?: Uint8Array, shared = false): Rgba {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour, , , interlace] = [bytes[24], bytes[25], bytes[26], bytes[27], bytes[28]];
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
  if (depth !== 8 || channels === 0 || interlace !== 0) {
    const image = PNG.sync.read(bytes);
    return { width: image.width, height: image.height, channels: 4, data: image.data };
  }

  const stride = width * channels;
  const raw = filtered ?? inflateRows(wholePng(bytes));
  // The rows filtered None or Up, from the top, in WebAssembly (all of them in a Chromium capture).
  const fast = raw.length >= (stride + 1) * height && stride > 0 ? unfilterInPlace(raw, stride, height) : undefined;
  if (shared && fast && fast.length === stride * height) return { width, height, channels, data: fast };
  const rows = new Uint8Array(stride * height);
  // Rows start at multiples of 4 bytes (RGB rows of a 1024-wide image are 3072): addUp adds
  // four bytes at a time there.
  const words = new Uint32Array(rows.buffer, rows.byteOffset, rows.length >> 2);
  if (fast) rows.set(fast);
  const start = fast ? fast.length / stride : 0;
  let previous = start > 0 ? rows.subarray((start - 1) * stride, start * stride) : new Uint8Array(stride);
  for (let y = start; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = rows.subarray(y * stride, (y + 1) * stride);
    // One loop per filter type: the byte loop stays tight (this runs for 3–4 million bytes).
    const n = channels;
    if (filter === 0) row.set(line);
    else if (filter === 1) {
      for (let i = 0; i < n; i++) row[i] = line[i]!;
      for (let i = n; i < stride; i++) row[i] = line[i]! + row[i - n]!;
    } else if (filter === 2) {
      row.set(line);
      if (y > 0) addUp(rows, words, y * stride, (y - 1) * stride, stride);
    } else if (filter === 3) {
      for (let i = 0; i < n; i++) row[i] = line[i]! + (previous[i]! >> 1);
      for (let i = n; i < stride; i++) row[i] = line[i]! + ((row[i - n]! + previous[i]!) >> 1);
    } else {
      for (let i = 0; i < n; i++) row[i] = line[i]! + previous[i]!;
      for (let i = n; i < stride; i++) {
        const a = row[i - n]!;
        const b = previous[i]!;
        const c = previous[i - n]!;
        const p = a + b - c;
        const pa = p > a ? p - a : a - p;
        const pb = p > b ? p - b : b - p;
        const pc = p > c ? p - c : c - p;
        row[i] = line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    }
    previous = row;
  }
  return { width, height, channels, data: rows };
}

function wholePng(bytes: Buffer) {
  const parts = pngParts(bytes);
  if (!parts) throw new Error('the capture is not a whole PNG');
  return parts;
}

/**
 * The Up filter over a row (rows[at..] += rows[above..], bytewise mod 256): four bytes per step
 * where both rows are 4-byte aligned — Chromium's fast PNG encoding filters every row this way,
 * and this loop ran over 3 million bytes a capture.
 */
function addUp(rows: Uint8Array, words: Uint32Array, at: number, above: number, length: number): void {
  const aligned = at % 4 === 0 && above % 4 === 0 ? length >> 2 : 0;
  if (aligned > 0) {
    const a0 = at >> 2;
    const b0 = above >> 2;
    for (let i = 0; i < aligned; i++) {
      const a = words[a0 + i]!;
      const b = words[b0 + i]!;
      // Per-byte sums without carries between bytes: add the low 7 bits, then put back the top bit.
      words[a0 + i] = ((a & 0x7f7f7f7f) + (b & 0x7f7f7f7f)) ^ ((a ^ b) & 0x80808080);
    }
  }
  for (let i = aligned << 2; i < length; i++) rows[at + i] = rows[at + i]! + rows[above + i]!;
}
