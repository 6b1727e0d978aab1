/**
 * spec file → validated Spec. Reads bytes, decodes strict UTF-8, parses YAML or JSON, validates
 * against the schema, then checks references. Every failure is a SpecError naming the file and
 * the place in it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod/mini';
import { SpecError } from '../errors.js';
import { describeIssue, describeValue, pointer } from './issues.js';
import { findJsonSyntaxError } from './json-syntax.js';
import type { Spec } from './model.js';
import { specSchema, type SpecInput } from './schema.js';
import { validateSpec } from './validate.js';

export const MAX_SPEC_BYTES = 256 * 1024;
export { SPEC_EXTENSIONS } from './extensions.js';

export async function loadSpecFile(file: string): Promise<Spec> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new SpecError(file, '', 'is a directory, expected a spec file');
    if (info.size > MAX_SPEC_BYTES) {
      throw new SpecError(file, '', `file is ${info.size} bytes, larger than the ${MAX_SPEC_BYTES}-byte limit for a spec`);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied, cannot read the file'
          : `cannot read the file (${code ?? 'unknown error'})`;
    throw new SpecError(file, '', problem, String(error));
  }
  return parseSpec(bytes, file);
}

const EXPECTED_MAPPING = 'expected a mapping with "title" and "components"';

/** Parses and validates spec bytes; `file` is used in messages and to pick the syntax. */
export function parseSpec(bytes: Uint8Array, file: string): Spec {
  const text = decode(bytes, file);
  // JSON is YAML, but a file that starts like JSON gets JSON's stricter syntax and messages
  // (a comment or a trailing comma in it would otherwise turn into a strange key).
  const json = extname(file).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  const data = json ? parseJson(text, file) : parseYaml(text, file);
  if (data === null || data === undefined) throw new SpecError(file, '/', `${EXPECTED_MAPPING}, found an empty document`);
  return specFromData(data, file);
}

/**
 * A spec given as data — the document a YAML or JSON file holds (SpecInput), e.g. built in code
 * — validated exactly as a file's is. `source` names it in messages (a SpecError's `file`), and
 * a relative SVG icon path starts from its folder.
 */
export function specFromData(data: unknown, source: string): Spec {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SpecError(source, '/', `${EXPECTED_MAPPING}, found ${describeValue(data)}`);
  }
  const result = specSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const first = mostTelling(result.error.issues);
    if (!first) throw new SpecError(source, '/', 'invalid spec');
    const { path, problem } = describeIssue(first);
    throw new SpecError(source, pointer(path), problem, result.error.message);
  }
  return validateSpec(result.data, source);
}

/**
 * A Spec as parseSpec, loadSpecFile or specFromData made it (or a copy of one with another theme
 * or size): it has the lists of every declared theme and size, which a document as written never
 * has (the schema refuses those keys).
 */
export function isParsedSpec(value: unknown): value is Spec {
  const candidate = value as Partial<Spec> | null;
  return typeof candidate === 'object' && candidate !== null && Array.isArray(candidate.themes) && Array.isArray(candidate.sizes);
}

/** The spec to draw: a parsed Spec as it is, anything else validated as a document (specFromData). */
export function toSpec(value: Spec | SpecInput, source: string): Spec {
  return isParsedSpec(value) ? value : specFromData(value, source);
}

function decode(bytes: Uint8Array, file: string): string {
  // A UTF-8 byte-order mark is dropped; UTF-16 and UTF-32 are named rather than misread.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    const mark = [...bytes.subarray(0, 2)].map((b) => b.toString(16).toUpperCase()).join(' ');
    throw new SpecError(file, 'line 1, column 1', `the file is UTF-16 (byte-order mark ${mark}); save it as UTF-8`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).split('\n');
    const line = before.length;
    const column = [...(before[before.length - 1] ?? '')].length + 1;
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new SpecError(file, `line ${line}, column ${column}`, `invalid UTF-8 (byte 0x${hex}); save the file as UTF-8`);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problem = findJsonSyntaxError(text) ?? { offset: text.length, message: (error as Error).message };
    const before = text.slice(0, problem.offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    throw new SpecError(file, `line ${line}, column ${column}`, `invalid JSON: ${problem.message}`);
  }
}

function parseYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const problem = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    throw new SpecError(file, `line ${pos.line}, column ${pos.col}`, `invalid YAML: ${problem}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // The yaml library refuses documents whose aliases expand exponentially ("billion laughs").
    throw new SpecError(file, '/', 'too many alias (*name) expansions; write the values out', String(error));
  }
}

/**
 * zod reports a misspelt key twice: as an unknown key and as the missing real one. The unknown
 * key is the more telling of the two (it carries the "did you mean"), so it wins.
 */
function mostTelling(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  const first = issues[0];
  if (!first) return undefined;
  const parent = first.code === 'invalid_type' && first.input === undefined ? first.path.slice(0, -1) : undefined;
  const unknown =
    parent &&
    issues.find((i) => i.code === 'unrecognized_keys' && i.path.length === parent.length && i.path.every((p, k) => p === parent[k]));
  return unknown ?? first;
}
