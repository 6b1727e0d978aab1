/**
 * `npm run wasm`: compiles src/check/unfilter.wat with wabt and writes the module into
 * src/check/unfilter.ts (UNFILTER_WASM), where the worker loads it without a file or a build
 * step. test/check/unfilter.test.ts fails when the two differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compileWat } from './wat.js';

const target = 'src/check/unfilter.ts';
const wasm = await compileWat('src/check/unfilter.wat');
const source = readFileSync(target, 'utf8');
const updated = source.replace(/(export const UNFILTER_WASM =\n\s*)'[^']*'/, `$1'${Buffer.from(wasm).toString('base64')}'`);
if (updated === source && !source.includes(Buffer.from(wasm).toString('base64'))) throw new Error(`no UNFILTER_WASM in ${target}`);
writeFileSync(target, updated);
console.log(`${target}: ${wasm.length} bytes of WebAssembly`);
