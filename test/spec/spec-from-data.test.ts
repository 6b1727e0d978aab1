/**
 * A spec built in code is validated exactly as a file is: the same Spec from the same document,
 * the same messages with the place in it, and a parsed Spec (or a copy with another theme) is
 * taken as it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SpecError } from '../../src/errors.js';
import { isParsedSpec, loadSpecFile, parseSpec, specFromData, toSpec } from '../../src/spec/load.js';
import type { SpecInput } from '../../src/spec/schema.js';

const EXAMPLES = ['examples/docker-container-layers.yaml', 'examples/https-request-path.yaml'];

function rejection(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('no SpecError');
}

describe('specFromData', () => {
  it.each(EXAMPLES)('gives the Spec that parsing %s gives, from the same document as data', (file) => {
    const text = readFileSync(file);
    const fromFile = parseSpec(text, file);
    const fromData = specFromData(parse(text.toString('utf8')) as unknown, file);
    expect(fromData).toEqual(fromFile);
  });

  it('names the source and the place of the first problem, as a file would', () => {
    const duplicate = rejection(() =>
      specFromData(
        {
          title: 'Orders',
          components: [
            { id: 'api', label: 'API' },
            { id: 'api', label: 'Worker' },
          ],
        },
        'spec object',
      ),
    );
    expect(duplicate.message).toBe('spec object: /components/1/id: duplicate id "api" (first used at /components/0)');
    expect(duplicate.exitCode).toBe(2);
    expect(rejection(() => specFromData({ spec: 'orders.yaml' }, 'spec object')).message).toMatch(
      /^spec object: \/: unknown key "spec" \(allowed: title,/,
    );
    expect(rejection(() => specFromData([{ title: 'x' }], 'spec object')).message).toBe(
      'spec object: /: expected a mapping with "title" and "components", found a list',
    );
    expect(rejection(() => specFromData(null, 'spec object')).message).toBe(
      'spec object: /: expected a mapping with "title" and "components", found null',
    );
    // A file with nothing in it still says so.
    expect(rejection(() => parseSpec(Buffer.from('# nothing yet\n'), 'empty.yaml')).message).toBe(
      'empty.yaml: /: expected a mapping with "title" and "components", found an empty document',
    );
  });

  it('takes a parsed Spec, or a copy of one with another theme, as it is, and validates anything else', async () => {
    const spec = await loadSpecFile(EXAMPLES[1]!);
    const paper = { ...spec, theme: 'paper' };
    expect(isParsedSpec(spec)).toBe(true);
    expect(toSpec(spec, 'x')).toBe(spec);
    expect(toSpec(paper, 'x')).toBe(paper);
    const document = parse(readFileSync(EXAMPLES[1]!, 'utf8')) as SpecInput;
    expect(isParsedSpec(document)).toBe(false);
    expect(toSpec(document, EXAMPLES[1]!)).toEqual(spec);
    expect(() => toSpec({ ...document, components: [] }, 'spec object')).toThrow(SpecError);
  });
});
