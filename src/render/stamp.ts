/**
 * What an output was made from, recorded inside the output: a PNG `tEXt` chunk holding a hash
 * of the render document (spec, theme CSS, icons), the page bundle, cyanotype's version, the
 * Chromium version and the capture options. `render` skips an output whose stamp matches.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { encodeChunk, isPng, pngChunks } from './png-chunks.js';

const KEYWORD = 'cyanotype:input';

export interface StampInputs {
  readonly document: unknown;
  readonly bundle: string;
  readonly version: string;
  readonly browserVersion: string;
  readonly options: unknown;
}

export function inputHash(inputs: StampInputs): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** The PNG with a tEXt chunk carrying `hash`, right after IHDR. */
export function stampPng(png: Uint8Array, hash: string): Uint8Array {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!isPng(bytes)) return png;
  const afterHeader = 8 + 8 + bytes.readUInt32BE(8) + 4;
  const chunk = encodeChunk('tEXt', Buffer.from(`${KEYWORD}\0${hash}`, 'latin1'));
  return Buffer.concat([bytes.subarray(0, afterHeader), chunk, bytes.subarray(afterHeader)]);
}

/** The stamp of an existing PNG file, read from its first chunks; undefined when absent or unreadable. */
export async function readPngStamp(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    for (const chunk of pngChunks(head.subarray(0, bytesRead))) {
      if (chunk.type === 'IDAT') return undefined;
      const text = chunk.type === 'tEXt' ? chunk.data.toString('latin1') : '';
      if (text.startsWith(`${KEYWORD}\0`)) return text.slice(KEYWORD.length + 1);
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
