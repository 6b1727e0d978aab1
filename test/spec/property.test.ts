/**
 * Property-based: whatever bytes, text or data arrive, the loader returns a Spec or throws a
 * SpecError with one line naming the file — never anything else.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { parseSpec } from '../../src/spec/load.js';

function expectSpecOrSpecError(bytes: Uint8Array, file: string) {
  try {
    const spec = parseSpec(bytes, file);
    expect(spec.components.length).toBeGreaterThan(0);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(SpecError);
    const message = (error as SpecError).message;
    expect(message.startsWith(`${file}: `)).toBe(true);
    expect(message).not.toContain('\n');
  }
}

const encode = (text: string) => new TextEncoder().encode(text);
const flagship = parse(readFileSync('examples/docker-container-layers.yaml', 'utf8')) as Record<string, unknown>;

/** The flagship with one value somewhere replaced by arbitrary data, or one key dropped. */
function mutate(data: unknown, path: readonly number[], replacement: unknown, drop: boolean): unknown {
  if (path.length === 0 || data === null || typeof data !== 'object') return replacement;
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  if (entries.length === 0) return replacement;
  const [head = 0, ...rest] = path;
  const index = head % entries.length;
  const changed = entries.flatMap(([k, v], i) =>
    i !== index ? [[k, v]] : drop && rest.length === 0 ? [] : [[k, mutate(v, rest, replacement, drop)]],
  );
  return Array.isArray(data) ? changed.map(([, v]) => v) : Object.fromEntries(changed);
}

describe('the loader on arbitrary input', () => {
  it('arbitrary bytes, as .yaml and as .json', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('any.yaml', 'any.json'), (bytes, file) =>
        expectSpecOrSpecError(bytes, file),
      ),
      { numRuns: 500 },
    );
  });

  it('arbitrary text, including YAML and JSON punctuation', () => {
    const yamlish = fc.stringMatching(/^[\s\S]{0,400}$/).map((s) => s);
    const punctuation = fc
      .array(
        fc.constantFrom(
          'title: ',
          'components:',
          '\n',
          '  - ',
          '{',
          '}',
          '[',
          ']',
          ': ',
          '"',
          "'",
          '&a ',
          '*a',
          '!!str ',
          '#',
          ',',
          'id: a',
          'label: A',
          '\t',
          '\u0000',
          '\ufeff',
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(yamlish, punctuation), fc.constantFrom('any.yaml', 'any.json'), (text, file) =>
        expectSpecOrSpecError(encode(text), file),
      ),
      { numRuns: 800 },
    );
  });

  it('arbitrary data in the shape of JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectSpecOrSpecError(encode(JSON.stringify(value)), 'any.json')),
      { numRuns: 500 },
    );
  });

  it('the flagship with any one value replaced or any key dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        (path, replacement, drop) =>
          expectSpecOrSpecError(encode(JSON.stringify(mutate(flagship, path, replacement, drop))), 'mutated.json'),
      ),
      { numRuns: 800 },
    );
  });
});
