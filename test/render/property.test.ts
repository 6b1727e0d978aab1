/**
 * Property-based, in real Chromium: arbitrary valid specs (1-30 components, up to 40
 * connections, any printable text including markup) render without crashing, and what cannot
 * fit is reported as a finding instead of being drawn outside the artboard.
 */
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { auditLayout } from '../../src/check/layout-audit.js';
import { RenderError, SpecError } from '../../src/errors.js';
import { parseSpec } from '../../src/spec/load.js';
import { inside } from '../support/geometry.js';
import { useRenderer } from '../support/renderer.js';

const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     <>&"\'/\\-_.,;:!?()[]{}#%*+=@éüßñçÅ→'];
const text = (max: number) =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: max })
    .map((cs) => cs.join('').trim())
    .filter((s) => s.length > 0);
const ICONS = ['server', 'database', 'cloud', 'lock', 'terminal', 'box', 'file-code'];

const specArbitrary = fc.integer({ min: 1, max: 30 }).chain((count) => {
  const ids = Array.from({ length: count }, (_, i) => `c${i + 1}`);
  const component = (id: string) =>
    fc.record(
      {
        id: fc.constant(id),
        label: text(60),
        role: text(140),
        icon: fc.constantFrom(...ICONS),
        band: fc.constantFrom('build', 'run', 'ship'),
      },
      { requiredKeys: ['id', 'label'] },
    );
  const connection = fc
    .record({ from: fc.constantFrom(...ids), to: fc.constantFrom(...ids), label: fc.option(text(48), { nil: undefined }) })
    .filter((c) => c.from !== c.to);
  return fc.record({
    title: text(60),
    components: fc.tuple(...ids.map(component)),
    connections: fc.array(connection, { maxLength: count > 1 ? 40 : 0 }),
    notes: fc.array(fc.record({ title: text(40), role: text(120) }, { requiredKeys: ['title'] }), { maxLength: 6 }),
    legend: fc.array(text(160), { maxLength: 12 }),
  });
});

describe('arbitrary valid specs in the real renderer', () => {
  const renderer = useRenderer();

  it('render without crashing and never draw outside the artboard', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (raw) => {
        const data = { ...raw, connections: raw.connections.map((c, i) => ({ id: `e${i + 1}`, ...c })) };
        let spec;
        try {
          spec = parseSpec(new TextEncoder().encode(JSON.stringify(data)), 'arbitrary.json');
        } catch (error) {
          // Valid by construction except where the random parts break a rule (e.g. mixed bands in
          // a stack): the loader may refuse, but only with a SpecError.
          expect(error).toBeInstanceOf(SpecError);
          return;
        }
        let result;
        try {
          result = await renderer().renderSpec(spec, 'arbitrary');
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(RenderError);
          throw error;
        }
        rendered++;
        const png = PNG.sync.read(Buffer.from(result.bytes));
        expect([png.width, png.height]).toEqual([1024, 1024]);
        const drawn = await renderer().inspect();
        for (const t of drawn.texts) expect(inside(t.box, drawn.artboard, 0), `"${t.text}" inside the artboard`).toBe(true);
        for (const part of drawn.parts)
          expect(inside(part.box, drawn.artboard, 0), `${part.kind} ${part.id} inside the artboard`).toBe(true);
        const findings = auditLayout(spec, result.layout, drawn);
        expect(findings.filter((f) => f.rule === 'outside-artboard')).toEqual([]);
        // Every text that does not fit its box is reported by name.
        for (const t of drawn.texts.filter((t) => !inside(t.box, t.container, 1))) {
          expect(findings.some((f) => f.rule === 'text-overflow' && f.box === t.box)).toBe(true);
        }
      }),
      {
        numRuns: Number(process.env['PROPERTY_RUNS'] ?? 30),
        seed: process.env['PROPERTY_SEED'] ? Number(process.env['PROPERTY_SEED']) : 20261129,
      },
    );
    expect(rendered).toBeGreaterThan(20);
  });
});
