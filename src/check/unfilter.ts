/**
 * PNG's None and Up filters undone in WebAssembly, 16 bytes an instruction (unfilter.wat).
 * Chromium's fast PNG encoding filters every row Up, and the contrast check reads every capture:
 * in JavaScript the 3 MB of a 1024×1024 capture took ~5 ms of the batch worker's time each.
 */

/** unfilter.wat compiled (`npm run wasm`; a test checks the two agree). */
export const UNFILTER_WASM =
  'AGFzbQEAAAABCQFgBH9/f38BfwMCAQAFAwEAAQcVAgZtZW1vcnkCAAh1bmZpbHRlcgAACtABAc0BAQV/IAJBcHEhBgJAA0AgBCADTw0BIAAtAAAhByAHRSAHQQJGIARFcXIEQCABIABBAWogAvwKAAAFIAdBAkcNAiABIAJrIQhBACEFAkADQCAFIAZPDQEgASAFaiAAIAVq/QAAASAIIAVq/QAAAP1u/QsAACAFQRBqIQUMAAsLAkADQCAFIAJPDQEgASAFaiAAIAVqLQABIAggBWotAABqOgAAIAVBAWohBQwACwsLIAAgAkEBamohACABIAJqIQEgBEEBaiEEDAALCyAECw==';

interface Unfilter {
  readonly memory: WebAssembly.Memory;
  unfilter(src: number, dst: number, stride: number, height: number): number;
}

let module: Unfilter | null | undefined;

function instance(): Unfilter | null {
  if (module === undefined) {
    try {
      const compiled = new WebAssembly.Module(Buffer.from(UNFILTER_WASM, 'base64'));
      module = new WebAssembly.Instance(compiled).exports as unknown as Unfilter;
    } catch {
      // A runtime without WebAssembly SIMD: the caller's JavaScript does every row.
      module = null;
    }
  }
  return module;
}

/**
 * Writes the pixel rows of `filtered` (PNG image data: a filter byte, then `stride` bytes, a row)
 * into `rows` from the top, as long as the rows are filtered None or Up, and returns how many it
 * wrote (the caller undoes the rest).
 */
export function unfilterNoneAndUp(filtered: Uint8Array, rows: Uint8Array, stride: number, height: number): number {
  const wasm = instance();
  if (!wasm) return 0;
  const source = (stride + 1) * height;
  const needed = source + stride * height;
  const { memory } = wasm;
  if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
  new Uint8Array(memory.buffer, 0, source).set(filtered.subarray(0, source));
  const done = wasm.unfilter(0, source, stride, height);
  rows.set(new Uint8Array(memory.buffer, source, stride * done));
  return done;
}
