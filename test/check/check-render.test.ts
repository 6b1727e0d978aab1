import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { auditLayout } from '../../src/check/layout-audit.js';
import { generateSpec } from '../support/generate.js';
import { useRenderer } from '../support/renderer.js';

describe('check in the rendering browser', () => {
  const renderer = useRenderer();

  // Up to 30 components and 40 connections; a few seeds for the largest sizes, whose shapes differ most.
  const flows = [3, 5, 8, 12, 16, 20, 25, 30]
    .map((count) => [count, count])
    .concat([27, 30].flatMap((count) => [101, 202, 303].map((seed) => [count, seed])));
  it.each(flows)('lays out a generated %i-component flow (seed %i) at 1024×1024 with zero layout findings', async (count, seed) => {
    const spec = generateSpec(count, seed, 40);
    expect(spec.connections.length).toBeLessThanOrEqual(40);
    const result = await renderer().renderSpec(spec, `generated-${count}-${seed}`);
    expect(auditLayout(spec, result.layout, await renderer().inspect())).toEqual([]);
  });

  it('every example passes check --strict in every built-in theme', () => {
    const run = spawnSync(process.execPath, ['bin/cyanotype.js', 'check', 'examples', 'test/fixtures/valid', '--strict'], {
      encoding: 'utf8',
    });
    expect(run.stdout.trim().split('\n').pop()).toBe('19 checked, 0 errors, 0 warnings');
    expect(run.status).toBe(0);
  });

  it('counts an invalid spec as invalid, not as a checked picture, and exits 2', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/cyanotype.js', 'check', 'test/fixtures/invalid/empty-title.yaml', 'examples/https-request-path.yaml', '--theme', 'blueprint'],
      { encoding: 'utf8' },
    );
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✗ test\/fixtures\/invalid\/empty-title\.yaml: /);
    expect(lines.pop()).toBe('1 checked, 1 invalid, 0 errors, 0 warnings');
    expect(run.status).toBe(2);
  });

  it('reports a broken spec with rule, element, box and fix, and exits 1; --json lists the laid-out elements', () => {
    const run = spawnSync(process.execPath, ['bin/cyanotype.js', 'check', 'test/fixtures/lint/misspelt-and-overclaimed.yaml', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const { items } = JSON.parse(run.stdout) as {
      items: Array<{
        findings: Array<{ rule: string; element: { id: string } }>;
        elements: Array<{ id: string; text: string; box: unknown }>;
      }>;
    };
    expect(items[0]?.findings.map((f) => `${f.rule}:${f.element.id}`)).toEqual(['spelling:registry', 'security-claim:vault']);
    expect(items[0]?.elements).toContainEqual(
      expect.objectContaining({ id: 'vault', text: 'Certified secure vault', box: expect.any(Object) }),
    );
  });

  it("names the characters the theme's fonts cannot draw, read from what the page drew", () => {
    const run = spawnSync(process.execPath, ['bin/cyanotype.js', 'check', 'test/fixtures/lint/foreign-glyphs.yaml', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const { items } = JSON.parse(run.stdout) as {
      items: Array<{ findings: Array<{ rule: string; element: { id: string }; message: string }> }>;
    };
    const glyphs = new Map((items[0]?.findings ?? []).filter((f) => f.rule === 'missing-glyph').map((f) => [f.element.id, f.message]));
    // "pull → ack": the arrow is the bundled symbols family's (src/fonts/symbols.ts), not missing.
    expect([...glyphs.keys()].sort()).toEqual(['queue', 'worker']);
    expect(glyphs.get('queue')).toBe(
      '"注文 Queue": IBM Plex Mono has no 注 (U+6CE8), 文 (U+6587); they come out in whatever font this machine has, or as empty boxes — write the text without them, or use a theme font that has them',
    );
    expect(glyphs.get('worker')).toContain('IBM Plex Sans Condensed has no 🚀 (U+1F680); it comes out');
  });
});
