/**
 * Places the columns side by side, centred on one line, and routes the arrows between them
 * orthogonally through the channels (the gaps between neighbouring columns).
 *
 * Each channel has three parts, left to right: tracks where arrows turn from the height they
 * leave at, a label lane where every arrow crossing the channel runs level (a labelled arrow's
 * label sits on it, centred in the lane), and tracks where arrows turn to the height they
 * arrive at. Runs through the lane are stacked so no two labels (or a label and another
 * arrow) meet, each as close as it can to the height its arrow arrives at. An arrow to a column
 * further on passes above or below the columns between. Pure and synchronous: the width of
 * each channel is exactly what its tracks and labels need.
 */
import type { ColumnPlan, InterEdge, Port } from './columns.js';
import { MIN_STEP, stackRuns, type LaneRun } from './lane.js';
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
}

/** One arrow's passage through one channel, in root y; x is decided with the channel. */
interface Passage extends LaneRun {
  readonly inter: InterEdge;
  readonly leftY: number;
  readonly rightY: number;
  /** Arrows that share a start (a port fanning out) share the turn after it. */
  readonly leftKey: string;
  readonly rightKey: string;
  /** The label plate's size, on the passage that arrives at the target. */
  readonly label: { readonly width: number; readonly height: number } | undefined;
}

/** The distances a channel is planned with. */
interface ChannelSpace {
  /** Between neighbouring tracks. */
  readonly spacing: number;
  /** Around the label lane. */
  readonly clearance: number;
  /** Between a column (or its frame) and the nearest track or label. */
  readonly side: number;
  /** Between two labels stacked in the lane. */
  readonly labelGap: number;
  /** The theme's column gap: no channel is narrower. */
  readonly minimum: number;
  readonly arrowSize: number;
}

interface ChannelPlan {
  readonly width: number;
  /** x of each passage's turn on the left and the right, relative to the channel's left edge. */
  readonly leftX: ReadonlyMap<Passage, number>;
  readonly rightX: ReadonlyMap<Passage, number>;
  readonly laneCenter: number;
}

/** A frame drawn around every column (a band's), which arrows keep clear of like the column itself. */
export interface ColumnFrame {
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

export function routeColumns(plan: ColumnPlan, metrics: LayoutMetrics, frame?: ColumnFrame): RoutedPlan {
  const spacing = Math.max(6, Math.round(metrics.columnGap * 0.43));
  const clearance = Math.max(8, Math.round(metrics.columnGap * 0.5));

  // Centred on one line: a short column sits level with the middle of a tall one.
  const tallest = Math.max(0, ...plan.columns.map((c) => c.height));
  const top = plan.columns.map((c) => Math.round((tallest - c.height) / 2));
  // What an arrow past a column must clear: the column, or the frames, which span the tallest.
  const above = (c: number) => (frame ? Math.min(...top) - frame.top : top[c]!) - clearance;
  const below = (c: number) => (frame ? tallest + frame.bottom : top[c]! + plan.columns[c]!.height) + clearance;

  // Arrows past a column run above or below it, each on its own line a track's spacing from the
  // others: level with one of the arrow's ends, or with the height it ran at past the column
  // before, when that is already clear of the column (no step then), else the nearest free line
  // out from the column — and never a small step (under MIN_STEP) from one of those heights.
  const usedPast = plan.columns.map(() => [] as number[]);
  const pastLine = (c: number, side: 'above' | 'below', ends: readonly number[]): number => {
    const used = usedPast[c]!;
    // Another arrow's line too near, or one of the arrow's own ends a small step away.
    const blocking = (y: number) =>
      used.find((u) => Math.abs(u - y) < spacing) ?? ends.find((end) => end !== y && Math.abs(end - y) < MIN_STEP);
    const edge = side === 'above' ? above(c) : below(c);
    const clear = ends.filter((y) => (side === 'above' ? y <= edge : y >= edge) && blocking(y) === undefined);
    let y = clear.length > 0 ? (side === 'above' ? Math.max(...clear) : Math.min(...clear)) : edge;
    for (let u = blocking(y); u !== undefined; u = blocking(y)) {
      const gap = used.includes(u) ? spacing : MIN_STEP;
      y = side === 'above' ? Math.min(y - 1, u - gap) : Math.max(y + 1, u + gap);
    }
    used.push(y);
    return y;
  };
  const ends = alignEnds(plan, top);
  const passages: Passage[][] = plan.columns.map(() => []);
  const heightsOf = new Map<InterEdge, number[]>();
  for (const inter of plan.inter) {
    const forward = inter.toColumn > inter.fromColumn;
    const { source: sourceY, target: targetY } = ends.get(inter)!;
    const first = Math.min(inter.fromColumn, inter.toColumn);
    const last = Math.max(inter.fromColumn, inter.toColumn);
    // Heights along the way, left to right: at the left column, past each column between, at the right.
    const heights = [forward ? sourceY : targetY];
    for (let c = first + 1; c < last; c++) {
      const column = plan.columns[c]!;
      const middle = (sourceY + targetY) / 2;
      // The height it already runs at past the column before is one it can keep (no step between).
      heights.push(pastLine(c, middle < top[c]! + column.height / 2 ? 'above' : 'below', [sourceY, targetY, heights.at(-1)!]));
    }
    heights.push(forward ? targetY : sourceY);
    heightsOf.set(inter, heights);
    const labelled = inter.edge.label;
    for (let c = first; c < last; c++) {
      const leftY = heights[c - first]!;
      const rightY = heights[c - first + 1]!;
      const arrives = forward ? c === last - 1 : c === first;
      // Ends at one point of a column's side share a turn (a fan out, a merge); a height past a
      // column is the arrow's own.
      const leftKey = c === first ? `at:${leftY}` : `${inter.edge.id}@${c}`;
      const rightKey = c === last - 1 ? `at:${rightY}` : `${inter.edge.id}@${c + 1}`;
      passages[c]!.push({
        inter,
        leftY,
        rightY,
        leftKey,
        rightKey,
        arrivalKey: forward ? rightKey : leftKey,
        label:
          arrives && labelled
            ? {
                width: Math.ceil(labelled.width + 2 * metrics.edgeLabelPaddingX),
                height: Math.ceil(labelled.height + 2 * metrics.edgeLabelPaddingY),
              }
            : undefined,
        wantY: forward ? rightY : leftY,
        departY: forward ? leftY : rightY,
        forward,
        passY: forward ? rightY : leftY,
      });
    }
  }

  const space: ChannelSpace = {
    spacing,
    clearance,
    side: clearance + (frame?.x ?? 0),
    labelGap: 4,
    minimum: metrics.columnGap,
    arrowSize: metrics.arrowSize,
  };
  const channels = passages.slice(0, -1).map((list) => planChannel(list, space));
  const left: number[] = [];
  let x = 0;
  plan.columns.forEach((column, c) => {
    left.push(x);
    x += column.width + (channels[c]?.width ?? 0);
  });

  const inter: RoutedInter[] = plan.inter.map((e) => {
    const forward = e.toColumn > e.fromColumn;
    const first = Math.min(e.fromColumn, e.toColumn);
    const last = Math.max(e.fromColumn, e.toColumn);
    const heights = heightsOf.get(e) ?? [];
    const points: Point[] = [{ x: left[first]! + plan.columns[first]!.width, y: heights[0]! }];
    let labelCenter: Point | undefined;
    for (let c = first; c < last; c++) {
      const channel = channels[c]!;
      const passage = passages[c]!.find((p) => p.inter === e)!;
      const start = left[c]! + plan.columns[c]!.width;
      const turnIn = start + channel.leftX.get(passage)!;
      const turnOut = start + channel.rightX.get(passage)!;
      points.push({ x: turnIn, y: passage.leftY }, { x: turnIn, y: passage.passY });
      points.push({ x: turnOut, y: passage.passY }, { x: turnOut, y: passage.rightY });
      points.push({ x: left[c + 1]!, y: passage.rightY });
      if (passage.label) labelCenter = { x: start + channel.laneCenter, y: passage.passY };
    }
    return { edgeId: e.edge.id, points: forward ? points : points.reverse(), labelCenter };
  });

  return { columnOrigins: plan.columns.map((_, c) => ({ x: left[c]!, y: top[c]! })), inter };
}

/**
 * Each arrow's ends in root y. An arrow between neighbouring columns whose ports are a few
 * pixels apart would turn by a step that reads as a flaw: one of its ports moves, within its
 * slack and clear of ports already moved on that side, to make the arrow straight.
 */
function alignEnds(plan: ColumnPlan, top: readonly number[]): Map<InterEdge, { source: number; target: number }> {
  const ends = new Map<InterEdge, { source: number; target: number }>();
  const moved = new Map<string, number[]>();
  const tryMove = (port: Port, column: number, by: number): boolean => {
    const y = top[column]! + port.at.y + by;
    const key = `${column}|${port.side}`;
    const within = by < 0 ? -by <= port.slack.up : by <= port.slack.down;
    if (!within || (moved.get(key) ?? []).some((other) => Math.abs(other - y) < MIN_STEP)) return false;
    moved.set(key, [...(moved.get(key) ?? []), y]);
    return true;
  };
  for (const inter of plan.inter) {
    let source = top[inter.fromColumn]! + inter.source.at.y;
    let target = top[inter.toColumn]! + inter.target.at.y;
    const gap = target - source;
    if (Math.abs(inter.toColumn - inter.fromColumn) === 1 && gap !== 0 && Math.abs(gap) < MIN_STEP) {
      if (tryMove(inter.target, inter.toColumn, -gap)) target = source;
      else if (tryMove(inter.source, inter.fromColumn, gap)) source = target;
    }
    ends.set(inter, { source, target });
  }
  return ends;
}

/**
 * Lays out one channel: the runs through the lane stacked, then the turns on each side put on
 * tracks in the order that crosses fewest other arrows. Left to right: a clearance from the
 * column, the left tracks, a clearance, the lane, a clearance, the right tracks, a clearance.
 */
function planChannel(list: Passage[], space: ChannelSpace): ChannelPlan {
  const { spacing, clearance, side } = space;
  stackRuns(list, spacing, space.labelGap);
  const lane = Math.max(0, ...list.map((p) => p.label?.width ?? 0));
  const leftGroups = trackGroups(list, 'left');
  const rightGroups = trackGroups(list, 'right');
  const leftAt: number[] = [];
  const rightAt: number[] = [];
  let cursor = 0;
  leftGroups.forEach((_, i) => leftAt.push((cursor += i === 0 ? side : spacing)));
  let laneStart = cursor;
  if (lane > 0) {
    laneStart = cursor += leftGroups.length > 0 ? clearance : side;
    // After the lane, room for an arrowhead between a label and the column it points at.
    cursor += lane + space.arrowSize;
  }
  const firstRight = lane > 0 ? clearance : leftGroups.length > 0 ? spacing : side;
  rightGroups.forEach((_, i) => rightAt.push((cursor += i > 0 ? spacing : firstRight)));
  cursor += side;
  const width = Math.max(space.minimum, Math.ceil(cursor));
  // What the minimum adds goes to both ends, so the lane stays in the middle.
  const spare = Math.round((width - cursor) / 2);
  const leftX = new Map<Passage, number>();
  const rightX = new Map<Passage, number>();
  leftGroups.forEach((group, i) => group.forEach((p) => leftX.set(p, spare + leftAt[i]!)));
  rightGroups.forEach((group, i) => group.forEach((p) => rightX.set(p, spare + rightAt[i]!)));
  // A passage with no turn on one side runs level into the turn on its other side.
  for (const p of list) {
    const fallback = spare + Math.round(cursor / 2);
    if (!leftX.has(p)) leftX.set(p, rightX.get(p) ?? fallback);
    if (!rightX.has(p)) rightX.set(p, leftX.get(p) ?? fallback);
  }
  return { width, leftX, rightX, laneCenter: spare + laneStart + lane / 2 };
}

/** What one pair of lines running beside each other weighs against one crossing when tracks are ordered. */
const BESIDE_COST = 3;

/**
 * What one arrow's run on the very height of another's stub weighs: the two are then drawn on one
 * line and read as one arrow to the wrong box. Counted less than lines beside each other, so that
 * where the order can avoid only one, the run beside stays away: over the layout test's 300 flows,
 * arrows between unrelated boxes on one line 27 → 5 pairs (16 → 4 flows), the runs beside each
 * other and the bends unchanged; at 3, 4 pairs but one flow more with a run 1 px beside a stub.
 */
const ON_LINE_COST = 2;

/**
 * The turns on one side of the lane, grouped onto tracks (arrows leaving one port share a
 * track, and so do arrows arriving at one point) and put in the order that makes the fewest
 * crossings, track 0 nearest the lane's far side from the column.
 */
function trackGroups(list: readonly Passage[], side: 'left' | 'right'): Passage[][] {
  const groups = new Map<string, Passage[]>();
  for (const p of list) {
    const y = side === 'left' ? p.leftY : p.rightY;
    if (Math.abs(y - p.passY) < 0.5) continue;
    const key = side === 'left' ? p.leftKey : p.rightKey;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const spans = [...groups.values()].map((members) => {
    const end = side === 'left' ? members[0]!.leftY : members[0]!.rightY;
    const runs = members.map((m) => m.passY);
    return { members, end, runs, low: Math.min(end, ...runs), high: Math.max(end, ...runs) };
  });
  type Span = (typeof spans)[number];
  const inside = (y: number, s: Span) => y > s.low && y < s.high;
  // Level lines of two arrows closer than MIN_STEP along the same stretch, or on the same line, read
  // as one line: worse than a crossing, which is read at a glance.
  const beside = (end: number, runs: readonly number[]) =>
    runs.reduce((sum, y) => sum + (y === end ? ON_LINE_COST : Math.abs(y - end) < MIN_STEP ? BESIDE_COST : 0), 0);
  // Crossings when a is on a track further left than b, and the lines that would then run beside
  // each other: on the left, a's runs pass b's stub from the column; on the right, a's stub into
  // the column passes b's runs.
  const cost = (a: Span, b: Span): number =>
    side === 'left'
      ? a.runs.filter((y) => inside(y, b)).length + (inside(b.end, a) ? 1 : 0) + beside(b.end, a.runs)
      : (inside(a.end, b) ? 1 : 0) + b.runs.filter((y) => inside(y, a)).length + beside(a.end, b.runs);
  // Each pair's cost both ways, once; a track's best place among the others is then one pass.
  const sorted = spans.sort((a, b) => a.low - b.low);
  const pair = sorted.map((a) => sorted.map((b) => (a === b ? 0 : cost(a, b))));
  const bestPlace = (span: number, others: readonly number[]): { at: number; total: number }[] => {
    let total = others.reduce((sum, other) => sum + pair[span]![other]!, 0);
    const totals = [{ at: 0, total }];
    others.forEach((other, i) => {
      total += pair[other]![span]! - pair[span]![other]!;
      totals.push({ at: i + 1, total });
    });
    return totals;
  };
  const order: number[] = [];
  sorted.forEach((_, span) => {
    const best = bestPlace(span, order).reduce((a, b) => (b.total < a.total ? b : a));
    order.splice(best.at, 0, span);
  });
  // Inserted one by one, an early track can end up where a later one makes it cost more: each
  // is moved to its best place among all the others until no move lowers the total.
  for (let pass = 0, moved = true; moved && pass < order.length; pass++) {
    moved = false;
    for (let from = 0; from < order.length; from++) {
      const span = order[from]!;
      const others = order.filter((_, i) => i !== from);
      const totals = bestPlace(span, others);
      const best = totals.reduce((a, b) => (b.total < a.total ? b : a), totals[from]!);
      if (best.at !== from) {
        order.splice(0, order.length, ...others.slice(0, best.at), span, ...others.slice(best.at));
        moved = true;
      }
    }
  }
  return order.map((i) => sorted[i]!.members);
}
