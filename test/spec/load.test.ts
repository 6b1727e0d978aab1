import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { loadSpecFile, parseSpec } from '../../src/spec/load.js';

const invalidDir = 'test/fixtures/invalid';
const invalid = readdirSync(invalidDir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

describe('loadSpecFile', () => {
  it('loads the flagship with every component, connection, note and legend step of the seed', async () => {
    const spec = await loadSpecFile('examples/docker-container-layers.yaml');
    expect(spec.title).toBe('Docker Container Layers');
    expect(spec.components).toHaveLength(13);
    expect(spec.connections).toHaveLength(13);
    expect(spec.notes).toHaveLength(3);
    expect(spec.legend.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(spec.stacks).toEqual([
      {
        id: 'read-only-layers',
        members: ['base-image', 'os-packages-layer', 'dependencies-layer', 'application-layer', 'config-metadata-layer'],
      },
    ]);
    const merge = spec.connections.find((c) => c.id === 'union-mount');
    expect(merge?.from).toEqual(['read-only-layers', 'writable-layer']);
  });

  it('resolves the seed descriptive icon names to lucide icons', async () => {
    const spec = await loadSpecFile('examples/docker-container-layers.yaml');
    const icons = Object.fromEntries(spec.components.filter((c) => c.icon).map((c) => [c.id, c.icon]));
    expect(icons).toEqual({
      'source-code': 'file-code',
      dockerfile: 'file-text',
      'base-image': 'box',
      'image-manifest': 'tag',
      'container-registry': 'cloud',
      'container-runtime': 'engine',
      'writable-layer': 'save-pen',
      'running-process': 'terminal',
      volume: 'hard-drive',
    });
  });

  it('accepts JSON with the same meaning as YAML', () => {
    const json = JSON.stringify({ title: 'Tiny', components: [{ id: 'a', label: 'A', icon: 'database' }] });
    const spec = parseSpec(new TextEncoder().encode(json), 'tiny.json');
    expect(spec.components[0]).toMatchObject({ id: 'a', label: 'A', icon: 'database' });
    expect(spec.size).toEqual({ width: 1024, height: 1024 });
    expect(spec.theme).toBe('blueprint');
  });

  it('reads a file that starts with a UTF-8 byte-order mark like one without', () => {
    const text = 'title: Tiny\ncomponents:\n  - { id: a, label: A }\n';
    const plain = parseSpec(new TextEncoder().encode(text), 'tiny.yaml');
    const marked = parseSpec(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'tiny.yaml');
    expect(marked).toEqual(plain);
    expect(marked.title).toBe('Tiny');
  });

  it.each([
    ['{"title": "a\\\n"}', 'invalid escape "\\\\n"'],
    ['{"title": "a\\\t"}', 'invalid escape "\\\\t"'],
    ['{"title": "a\\\u0001"}', 'invalid escape "\\\\u0001"'],
    ['{"title": "a\\', 'a backslash at the end of the file'],
    ['{"title": "a"\u0002}', 'expected "," or "}", found "\\u0002"'],
  ])('names a control character in broken JSON escaped, on one line: %j', (json, problem) => {
    // Found by the property test (seed -954329038): the newline after a backslash was printed as it is.
    const message = (() => {
      try {
        parseSpec(new TextEncoder().encode(json), 'broken.json');
      } catch (error) {
        return (error as SpecError).message;
      }
      return 'no error';
    })();
    expect(message).toContain(problem);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });

  it('reports a missing file by name', async () => {
    await expect(loadSpecFile('test/fixtures/nope.yaml')).rejects.toThrow('test/fixtures/nope.yaml: file not found');
  });

  it.each(invalid)('rejects %s with its exact one-line message', async (name) => {
    const expected = readFileSync(`${invalidDir}/${name}.expected`, 'utf8').trimEnd();
    const error = await loadSpecFile(`${invalidDir}/${name}`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toBe(expected);
    expect((error as SpecError).message).not.toContain('\n');
  });
});
