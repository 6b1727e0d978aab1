import { readdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePng } from '../../src/compare/compare.js';
import type { Inspection } from '../../src/document.js';
import { Renderer } from '../../src/renderer.js';
import { loadSpecFile } from '../../src/spec/load.js';
import type { Spec } from '../../src/spec/model.js';
import { inside } from '../support/geometry.js';

const FLAGSHIP = 'examples/docker-container-layers.yaml';

function expectTextsContained(drawn: Inspection) {
  for (const text of drawn.texts) {
    expect(inside(text.box, drawn.artboard, 0), `${text.kind} "${text.text}" inside the artboard`).toBe(true);
    expect(inside(text.box, text.container, 1), `${text.kind} "${text.text}" inside its box`).toBe(true);
    expect(text.fontSize, `${text.kind} "${text.text}" size`).toBeGreaterThanOrEqual(11);
  }
}

describe('render (real Chromium)', () => {
  let renderer: Renderer;
  let png: Uint8Array;
  let spec: Spec;
  let inspection: Inspection;

  beforeAll(async () => {
    renderer = await Renderer.open();
    spec = await loadSpecFile(FLAGSHIP);
    ({ bytes: png } = await renderer.renderFile(FLAGSHIP));
    inspection = await renderer.inspect();
  });

  afterAll(async () => {
    await renderer?.close();
  });

  it('writes a 1024×1024 PNG', () => {
    const image = PNG.sync.read(Buffer.from(png));
    expect([image.width, image.height]).toEqual([1024, 1024]);
  });

  it('draws every text of the spec, word for word', () => {
    const drawn = (kind: string, owner: string) => inspection.texts.filter((t) => t.kind === kind && t.owner === owner).map((t) => t.text);
    expect(drawn('title', '')).toEqual([spec.title]);
    for (const c of spec.components) {
      expect(drawn('component-label', c.id), c.id).toEqual([c.label]);
      expect(drawn('component-role', c.id), c.id).toEqual(c.role ? [c.role] : []);
    }
    for (const c of spec.connections) expect(drawn('connection-label', c.id), c.id).toEqual(c.label ? [c.label] : []);
    spec.notes.forEach((n, i) => {
      expect(drawn('note-title', String(i))).toEqual([n.title]);
      expect(drawn('note-role', String(i))).toEqual(n.role ? [n.role] : []);
    });
    for (const step of spec.legend) expect(drawn('legend-step', String(step.number))).toEqual([step.text]);
  });

  it('keeps every text inside its box and the artboard, unclipped and legible', () => {
    expect(inspection.texts.length).toBeGreaterThan(40);
    expectTextsContained(inspection);
  });

  it.each(['examples/https-request-path.yaml', ...readdirSync('test/fixtures/valid').map((f) => `test/fixtures/valid/${f}`)])(
    'draws %s with every text inside its box',
    async (file) => {
      const other = await loadSpecFile(file);
      await renderer.renderSpec(other, file);
      const drawn = await renderer.inspect();
      const labels = drawn.texts.filter((t) => t.kind === 'component-label').map((t) => t.text);
      expect(labels.sort()).toEqual(other.components.map((c) => c.label).sort());
      expectTextsContained(drawn);
    },
  );

  it('puts a badge on the diagram for every legend reference', () => {
    const badges = inspection.parts.filter((p) => p.kind === 'badge' && !p.id.startsWith('legend#'));
    const expected = spec.legend.flatMap((s) => s.refs.map((r) => `${r}#${s.number}`)).sort();
    expect(badges.map((b) => b.id).sort()).toEqual(expected);
  });

  it("loads nothing: the shell is Chromium's start page, and the page makes no request", () => {
    expect(renderer.shell).toBe('start page');
    expect(renderer.blockedRequests).toEqual([]);
  });

  it('gives the same pixels on a second render', async () => {
    const again = await renderer.renderFile(FLAGSHIP);
    expect(comparePng(png, again.bytes)).toMatchObject({ pass: true, identical: true });
  });

  it('matches the reviewed baseline pixel for pixel', async () => {
    await expect(png).toMatchBaseline('docker-container-layers.blueprint.1024x1024', { fingerprint: renderer.fingerprint() });
  });

  it('draws markup in spec text as literal text: no script runs, nothing loads, nothing is hidden', async () => {
    const hostile = await loadSpecFile('test/fixtures/valid/hostile-labels.yaml');
    const before = renderer.blockedRequests.length;
    await renderer.renderSpec(hostile, 'hostile-labels');
    const drawn = await renderer.inspect();
    const texts = drawn.texts.map((t) => t.text);
    for (const literal of [
      '<script>alert(1)</script> Sealed',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '</style> <style>',
      '*{display:none} url(http://example.com/x.png)',
      '<b>bold?</b> & ampersand',
      '<iframe src=//evil>',
      "{{constructor.constructor('alert(1)')()}}",
      '${alert(1)} stays text',
    ]) {
      expect(texts, literal).toContain(literal);
    }
    expect(renderer.blockedRequests.length - before).toBe(0);
    expect(drawn.parts.filter((p) => p.kind === 'component')).toHaveLength(2);
  });

  it("draws a spec's own SVG icons as shapes only: the hostile one's script, links and styles never reach the page", async () => {
    const spec = await loadSpecFile('test/fixtures/icons/custom-icons.yaml');
    const before = renderer.blockedRequests.length;
    const result = await renderer.renderSpec(spec, 'custom-icons');
    expect(renderer.blockedRequests.length - before).toBe(0);
    const drawn = await renderer.inspect();
    expect(drawn.texts.map((t) => t.text)).toContain('Processes <script>alert(1)</script> events');
    // The icons are drawn: their pixels differ from the same spec with the icons removed.
    const plain = await renderer.renderSpec({ ...spec, components: spec.components.map((c) => ({ ...c, icon: undefined })) }, 'no-icons');
    expect(comparePng(plain.bytes, result.bytes).pass).toBe(false);
  });
});
