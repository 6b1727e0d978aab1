/**
 * Geometry checks over what the browser drew (texts with their measured boxes, from
 * Inspection) and what layout planned (boxes, label plates and arrow paths, from Layout).
 * Pure: numbers in, findings out.
 */
import type { InspectedText, Inspection, TextKind } from '../document.js';
import type { Layout, Point, Rect } from '../layout/types.js';
import type { Spec } from '../spec/model.js';
import { MIN_TEXT_PX, type ElementRef, type Finding } from './findings.js';
import { parallelArrows, inside, overlaps, segmentCrosses, type ArrowsBeside } from './geometry.js';

const TOLERANCE = 1;

/** Arrows whose centre lines are closer than this (artboard px) along more than BESIDE_LENGTH read as one line. */
const BESIDE_GAP = 4;
const BESIDE_LENGTH = 8;

export function elementOf(kind: TextKind, owner: string): ElementRef {
  switch (kind) {
    case 'component-label':
    case 'component-role':
      return { kind: 'component', id: owner };
    case 'connection-label':
      return { kind: 'connection', id: owner };
    case 'note-title':
    case 'note-role':
      return { kind: 'note', id: owner };
    case 'legend-step':
      return { kind: 'legend', id: owner };
    case 'legend-title':
      return { kind: 'legend', id: '' };
    case 'band':
      return { kind: 'band', id: owner };
    case 'title':
    case 'subtitle':
    case 'tag':
      return { kind: 'title', id: '' };
  }
}

/** Texts drawn inside the diagram, and so at its scale. */
const IN_DIAGRAM: ReadonlySet<TextKind> = new Set(['component-label', 'component-role', 'connection-label', 'band']);

/** A text in a diagram scaled below 1 that would reach the limit at the theme's own size. */
function shrunkByScale(text: InspectedText, scale: number): boolean {
  return scale < 1 && IN_DIAGRAM.has(text.kind) && text.fontSize / scale >= MIN_TEXT_PX - 0.01;
}

/**
 * One finding for a diagram too big for the artboard at the theme's sizes: every text in it is
 * too small for the same reason, and one fix (fewer or shorter parts) mends them all.
 */
function diagramTooSmall(layout: Layout, texts: readonly InspectedText[]): Finding {
  const { origin, width, height, scale } = layout.diagram;
  const smallest = Math.min(...texts.map((t) => t.fontSize));
  const count = texts.length === 1 ? `"${short(texts[0]!)}" is` : `${texts.length} of its texts are`;
  return {
    rule: 'text-too-small',
    severity: 'error',
    element: { kind: 'diagram', id: '' },
    box: { x: origin.x, y: origin.y, width: width * scale, height: height * scale },
    message: `the diagram is drawn at ${Math.floor(scale * 100)}% of the theme's sizes to fit the artboard, so ${count} under the ${MIN_TEXT_PX} px limit (${smallest.toFixed(1)} px); remove or merge components, shorten labels and roles, or split the diagram`,
  };
}

export function auditLayout(spec: Spec, layout: Layout, drawn: Inspection): Finding[] {
  const findings: Finding[] = [];
  const artboard = drawn.artboard;
  /** Texts under the limit only because the whole diagram was scaled down to fit: one finding for all. */
  const shrunk: InspectedText[] = [];

  for (const text of drawn.texts) {
    const element = elementOf(text.kind, text.owner);
    if (!inside(text.box, text.container, TOLERANCE)) {
      findings.push({
        rule: 'text-overflow',
        severity: 'error',
        element,
        box: text.box,
        message: `"${short(text)}" does not fit its box; shorten it or widen --cy-node-width`,
      });
    }
    if (!inside(text.box, artboard, 0)) {
      findings.push({
        rule: 'outside-artboard',
        severity: 'error',
        element,
        box: text.box,
        message: `"${short(text)}" is drawn outside the artboard`,
      });
    }
    if (text.fontSize < MIN_TEXT_PX - 0.01) {
      if (shrunkByScale(text, layout.diagram.scale)) shrunk.push(text);
      else
        findings.push({
          rule: 'text-too-small',
          severity: 'error',
          element,
          box: text.box,
          message: `"${short(text)}" is ${text.fontSize.toFixed(1)} px, below the ${MIN_TEXT_PX} px limit; shorten it or split the diagram`,
        });
    }
  }
  if (shrunk.length > 0) findings.push(diagramTooSmall(layout, shrunk));

  const boxes = drawn.parts.filter((p) => p.kind === 'component');
  const labels = drawn.parts.filter((p) => p.kind === 'connection-label');
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (overlaps(a.box, b.box))
        findings.push({
          rule: 'box-overlap',
          severity: 'error',
          element: { kind: 'component', id: a.id },
          box: a.box,
          message: `overlaps component ${b.id}`,
        });
    }
  }
  for (const [i, label] of labels.entries()) {
    for (const box of boxes) {
      if (overlaps(label.box, box.box)) {
        findings.push({
          rule: 'label-overlap',
          severity: 'error',
          element: { kind: 'connection', id: label.id },
          box: label.box,
          message: `its label covers component ${box.id}`,
        });
      }
    }
    for (const other of labels.slice(i + 1)) {
      if (overlaps(label.box, other.box)) {
        findings.push({
          rule: 'label-overlap',
          severity: 'error',
          element: { kind: 'connection', id: label.id },
          box: label.box,
          message: `its label covers the label of ${other.id}`,
        });
      }
    }
  }
  for (const part of drawn.parts) {
    if (!inside(part.box, artboard, 0)) {
      findings.push({
        rule: 'outside-artboard',
        severity: 'error',
        element: {
          kind:
            part.kind === 'connection-label'
              ? 'connection'
              : part.kind === 'badge'
                ? 'legend'
                : part.kind === 'note'
                  ? 'note'
                  : part.kind === 'legend'
                    ? 'legend'
                    : 'component',
          id: part.id,
        },
        box: part.box,
        message: 'drawn outside the artboard',
      });
    }
  }

  // Arrows through boxes and under other arrows' labels, from layout's paths in artboard pixels.
  const { origin, scale } = layout.diagram;
  const toArtboard = (p: Point): Point => ({ x: origin.x + p.x * scale, y: origin.y + p.y * scale });
  const rectOf = (r: Rect): Rect => ({
    x: origin.x + r.x * scale,
    y: origin.y + r.y * scale,
    width: r.width * scale,
    height: r.height * scale,
  });
  const plates = layout.diagram.connections.flatMap((c) => (c.labelPlate ? [{ id: c.id, rect: rectOf(c.labelPlate) }] : []));
  for (const connection of spec.connections) {
    const drawnConnection = layout.diagram.connections.find((c) => c.id === connection.id);
    if (!drawnConnection) continue;
    const ends = new Set([connection.to, ...connection.from.flatMap((f) => spec.stacks.find((s) => s.id === f)?.members ?? [f])]);
    const stackOf = (id: string) => spec.components.find((c) => c.id === id)?.stack;
    for (const path of [drawnConnection.path, ...drawnConnection.feeders]) {
      const points = path.map(toArtboard);
      for (const node of layout.diagram.nodes) {
        if (ends.has(node.id) || ends.has(stackOf(node.id) ?? '\u0000')) continue;
        const rect = rectOf(node.rect);
        if (points.some((p, k) => k > 0 && segmentCrosses(points[k - 1] ?? p, p, rect))) {
          findings.push({
            rule: 'arrow-through-box',
            severity: 'error',
            element: { kind: 'connection', id: connection.id },
            box: rect,
            message: `passes through component ${node.id}`,
          });
        }
      }
      for (const plate of plates) {
        if (plate.id === connection.id) continue;
        if (points.some((p, k) => k > 0 && segmentCrosses(points[k - 1] ?? p, p, plate.rect))) {
          findings.push({
            rule: 'arrow-under-label',
            severity: 'error',
            element: { kind: 'connection', id: connection.id },
            box: plate.rect,
            message: `runs under the label of ${plate.id}`,
          });
        }
      }
    }
  }
  const paths = layout.diagram.connections.flatMap((c) =>
    [c.path, ...c.feeders].map((path) => ({ id: c.id, points: path.map(toArtboard) })),
  );
  const parallel = parallelArrows(paths, BESIDE_GAP, BESIDE_LENGTH);
  for (const beside of parallel.beside) {
    findings.push({
      rule: 'arrows-beside',
      severity: 'warning',
      element: { kind: 'connection', id: beside.a },
      box: beside.box,
      message: `runs ${round(beside.gap)} px from ${beside.b} for ${Math.round(beside.length)} px: the two read as one line`,
    });
  }
  for (const shared of unrelatedPairs(spec, parallel.onOneLine)) {
    findings.push({
      rule: 'arrows-share-line',
      severity: 'warning',
      element: { kind: 'connection', id: shared.a },
      box: shared.box,
      message: `is drawn on one line with ${shared.b} for ${Math.round(shared.length)} px, though they join other boxes: the two read as one arrow`,
    });
  }
  return findings;
}

/**
 * Of pairs of arrows drawn on one line, those that share no box. Arrows on one line are drawn so
 * on purpose when they share an end (a fan-out's stub, a trunk into one box; a stack counts with
 * its members); two arrows between four different boxes read as one arrow to the wrong box.
 */
export function unrelatedPairs(spec: Spec, pairs: readonly ArrowsBeside[]): ArrowsBeside[] {
  const related = new Map<string, string[]>();
  for (const stack of spec.stacks) {
    related.set(stack.id, [...stack.members]);
    for (const member of stack.members) related.set(member, [stack.id]);
  }
  const ends = new Map(
    spec.connections.map((c) => {
      const ids = [...c.from, c.to];
      return [c.id, new Set([...ids, ...ids.flatMap((id) => related.get(id) ?? [])])];
    }),
  );
  return pairs.filter((pair) => {
    const [a, b] = [ends.get(pair.a), ends.get(pair.b)];
    return a !== undefined && b !== undefined && ![...a].some((end) => b.has(end));
  });
}

const round = (n: number) => (Math.round(n * 10) / 10).toString();

const short = (t: InspectedText) => (t.text.length > 40 ? `${t.text.slice(0, 37)}…` : t.text);
