/**
 * The characters a WOFF2 font has glyphs for, read from its cmap table. WOFF2 stores every
 * table in one Brotli stream, in directory order and unpadded; cmap is never transformed, so
 * it is read as it is in the font (formats 4 and 12, the two Unicode mappings fonts carry).
 */
import { brotliDecompressSync } from 'node:zlib';

import type { CodePointRanges } from './code-points.js';

/** WOFF2's table directory names the 63 common tables by index; these are the ones whose sizes change how to read it. */
const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca'];

export class FontFormatError extends Error {}

export function woff2CodePoints(font: Uint8Array): CodePointRanges {
  const bytes = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  if (bytes.toString('latin1', 0, 4) !== 'wOF2') throw new FontFormatError('not a WOFF2 font');
  const tables = bytes.readUInt16BE(12);
  const compressed = bytes.readUInt32BE(20);
  let at = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = bytes[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new FontFormatError('bad UIntBase128');
  };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < tables; i++) {
    const flags = bytes[at++]!;
    const index = flags & 0x3f;
    let tag = KNOWN_TAGS[index];
    if (index === 0x3f) {
      tag = bytes.toString('latin1', at, at + 4);
      at += 4;
    }
    const version = flags >> 6;
    const length = base128();
    // glyf and loca are transformed unless their version is 3; any other table only when its version is not 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const stored = transformed ? base128() : length;
    if (tag === 'cmap') cmap = { offset, length };
    offset += stored;
  }
  if (!cmap) throw new FontFormatError('no cmap table');
  const data = brotliDecompressSync(bytes.subarray(at, at + compressed));
  return cmapCodePoints(data.subarray(cmap.offset, cmap.offset + cmap.length));
}

/** The code points a cmap table maps to a glyph other than .notdef. */
export function cmapCodePoints(cmap: Buffer): CodePointRanges {
  const count = cmap.readUInt16BE(2);
  const subtables = Array.from({ length: count }, (_, i) => ({
    platform: cmap.readUInt16BE(4 + i * 8),
    encoding: cmap.readUInt16BE(6 + i * 8),
    offset: cmap.readUInt32BE(8 + i * 8),
  }));
  const format = (s: { offset: number }) => cmap.readUInt16BE(s.offset);
  // Full Unicode (format 12) if the font has it, else the Basic Multilingual Plane (format 4).
  const chosen =
    subtables.find((s) => format(s) === 12) ?? subtables.find((s) => format(s) === 4 && (s.platform === 0 || s.platform === 3));
  if (!chosen) throw new FontFormatError('no Unicode cmap subtable');
  const ranges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  };
  const base = chosen.offset;
  if (format(chosen) === 12) {
    const groups = cmap.readUInt32BE(base + 12);
    for (let i = 0; i < groups; i++) {
      const g = base + 16 + i * 12;
      add(cmap.readUInt32BE(g), cmap.readUInt32BE(g + 4));
    }
  } else {
    const segments = cmap.readUInt16BE(base + 6) / 2;
    const ends = base + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const start = cmap.readUInt16BE(starts + s * 2);
      const end = cmap.readUInt16BE(ends + s * 2);
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const raw = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) add(c, c);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}
