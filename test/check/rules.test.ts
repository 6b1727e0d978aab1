import { PNG } from 'pngjs';
import { decodeRgba, type Rgba } from '../../src/check/rgba.js';
import { describe, expect, it } from 'vitest';
import { lintContent } from '../../src/check/content-lint.js';
import { auditContrast, backgroundOf, contrastRatio } from '../../src/check/contrast.js';
import { auditLayout } from '../../src/check/layout-audit.js';
import type { InspectedPart, InspectedText, Inspection } from '../../src/document.js';
import type { Layout } from '../../src/layout/types.js';
import type { Spec } from '../../src/spec/model.js';
import { generateSpec } from '../support/generate.js';

// Each rule gets a case that triggers it and one that does not, on hand-made geometry.
const spec: Spec = { ...generateSpec(3), connections: [{ id: 'a-to-c', from: ['c1'], to: 'c3', label: 'x' }], legend: [] };
const artboard = { x: 0, y: 0, width: 1024, height: 1024 };
const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const text = (over: Partial<InspectedText> = {}): InspectedText => ({
  kind: 'component-label',
  owner: 'c1',
  text: 'Gateway 1',
  lines: ['Gateway 1'],
  box: box(110, 110, 80, 16),
  container: box(100, 100, 200, 60),
  fontSize: 13,
  color: 'rgb(255, 255, 255)',
  font: '"IBM Plex Mono", monospace',
  uppercase: false,
  ...over,
});
const part = (kind: InspectedPart['kind'], id: string, b: ReturnType<typeof box>): InspectedPart => ({ kind, id, box: b });
const inspection = (texts: InspectedText[] = [text()], parts: InspectedPart[] = []): Inspection => ({ artboard, texts, parts });

function layoutWith(path: Array<{ x: number; y: number }>): Layout {
  const node = (id: string, x: number) => ({
    id,
    rect: box(x, 100, 100, 50),
    label: { text: id, lines: [id], rect: box(x, 100, 10, 10), overflows: false },
  });
  return {
    width: 1024,
    height: 1024,
    title: { text: '', lines: [], rect: box(0, 0, 0, 0), overflows: false },
    tag: { text: '', lines: [], rect: box(0, 0, 0, 0), overflows: false },
    tagBox: box(0, 0, 0, 0),
    titleRule: box(0, 0, 0, 0),
    diagramRegion: artboard,
    diagram: {
      origin: { x: 0, y: 0 },
      scale: 1,
      width: 1024,
      height: 1024,
      bands: [],
      stacks: [],
      nodes: [node('c1', 0), node('c2', 300), node('c3', 600)],
      connections: [{ id: 'a-to-c', path, feeders: [] }],
      badges: [],
    },
    notes: [],
  };
}
const around = layoutWith([
  { x: 100, y: 125 },
  { x: 200, y: 125 },
  { x: 200, y: 300 },
  { x: 650, y: 300 },
  { x: 650, y: 150 },
]);
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('layout audit', () => {
  it('passes a tidy picture', () => {
    expect(auditLayout(spec, around, inspection())).toEqual([]);
  });

  it('text-overflow: text wider than its box', () => {
    expect(rules(auditLayout(spec, around, inspection([text({ box: box(110, 110, 220, 16) })])))).toEqual(['text-overflow']);
  });

  it('outside-artboard: anything past the edge', () => {
    const findings = auditLayout(spec, around, inspection([text({ box: box(1000, 110, 40, 16), container: box(990, 100, 60, 60) })]));
    expect(rules(findings)).toEqual(['outside-artboard']);
  });

  it('text-too-small: below 11 px as drawn', () => {
    expect(rules(auditLayout(spec, around, inspection([text({ fontSize: 10.5 })])))).toEqual(['text-too-small']);
    expect(auditLayout(spec, around, inspection([text({ fontSize: 11 })]))).toEqual([]);
  });

  it('text-too-small: one finding for a diagram scaled down to fit, naming how many of its texts it made too small', () => {
    const scaled: Layout = { ...around, diagram: { ...around.diagram, scale: 0.8, origin: { x: 40, y: 120 } } };
    const findings = auditLayout(
      spec,
      scaled,
      inspection([
        text({ fontSize: 10.4 }),
        text({ kind: 'connection-label', owner: 'a-to-c', fontSize: 9.6 }),
        text({ kind: 'component-role', fontSize: 12 }),
        // Under the limit at the theme's own size too: its own finding.
        text({ kind: 'component-role', owner: 'c2', text: 'tiny', fontSize: 8 }),
        // Not in the diagram, so not scaled with it: its own finding.
        text({ kind: 'note-title', owner: '0', text: 'Note', fontSize: 10.5 }),
      ]),
    );
    expect(findings.map((f) => [f.rule, f.element])).toEqual([
      ['text-too-small', { kind: 'component', id: 'c2' }],
      ['text-too-small', { kind: 'note', id: '0' }],
      ['text-too-small', { kind: 'diagram', id: '' }],
    ]);
    const diagram = findings[2]!;
    expect(diagram.box).toEqual({ x: 40, y: 120, width: 1024 * 0.8, height: 1024 * 0.8 });
    expect(diagram.message).toMatch(/drawn at 80% .* so 2 of its texts are under the 11 px limit \(9\.6 px\)/);
    // The same texts in a diagram at full size are each too small on their own.
    expect(rules(auditLayout(spec, around, inspection([text({ fontSize: 10.4 }), text({ fontSize: 9.6 })])))).toEqual([
      'text-too-small',
      'text-too-small',
    ]);
  });

  it('box-overlap: two components sharing area, not merely touching', () => {
    expect(
      rules(
        auditLayout(
          spec,
          around,
          inspection([], [part('component', 'c1', box(0, 0, 100, 50)), part('component', 'c2', box(90, 0, 100, 50))]),
        ),
      ),
    ).toEqual(['box-overlap']);
    expect(
      auditLayout(
        spec,
        around,
        inspection([], [part('component', 'c1', box(0, 0, 100, 50)), part('component', 'c2', box(100, 0, 100, 50))]),
      ),
    ).toEqual([]);
  });

  it('label-overlap: a label on a box or on another label', () => {
    const parts = [
      part('component', 'c1', box(0, 0, 100, 50)),
      part('connection-label', 'a-to-c', box(80, 20, 40, 16)),
      part('connection-label', 'other', box(100, 30, 40, 16)),
    ];
    expect(rules(auditLayout(spec, around, inspection([], parts)))).toEqual(['label-overlap', 'label-overlap']);
  });

  it("arrow-under-label: an arrow running under another arrow's label", () => {
    // The tidy picture's arrow, with a label plate of another arrow across its way down.
    const under = around;
    const plate = box(180, 200, 40, 16);
    const labelled = {
      id: 'b-to-c',
      path: [
        { x: 150, y: 208 },
        { x: 250, y: 208 },
      ],
      feeders: [],
      labelPlate: plate,
    };
    const withLabel = { ...under, diagram: { ...under.diagram, connections: [...under.diagram.connections, labelled] } };
    expect(auditLayout(spec, withLabel, inspection())).toMatchObject([
      { rule: 'arrow-under-label', element: { kind: 'connection', id: 'a-to-c' }, message: 'runs under the label of b-to-c' },
    ]);
    // Its own label does not count.
    const own = { ...under, diagram: { ...under.diagram, connections: [{ ...under.diagram.connections[0]!, labelPlate: plate }] } };
    expect(auditLayout(spec, own, inspection())).toEqual([]);
  });

  it('arrow-through-box: an arrow crossing a box it does not connect', () => {
    const straight = layoutWith([
      { x: 100, y: 125 },
      { x: 600, y: 125 },
    ]);
    const findings = auditLayout(spec, straight, inspection());
    expect(findings).toMatchObject([
      { rule: 'arrow-through-box', element: { kind: 'connection', id: 'a-to-c' }, message: 'passes through component c2' },
    ]);
  });

  it('arrows-beside: two arrows running level a pixel or two apart, not a track apart or on one line', () => {
    // The tidy picture's arrow runs level at y 300 from x 200 to 650; another arrow runs level at
    // `y` from x 300 to `to`, then down.
    const withOther = (y: number, to = 500) => ({
      ...around,
      diagram: {
        ...around.diagram,
        connections: [
          ...around.diagram.connections,
          {
            id: 'b-to-c',
            path: [
              { x: 300, y },
              { x: to, y },
              { x: to, y: 400 },
            ],
            feeders: [],
          },
        ],
      },
    });
    expect(auditLayout(spec, withOther(302), inspection())).toMatchObject([
      {
        rule: 'arrows-beside',
        severity: 'warning',
        element: { kind: 'connection', id: 'a-to-c' },
        box: { x: 300, y: 300, width: 200, height: 2 },
        message: 'runs 2 px from b-to-c for 200 px: the two read as one line',
      },
    ]);
    // A track apart, on the very line (a shared stub), or side by side for a few pixels only: fine.
    expect(auditLayout(spec, withOther(306), inspection())).toEqual([]);
    expect(auditLayout(spec, withOther(300), inspection())).toEqual([]);
    expect(auditLayout(spec, withOther(302, 306), inspection())).toEqual([]);
  });

  it('arrows-share-line: two arrows between four different boxes on one line, not arrows that share a box', () => {
    // The tidy picture's arrow (c1 to c3) runs level at y 300 from x 200 to 650; another runs on
    // that very line from x 300 to 500, then down, between the boxes `from` and `to`.
    const sharing = (from: string, to: string) => {
      const withSpec: Spec = { ...spec, connections: [...spec.connections, { id: 'other', from: [from], to }] };
      const layout = {
        ...around,
        diagram: {
          ...around.diagram,
          connections: [
            ...around.diagram.connections,
            {
              id: 'other',
              path: [
                { x: 300, y: 300 },
                { x: 500, y: 300 },
                { x: 500, y: 400 },
              ],
              feeders: [],
            },
          ],
        },
      };
      return auditLayout(withSpec, layout, inspection());
    };
    expect(sharing('c2', 'c4')).toMatchObject([
      {
        rule: 'arrows-share-line',
        severity: 'warning',
        element: { kind: 'connection', id: 'a-to-c' },
        box: { x: 300, y: 300, width: 200, height: 0 },
        message: 'is drawn on one line with other for 200 px, though they join other boxes: the two read as one arrow',
      },
    ]);
    // Sharing a source (a fan-out's stub) or a target (a trunk into one box) is drawn on purpose.
    expect(sharing('c1', 'c4')).toEqual([]);
    expect(sharing('c2', 'c3')).toEqual([]);
  });
});

describe('contrast', () => {
  /** A flat ground, decoded the way a capture is (a real PNG, through decodeRgba). */
  function ground(r: number, g: number, b: number): Rgba {
    const png = new PNG({ width: 300, height: 200, colorType: 2 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
    return decodeRgba(PNG.sync.write(png, { colorType: 2 }));
  }

  it('computes WCAG ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('low-contrast: text too close to the ground behind it', () => {
    expect(rules(auditContrast([text({ color: 'rgb(40, 60, 110)' })], ground(10, 34, 82), 1))).toEqual(['low-contrast']);
    expect(auditContrast([text({ color: 'rgb(228, 248, 255)' })], ground(10, 34, 82), 1)).toEqual([]);
  });

  it('the background is the most common colour in the ring around the glyphs, not inside them', () => {
    // Text box 110,110 80×16 in a container 100,100 200×60: the ring is 106..194 × 106..130,
    // less the glyphs' box widened by 1 (109..191 × 109..127).
    const paint = (image: Rgba, x0: number, y0: number, x1: number, y1: number, rgb: readonly number[]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data.set(rgb, (y * image.width + x) * image.channels);
    };
    const fg = [255, 255, 255] as const;
    /** The ground found around the white label at 110,110 (scale 1). */
    const groundOf = (image: Rgba) => backgroundOf(image, text(), 1, fg);
    // Glowing glyphs fill their box: they outnumber the ring's ground, and still do not count.
    const glowing = ground(10, 34, 82);
    paint(glowing, 109, 109, 191, 127, [200, 90, 0]);
    expect(groundOf(glowing)).toEqual([10, 34, 82]);
    // A ring half one colour, half another: the tie goes to the colour met first (top-left).
    const split = ground(0, 0, 0);
    paint(split, 0, 0, 300, 200, [40, 40, 40]);
    paint(split, 0, 118, 300, 200, [20, 20, 20]);
    expect(groundOf(split)).toEqual([40, 40, 40]);
    paint(split, 0, 117, 300, 118, [20, 20, 20]);
    expect(groundOf(split)).toEqual([20, 20, 20]);
    // A border in the text's own colour ringing it is not the ground...
    const bordered = ground(10, 34, 82);
    paint(bordered, 106, 106, 194, 130, [250, 250, 250]);
    paint(bordered, 108, 108, 192, 128, [10, 34, 82]);
    expect(groundOf(bordered)).toEqual([10, 34, 82]);
    // ...unless nothing else is there.
    paint(bordered, 0, 0, 300, 200, [250, 250, 250]);
    expect(groundOf(bordered)).toEqual([250, 250, 250]);
    // At scale 2 the ring is measured in device pixels (at scale 1 it would be all black).
    const big = ground(0, 0, 0);
    paint(big, 32, 32, 88, 64, [10, 34, 82]);
    const small = text({ box: box(20, 20, 20, 8), container: box(10, 10, 60, 30) });
    expect(backgroundOf(big, small, 2, fg)).toEqual([10, 34, 82]);
    expect(backgroundOf(big, small, 1, fg)).toEqual([0, 0, 0]);
  });

  it('large text needs 3:1, not 4.5:1', () => {
    const grey = 'rgb(130, 130, 130)';
    expect(auditContrast([text({ color: grey, fontSize: 30, box: box(110, 110, 80, 30) })], ground(255, 255, 255), 1)).toEqual([]);
    expect(rules(auditContrast([text({ color: grey })], ground(255, 255, 255), 1))).toEqual(['low-contrast']);
  });
});

describe('content lint', () => {
  const withText = (label: string, extra: Partial<Spec> = {}): Spec => ({
    ...spec,
    components: [{ id: 'c1', label, role: undefined }],
    connections: [],
    notes: [],
    ...extra,
  });

  it('spelling: names the word and suggests the fix', async () => {
    const findings = await lintContent(withText('Conatiner Registry'));
    expect(findings).toMatchObject([{ rule: 'spelling', element: { kind: 'component', id: 'c1' } }]);
    expect(findings[0]?.message).toContain('"Conatiner" is not an English word or known term (did you mean "Container"');
  });

  it("spelling: accepts software terms, acronyms and the spec's own words", async () => {
    expect(await lintContent(withText('Kubernetes kubelet pushes OAuth JWT to the GraphQL API'))).toEqual([]);
    expect(rules(await lintContent(withText('Flurbo cache')))).toEqual(['spelling']);
    expect(await lintContent(withText('Flurbo cache', { check: { words: ['Flurbo'], allowSecurityClaims: false } }))).toEqual([]);
  });

  it('security-claim: overstatement unless the spec opts in', async () => {
    expect(rules(await lintContent(withText('Audited payment gateway')))).toEqual(['security-claim']);
    expect(rules(await lintContent(withText('Unhackable vault')))).toContain('security-claim');
    expect(await lintContent(withText('Audited payment gateway', { check: { words: [], allowSecurityClaims: true } }))).toEqual([]);
    expect(await lintContent(withText('Payment gateway'))).toEqual([]);
  });

  it('watermark: stock and copyright marks', async () => {
    expect(rules(await lintContent(withText('© 2026 Shutterstock')))).toContain('watermark');
    expect(await lintContent(withText('Storage tier'))).toEqual([]);
  });

  it('vendor-logo: a brand mark as an icon', async () => {
    const branded = { ...spec, components: [{ id: 'c1', label: 'Source repository', icon: 'github' }], connections: [], notes: [] };
    expect(rules(await lintContent(branded))).toEqual(['vendor-logo']);
    const generic = { ...spec, components: [{ id: 'c1', label: 'Source repository', icon: 'git-branch' }], connections: [], notes: [] };
    expect(await lintContent(generic)).toEqual([]);
  });
});
