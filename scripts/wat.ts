/** A WebAssembly text file compiled to its binary with wabt (a dev dependency). */
import { readFileSync } from 'node:fs';
import wabt from 'wabt';

export async function compileWat(file: string): Promise<Uint8Array> {
  const module = (await wabt()).parseWat(file, readFileSync(file, 'utf8'), { simd: true, bulk_memory: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
