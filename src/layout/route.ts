/**
 * Places the columns side by side and routes the arrows between them with ELK's layered
 * algorithm: columns are fixed-size nodes kept in order by partitions, arrows leave and enter
 * at fixed ports, ELK routes them orthogonally through the channels and puts each label on
 * its own arrow (inline).
 */
import type { ColumnPlan } from './columns.js';
import { elk, type ElkExtendedEdge, type ElkNode } from './elk.js';
import type { LayoutMetrics, Point } from './types.js';

export interface RoutedInter {
  readonly edgeId: string;
  /** Root coordinates, from the source port to the target port. */
  readonly points: readonly Point[];
  readonly labelCenter?: Point | undefined;
}

export interface RoutedPlan {
  /** Top-left corner of each column in root coordinates. */
  readonly columnOrigins: readonly Point[];
  readonly inter: readonly RoutedInter[];
  readonly width: number;
  readonly height: number;
}

const TOP_ALIGN = 'cyanotype-align-';

export async function routeColumns(plan: ColumnPlan, metrics: LayoutMetrics): Promise<RoutedPlan> {
  const portsByColumn = new Map<number, Map<string, { x: number; y: number; side: string }>>();
  for (const e of plan.inter) {
    for (const [column, port] of [
      [e.fromColumn, e.source],
      [e.toColumn, e.target],
    ] as const) {
      const ports = portsByColumn.get(column) ?? new Map();
      ports.set(port.id, { x: port.at.x, y: port.at.y, side: port.side });
      portsByColumn.set(column, ports);
    }
  }

  const labelSize = (id: string) => {
    const edge = plan.inter.find((e) => e.edge.id === id)?.edge;
    return edge?.label
      ? [
          {
            id: `${id}:label`,
            text: edge.label.lines.join(' '),
            width: Math.ceil(edge.label.width + 2 * metrics.edgeLabelPaddingX),
            height: Math.ceil(edge.label.height + 2 * metrics.edgeLabelPaddingY),
          },
        ]
      : [];
  };

  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.partitioning.activate': 'true',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(metrics.columnGap),
      // Scaled from the column gap, so a denser arrangement also packs its arrows tighter.
      'elk.layered.spacing.edgeNodeBetweenLayers': String(Math.max(10, Math.round(metrics.columnGap * 0.7))),
      'elk.layered.spacing.edgeEdgeBetweenLayers': String(Math.max(6, Math.round(metrics.columnGap * 0.43))),
      'elk.spacing.edgeEdge': String(Math.max(6, Math.round(metrics.columnGap * 0.43))),
      'elk.spacing.edgeNode': String(Math.max(8, Math.round(metrics.columnGap * 0.5))),
      'elk.spacing.edgeLabel': '2',
      'elk.spacing.nodeNode': '24',
      'elk.edgeLabels.inline': 'true',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'MEDIAN_LAYER',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: plan.columns.map((column) => ({
      id: `column-${column.index}`,
      width: column.width,
      height: column.height,
      layoutOptions: {
        'elk.portConstraints': 'FIXED_POS',
        'elk.partitioning.partition': String(column.index),
      },
      ports: [
        ...[...(portsByColumn.get(column.index) ?? new Map()).entries()].map(([id, p]) => ({
          id,
          x: p.x,
          y: p.y,
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': p.side },
        })),
        {
          id: `align-in-${column.index}`,
          x: 0,
          y: Math.round(column.height / 2),
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': 'WEST' },
        },
        {
          id: `align-out-${column.index}`,
          x: column.width,
          y: Math.round(column.height / 2),
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': 'EAST' },
        },
      ],
    })),
    edges: [
      ...plan.inter.map((e): ElkExtendedEdge => ({
        id: e.edge.id,
        sources: [e.source.id],
        targets: [e.target.id],
        labels: labelSize(e.edge.id),
      })),
      // Invisible, very straight edges between the columns' mid-points keep the columns
      // centred on one line: network-simplex placement would otherwise shift whole columns to
      // straighten single arrows and make the diagram much taller; centred (not top-aligned)
      // columns balance a short column against a tall one.
      ...plan.columns.slice(1).map((column): ElkExtendedEdge => ({
        id: `${TOP_ALIGN}${column.index}`,
        sources: [`align-out-${column.index - 1}`],
        targets: [`align-in-${column.index}`],
        layoutOptions: { 'elk.layered.priority.straightness': '1000' },
      })),
    ],
  };

  const result = await (await elk()).layout(root);
  const columnOrigins = plan.columns.map((column) => {
    const node = result.children?.find((c) => c.id === `column-${column.index}`);
    return { x: node?.x ?? 0, y: node?.y ?? 0 };
  });
  const routedEdges = (result.edges ?? []).filter((edge) => !edge.id.startsWith(TOP_ALIGN));
  const inter: RoutedInter[] = routedEdges.map((edge) => {
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = edge.labels?.[0];
    const center =
      label && label.x !== undefined && label.y !== undefined
        ? { x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 }
        : undefined;
    return { edgeId: edge.id, points: points.map((p) => ({ x: p.x, y: p.y })), labelCenter: center && onNearestSegment(center, points) };
  });
  // Snapping can bring two labels of neighbouring arrows together; ELK's own places never
  // overlap, so such pairs keep those.
  const sizes = new Map(routedEdges.map((e) => [e.id, { w: e.labels?.[0]?.width ?? 0, h: e.labels?.[0]?.height ?? 0 }]));
  const elkCenter = new Map(
    routedEdges.map((e) => {
      const l = e.labels?.[0];
      return [
        e.id,
        l && l.x !== undefined && l.y !== undefined ? { x: l.x + (l.width ?? 0) / 2, y: l.y + (l.height ?? 0) / 2 } : undefined,
      ];
    }),
  );
  const clash = (a: RoutedInter, b: RoutedInter) => {
    if (!a.labelCenter || !b.labelCenter) return false;
    const sa = sizes.get(a.edgeId) ?? { w: 0, h: 0 };
    const sb = sizes.get(b.edgeId) ?? { w: 0, h: 0 };
    return Math.abs(a.labelCenter.x - b.labelCenter.x) * 2 < sa.w + sb.w && Math.abs(a.labelCenter.y - b.labelCenter.y) * 2 < sa.h + sb.h;
  };
  for (let i = 0; i < inter.length; i++) {
    for (let j = i + 1; j < inter.length; j++) {
      const a = inter[i]!;
      const b = inter[j]!;
      if (!clash(a, b)) continue;
      inter[i] = { ...a, labelCenter: elkCenter.get(a.edgeId) };
      inter[j] = { ...b, labelCenter: elkCenter.get(b.edgeId) };
    }
  }
  return { columnOrigins, inter, width: result.width ?? 0, height: result.height ?? 0 };
}

/**
 * ELK's inline labels sit beside their segment rather than centred on it; move the label's
 * centre onto the nearest segment so the arrow visibly runs through its own label.
 */
function onNearestSegment(center: Point, points: readonly Point[]): Point {
  let best = center;
  let bestDistance = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const horizontal = Math.abs(a.y - b.y) < 0.5;
    const projected = horizontal
      ? { x: Math.min(Math.max(center.x, Math.min(a.x, b.x)), Math.max(a.x, b.x)), y: a.y }
      : { x: a.x, y: Math.min(Math.max(center.y, Math.min(a.y, b.y)), Math.max(a.y, b.y)) };
    const distance = Math.hypot(projected.x - center.x, projected.y - center.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = horizontal ? { x: center.x, y: a.y } : { x: a.x, y: center.y };
    }
  }
  return best;
}
