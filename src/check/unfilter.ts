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
 * Undoes the rows of `filtered` (PNG image data: a filter byte, then `stride` bytes, a row) from
 * the top, as long as they are filtered None or Up, in the module's own memory and in place: each
 * pixel row is written over the filtered bytes it came from, after they are read, so the memory
 * holds one copy of the image, not two (a cold render touched 6 MB of fresh memory here, not 3).
 * Returns the rows done as a view of that memory, valid until the next call on this thread;
 * undefined without WebAssembly SIMD.
 */
export function unfilterInPlace(filtered: Uint8Array, stride: number, height: number): Uint8Array | undefined {
  const wasm = instance();
  if (!wasm) return undefined;
  const source = (stride + 1) * height;
  const { memory } = wasm;
  if (memory.buffer.byteLength < source) memory.grow(Math.ceil((source - memory.buffer.byteLength) / 65536));
  new Uint8Array(memory.buffer, 0, source).set(filtered.subarray(0, source));
  return new Uint8Array(memory.buffer, 0, stride * wasm.unfilter(0, 0, stride, height));
}
