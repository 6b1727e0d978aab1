import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specJsonSchema } from '../../src/spec/json-schema.js';

describe('JSON Schema', () => {
  it('ships exactly what the zod schema generates', () => {
    const shipped = JSON.parse(readFileSync('schema/cyanotype.schema.json', 'utf8')) as unknown;
    expect(shipped).toEqual(specJsonSchema());
  });

  it('describes every top-level key and rejects unknown ones, as the loader does', () => {
    const schema = specJsonSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['title', 'archetype', 'components', 'connections', 'notes', 'legend', 'theme', 'size']),
    );
    expect(schema.required).toEqual(['title', 'components']);
    expect(schema.additionalProperties).toBe(false);
  });
});
