/**
 * Spec + theme metrics + a text measurer → every position on the artboard. Pure: no DOM, no
 * browser; the page passes a canvas-backed measurer, tests pass a fake one.
 */
import type { Spec } from '../spec/model.js';
import { assignColumns, assignColumnsBalanced, layerCount, planColumns, type ColumnPlan, type UnitShape } from './columns.js';
import { layoutFrame } from './frame.js';
import { buildUnitGraph, type UnitGraph } from './graph.js';
import { measureNodeBox, nodeBoxContent, type NodeBoxSize } from './node-box.js';
import { rankUnits } from './rank.js';
import { measureTable, type MeasureRequest } from './measure-table.js';
import { routeColumns } from './route.js';
import { fitText, placeText, type WrappedText } from './text.js';
import type {
  BadgeLayout,
  BandLayout,
  ConnectionLayout,
  DiagramLayout,
  Layout,
  LayoutMetrics,
  MeasureText,
  NodeLayout,
  Point,
  Rect,
  StackLayout,
  TextBlock,
} from './types.js';

/**
 * Largest enlargement for a small diagram: beyond it, type looks out of scale with the frame.
 * At 1.25, 49 of the bench's 50 generated diagrams (5–17 components) stopped at the cap and
 * floated small in the middle of the artboard; at 1.5 they fill it, their box labels ~20 px
 * against the title's 34 (and the 50 take ~5% longer to draw: more glow to raster).
 */
const MAX_SCALE = 1.5;

/** How far a band's frame stands off its column: sides, top, bottom. */
const BAND_FRAME = { x: 12, top: 6, bottom: 12 } as const;

/** How far a bracket stands off the side of a stack, and so where its arrow starts. */
const BRACKET_OFFSET = 9;

export function layoutSpec(spec: Spec, metrics: LayoutMetrics, measure: MeasureText): Layout {
  const frame = layoutFrame(spec, metrics, measure);
  const diagram = layoutDiagram(spec, metrics, measure, frame.diagramRegion);
  return {
    width: spec.size.width,
    height: spec.size.height,
    title: frame.title,
    subtitle: frame.subtitle,
    tag: frame.tag,
    tagBox: frame.tagBox,
    titleRule: frame.titleRule,
    diagramRegion: frame.diagramRegion,
    diagram,
    notes: frame.notes,
    legend: frame.legend,
  };
}

function layoutDiagram(spec: Spec, metrics: LayoutMetrics, measure: MeasureText, region: Rect): DiagramLayout {
  let best = layoutWith(spec, metrics, measure, region);
  // Too big for the region at the theme's sizes: try denser arrangements (narrower boxes,
  // tighter gaps and arrow tracks) before shrinking the type below what the theme set.
  for (const factor of [1, 2] as const) {
    if (best.score >= 1) break;
    const dense = layoutWith(spec, denser(metrics, factor), measure, region);
    if (dense.score > best.score + 0.01) best = dense;
  }
  const scale = best.score;
  return {
    ...best.diagram,
    scale,
    origin: {
      x: Math.round(region.x + (region.width - best.diagram.width * scale) / 2),
      y: Math.round(region.y + (region.height - best.diagram.height * scale) / 2),
    },
  };
}

/**
 * The same theme packed tighter: boxes narrower, gaps and label widths smaller; `level` 2
 * packs the arrow tracks and the gaps between boxes tighter still.
 */
function denser(metrics: LayoutMetrics, level: 1 | 2): LayoutMetrics {
  return {
    ...metrics,
    nodeWidth: Math.round(metrics.nodeWidth * 0.82),
    nodeGap: Math.round(metrics.nodeGap * (level === 1 ? 0.7 : 0.55)),
    columnGap: Math.round(metrics.columnGap * (level === 1 ? 0.65 : 0.45)),
    edgeLabelMaxWidth: Math.round(metrics.edgeLabelMaxWidth * 0.8),
  };
}

interface Candidate {
  readonly diagram: DiagramLayout;
  /** The scale it fits the region at (capped at MAX_SCALE). */
  readonly score: number;
  readonly coverage: number;
  /** Arrows inside a column that run on a rail beside it (not straight between neighbours). */
  readonly rails: number;
}

/**
 * The most a column plan could score once routed. Routing only adds to the boxes: the columns
 * sit side by side without overlapping, so the diagram is at least as wide as the widest box of
 * every column together and as tall as any column's boxes. (CandidatePool routes plans in order
 * of this bound.)
 */
function scoreBound(plan: ColumnPlan, region: Rect): number {
  let width = 0;
  let height = 0;
  for (const column of plan.columns) {
    let widest = 0;
    let top = Infinity;
    let bottom = -Infinity;
    for (const placed of column.units) {
      const rects = placed.members.size > 0 ? [...placed.members.values()].map((m) => ({ ...m, y: placed.rect.y + m.y })) : [placed.rect];
      for (const r of rects) {
        widest = Math.max(widest, r.width);
        top = Math.min(top, r.y);
        bottom = Math.max(bottom, r.y + r.height);
      }
    }
    width += widest;
    if (bottom > top) height = Math.max(height, bottom - top);
  }
  return Math.min(region.width / Math.max(1, width), region.height / Math.max(1, height), MAX_SCALE);
}

/**
 * The column plans a layout chooses from, and the choice: the plan that fits the region at
 * the largest scale, and among plans within 0.01 of that scale the one with the fewest arrows on
 * rails beside a column (they read worst), then the one that fills the region most (the earliest
 * on a tie). Plans are routed in order of the most they could score, and routing stops once no
 * plan left could come within 0.01 of the best score found: the choice is the one routing every
 * plan would make.
 */
class CandidatePool {
  private readonly routed: (Candidate & { readonly order: number })[] = [];
  private count = 0;

  constructor(private readonly region: Rect) {}

  add(plans: readonly ColumnPlan[], arrange: (plan: ColumnPlan) => DiagramLayout): void {
    const waiting = plans
      .map((plan, i) => ({ plan, order: this.count + i, bound: scoreBound(plan, this.region) }))
      .sort((a, b) => b.bound - a.bound || a.order - b.order);
    this.count += plans.length;
    for (const { plan, order, bound } of waiting) {
      if (this.routed.length > 0 && bound < this.topScore() - 0.01) break;
      const diagram = arrange(plan);
      const fit = Math.min(this.region.width / diagram.width, this.region.height / diagram.height);
      const score = Math.min(fit, MAX_SCALE);
      const rails = plan.columns.reduce((sum, column) => sum + column.rails, 0);
      this.routed.push({ diagram, score, coverage: diagram.width * diagram.height * score * score, rails, order });
    }
  }

  topScore(): number {
    return Math.max(0, ...this.routed.map((c) => c.score));
  }

  winner(): Candidate {
    const top = this.topScore();
    const near = this.routed
      .filter((c) => c.score >= top - 0.01)
      .sort((a, b) => a.rails - b.rails || b.coverage - a.coverage || a.order - b.order);
    const chosen = near[0];
    if (!chosen) throw new Error('no layout candidate');
    return chosen;
  }
}

function layoutWith(spec: Spec, metrics: LayoutMetrics, measure: MeasureText, region: Rect): Candidate {
  const edgeLabelWidth = (text: string) => fitText(text, metrics.fonts.edgeLabel, metrics.edgeLabelMaxWidth, measure, metrics.minTextSize);
  const graph = buildUnitGraph(spec, (c) => (c.label === undefined ? undefined : edgeLabelWidth(c.label)));

  const boxes = new Map<string, NodeBoxSize>();
  for (const component of spec.components) boxes.set(component.id, measureNodeBox(component, metrics, measure));
  const shapes = unitShapes(graph, boxes, metrics);

  const ranks = rankUnits(graph);
  const maxColumns = Math.max(1, Math.floor((region.width + metrics.columnGap) / (metrics.nodeWidth + metrics.columnGap + 24)));
  const layers = layerCount(graph, ranks);
  // Bands fix the columns; otherwise try each column count and keep the one that fits the
  // region at the largest scale (capped, so small diagrams grow a little but not absurdly).
  const candidates = graph.bands.length > 0 ? [0] : Array.from({ length: Math.max(1, Math.min(layers, maxColumns)) }, (_, i) => i + 1);
  const bandTitleHeight = graph.bands.length > 0 ? Math.ceil(metrics.fonts.bandTitle.lineHeight + 10) : 0;
  const pool = new CandidatePool(region);
  const plan = (assignment: { bands: (string | undefined)[]; members: string[][] }) =>
    planColumns(graph, assignment, shapes, metrics, bandTitleHeight);
  pool.add(
    candidates.map((columns) => plan(assignColumns(graph, ranks, columns))),
    arrange,
  );
  // A shallow, wide flow (few layers, many units per layer) cannot fit by folding whole
  // layers; let tall layers continue in the next column instead.
  if (graph.bands.length === 0 && pool.winner().score < 1) {
    const height = (id: string) => shapes.get(id)?.height ?? 0;
    const balanced = [];
    for (let columns = 2; columns <= maxColumns; columns++)
      balanced.push(plan(assignColumnsBalanced(graph, ranks, columns, height, metrics.nodeGap)));
    pool.add(balanced, arrange);
  }
  return pool.winner();

  function arrange(plan: ColumnPlan): DiagramLayout {
    const routed = routeColumns(plan, metrics, graph.bands.length > 0 ? BAND_FRAME : undefined);

    const origin = (column: number): Point => routed.columnOrigins[column] ?? { x: 0, y: 0 };
    const shift = (p: Point, o: Point): Point => ({ x: p.x + o.x, y: p.y + o.y });
    const shiftRect = (r: Rect, o: Point): Rect => ({ ...r, x: r.x + o.x, y: r.y + o.y });

    // Boxes and stacks in root coordinates.
    const nodes: NodeLayout[] = [];
    const stacks: StackLayout[] = [];
    const unitRects = new Map<string, Rect>();
    const memberRects = new Map<string, Rect>();
    const junctions = new Map<string, Point>();
    for (const column of plan.columns) {
      for (const placed of column.units) {
        const rect = shiftRect(placed.rect, origin(column.index));
        unitRects.set(placed.unit.id, rect);
        if (placed.unit.kind === 'junction') {
          junctions.set(placed.unit.id, { x: rect.x, y: rect.y });
          continue;
        }
        placed.unit.members.forEach((member, index) => {
          const local = placed.members.get(member) ?? { x: 0, y: 0, width: rect.width, height: rect.height };
          const box = shiftRect(local, rect);
          memberRects.set(member, box);
          const size = boxes.get(member);
          const component = spec.components.find((c) => c.id === member);
          if (!size || !component) return;
          const content = nodeBoxContent({ ...size, height: box.height }, metrics);
          nodes.push({
            id: member,
            rect: box,
            icon: component.icon,
            iconRect: content.icon ? shiftRect(content.icon, box) : undefined,
            label: placeText(size.label, box.x + content.label.x, box.y + content.label.y, content.textWidth),
            role: size.role ? placeText(size.role, box.x + content.role.x, box.y + content.role.y, content.textWidth) : undefined,
            stack: placed.unit.kind === 'stack' ? { id: placed.unit.id, index, count: placed.unit.members.length } : undefined,
          });
        });
        if (placed.unit.kind === 'stack') stacks.push({ id: placed.unit.id, rect, brackets: [] });
      }
    }

    // Arrows: straight and rail arrows inside columns, routed arrows between them.
    const paths = new Map<string, { points: Point[]; labelCenter?: Point | undefined }>();
    for (const column of plan.columns) {
      for (const routedEdge of column.intra) {
        paths.set(routedEdge.edge.id, {
          points: routedEdge.points.map((p) => shift(p, origin(column.index))),
          labelCenter: routedEdge.labelCenter && shift(routedEdge.labelCenter, origin(column.index)),
        });
      }
    }
    for (const e of plan.inter) {
      const r = routed.inter.find((x) => x.edgeId === e.edge.id);
      if (!r) continue;
      // The route may have moved a port along its side (to straighten the arrow): the stub follows.
      const start = { x: e.source.attach.x + origin(e.fromColumn).x, y: r.points[0]?.y ?? e.source.attach.y + origin(e.fromColumn).y };
      const end = { x: e.target.attach.x + origin(e.toColumn).x, y: r.points.at(-1)?.y ?? e.target.attach.y + origin(e.toColumn).y };
      paths.set(e.edge.id, { points: [start, ...r.points, end], labelCenter: r.labelCenter });
    }

    // Arrows to or from a whole stack start at a bracket standing off its side.
    const bracketSides = new Map<string, Set<StackLayout['brackets'][number]>>();
    for (const edge of graph.edges) {
      const path = paths.get(edge.id);
      if (!path) continue;
      for (const end of ['from', 'to'] as const) {
        const point = edge[end];
        const unit = graph.units.find((u) => u.id === point.unit);
        const rect = unitRects.get(point.unit);
        if (unit?.kind !== 'stack' || point.member !== undefined || !rect) continue;
        const index = end === 'from' ? 0 : path.points.length - 1;
        const p = path.points[index];
        if (!p) continue;
        const side = sideOf(p, rect);
        const moved =
          side === 'right'
            ? { x: rect.x + rect.width + BRACKET_OFFSET, y: p.y }
            : side === 'left'
              ? { x: rect.x - BRACKET_OFFSET, y: p.y }
              : side === 'bottom'
                ? { x: p.x, y: rect.y + rect.height + BRACKET_OFFSET }
                : { x: p.x, y: rect.y - BRACKET_OFFSET };
        path.points[index] = moved;
        bracketSides.set(point.unit, (bracketSides.get(point.unit) ?? new Set()).add(side));
      }
    }
    const bracketed = stacks.map((s) => ({ ...s, brackets: [...(bracketSides.get(s.id) ?? [])] }));

    const connections: ConnectionLayout[] = spec.connections.map((connection) => {
      const main = paths.get(connection.id);
      const edge = graph.edges.find((e) => e.id === connection.id);
      const feeders = graph.edges
        .filter((e) => e.connection === connection.id && !e.main)
        .map((e) => simplify(paths.get(e.id)?.points ?? []));
      const junction = connection.from.length > 1 ? junctions.get(`${connection.id}~merge`) : undefined;
      const label = edge?.label && main?.labelCenter ? centredText(edge.label, main.labelCenter) : undefined;
      const plate = label ? pad(label.rect, metrics.edgeLabelPaddingX, metrics.edgeLabelPaddingY) : undefined;
      return { id: connection.id, path: simplify(main?.points ?? []), feeders, junction, label, labelPlate: plate };
    });

    const bands: BandLayout[] = [];
    if (graph.bands.length > 0) {
      const top = Math.min(...plan.columns.map((c) => origin(c.index).y));
      const bottom = Math.max(...plan.columns.map((c) => origin(c.index).y + c.height));
      for (const column of plan.columns) {
        if (column.band === undefined || !column.titleRect) continue;
        const o = origin(column.index);
        const title = fitText(
          column.band.replace(/[-_]+/g, ' '),
          metrics.fonts.bandTitle,
          column.titleRect.width,
          measure,
          metrics.minTextSize,
        );
        bands.push({
          id: column.band,
          title: placeText(title, o.x, top, column.titleRect.width),
          rect: {
            x: o.x - BAND_FRAME.x,
            y: top - BAND_FRAME.top,
            width: column.width + 2 * BAND_FRAME.x,
            height: bottom - top + BAND_FRAME.top + BAND_FRAME.bottom,
          },
        });
      }
    }

    const badges = placeBadges(spec, metrics, memberRects, unitRects, connections);

    // Normalise to the diagram's own bounding box, then fit it into the region.
    const bounds = unionRects([
      ...nodes.map((n) => n.rect),
      ...bands.map((b) => b.rect),
      ...connections.flatMap((c) => [...(c.labelPlate ? [c.labelPlate] : []), ...[c.path, ...c.feeders].map(pointsBounds)]),
      ...badges.map((b) => b.rect),
    ]);
    const offset = { x: -bounds.x, y: -bounds.y };
    const moveRect = (r: Rect) => shiftRect(r, offset);
    const moveText = (t: TextBlock): TextBlock => ({ ...t, rect: moveRect(t.rect) });
    const movePoints = (ps: readonly Point[]) => ps.map((p) => shift(p, offset));
    return {
      origin: { x: 0, y: 0 },
      scale: 1,
      width: Math.ceil(bounds.width),
      height: Math.ceil(bounds.height),
      bands: bands.map((b) => ({ ...b, rect: moveRect(b.rect), title: moveText(b.title) })),
      stacks: bracketed.map((s) => ({ ...s, rect: moveRect(s.rect) })),
      nodes: nodes.map((n) => ({
        ...n,
        rect: moveRect(n.rect),
        iconRect: n.iconRect && moveRect(n.iconRect),
        label: moveText(n.label),
        role: n.role && moveText(n.role),
      })),
      connections: connections.map((c) => ({
        ...c,
        path: movePoints(c.path),
        feeders: c.feeders.map(movePoints),
        junction: c.junction && shift(c.junction, offset),
        label: c.label && moveText(c.label),
        labelPlate: c.labelPlate && moveRect(c.labelPlate),
      })),
      badges: badges.map((b) => ({ ...b, rect: moveRect(b.rect) })),
    };
  }

  function centredText(wrapped: WrappedText, center: Point): TextBlock {
    return placeText(wrapped, center.x - wrapped.width / 2, center.y - wrapped.height / 2);
  }
}

function unitShapes(graph: UnitGraph, boxes: ReadonlyMap<string, NodeBoxSize>, metrics: LayoutMetrics): Map<string, UnitShape> {
  const shapes = new Map<string, UnitShape>();
  for (const unit of graph.units) {
    if (unit.kind === 'junction') {
      shapes.set(unit.id, { width: 0, height: 0, members: new Map() });
    } else if (unit.kind === 'node') {
      const box = boxes.get(unit.id);
      shapes.set(unit.id, { width: box?.width ?? metrics.nodeWidth, height: box?.height ?? 0, members: new Map() });
    } else {
      // Layers of a stack share one height so the stack reads as a regular pile.
      const layerHeight = Math.max(...unit.members.map((m) => boxes.get(m)?.height ?? 0));
      const members = new Map<string, Rect>();
      const count = unit.members.length;
      unit.members.forEach((m, i) =>
        members.set(m, { x: 0, y: (count - 1 - i) * layerHeight, width: metrics.nodeWidth, height: layerHeight }),
      );
      shapes.set(unit.id, { width: metrics.nodeWidth, height: layerHeight * count, members });
    }
  }
  return shapes;
}

function placeBadges(
  spec: Spec,
  metrics: LayoutMetrics,
  memberRects: ReadonlyMap<string, Rect>,
  unitRects: ReadonlyMap<string, Rect>,
  connections: readonly ConnectionLayout[],
): BadgeLayout[] {
  const size = metrics.badgeSize;
  const used = new Map<string, number>();
  const badges: BadgeLayout[] = [];
  for (const step of spec.legend) {
    for (const ref of step.refs) {
      const nth = used.get(ref) ?? 0;
      used.set(ref, nth + 1);
      const box = memberRects.get(ref) ?? unitRects.get(ref);
      if (box) {
        // On the box's top-right corner, further badges to the left of the first.
        badges.push({
          number: step.number,
          target: ref,
          rect: { x: box.x + box.width - size * 0.75 - nth * (size + 4), y: box.y - size / 2, width: size, height: size },
        });
        continue;
      }
      const connection = connections.find((c) => c.id === ref);
      if (!connection) continue;
      const plate = connection.labelPlate;
      const anchor = plate
        ? { x: plate.x - size - 4 - nth * (size + 4), y: plate.y + (plate.height - size) / 2 }
        : midpoint(connection.path, size);
      badges.push({ number: step.number, target: ref, rect: { x: anchor.x, y: anchor.y, width: size, height: size } });
    }
  }
  return badges;
}

function midpoint(points: readonly Point[], size: number): Point {
  const a = points[Math.floor((points.length - 1) / 2)] ?? { x: 0, y: 0 };
  const b = points[Math.floor((points.length - 1) / 2) + 1] ?? a;
  return { x: (a.x + b.x) / 2 - size - 4, y: (a.y + b.y) / 2 - size / 2 };
}

function sideOf(p: Point, rect: Rect): 'left' | 'right' | 'top' | 'bottom' {
  const distances = [
    ['left', Math.abs(p.x - rect.x)],
    ['right', Math.abs(p.x - (rect.x + rect.width))],
    ['top', Math.abs(p.y - rect.y)],
    ['bottom', Math.abs(p.y - (rect.y + rect.height))],
  ] as const;
  return [...distances].sort((a, b) => a[1] - b[1])[0]?.[0] ?? 'right';
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

function pad(r: Rect, x: number, y: number): Rect {
  return { x: r.x - x, y: r.y - y, width: r.width + 2 * x, height: r.height + 2 * y };
}

function pointsBounds(points: readonly Point[]): Rect {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

function unionRects(rects: readonly Rect[]): Rect {
  const real = rects.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
  if (real.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
  const x = Math.min(...real.map((r) => r.x));
  const y = Math.min(...real.map((r) => r.y));
  const right = Math.max(...real.map((r) => r.x + r.width));
  const bottom = Math.max(...real.map((r) => r.y + r.height));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** One layout pass from measured widths, and the strings it had to estimate (measure them, then pass again). */
export function layoutMeasured(
  spec: Spec,
  metrics: LayoutMetrics,
  requests: readonly MeasureRequest[],
  widths: readonly number[],
): { layout: Layout; misses: MeasureRequest[] } {
  const table = measureTable(requests, widths);
  const layout = layoutSpec(spec, metrics, table.measure);
  return { layout, misses: table.misses };
}
