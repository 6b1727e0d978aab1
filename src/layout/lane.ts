/**
 * The label lane of a channel (route.ts): every arrow crossing the channel runs level through
 * it, and those runs are stacked here so no label meets another label or arrow, each run as
 * close as it can be to the height its arrow arrives at, and none a step of a pixel or two
 * away from a height it turns from.
 */

/** One arrow's run through a lane, in root y. */
export interface LaneRun {
  /** The label's plate, when the run carries one. */
  readonly label: { readonly height: number } | undefined;
  /** The height the run would like: where the arrow arrives. */
  readonly wantY: number;
  /** The height it comes from on the other side. */
  readonly departY: number;
  /** Left to right (its arrow points at a column further on), or back. */
  readonly forward: boolean;
  /** Runs arriving at one point (same key) may share a line. */
  readonly arrivalKey: string;
  /** Where it runs: set by stackRuns. */
  passY: number;
}

/**
 * Stacks the runs through the lane: a labelled run needs its plate's height clear, any other
 * run a track's spacing; runs arriving at the same point may share one line. Each block of
 * touching runs sits where its runs' wishes average (least squares), top to bottom in the
 * order of their wishes, unless that leaves a run a small step from a height it turns from
 * (withoutSmallJogs).
 */
export function stackRuns(list: readonly LaneRun[], spacing: number, labelGap: number): void {
  const sorted = [...list].sort((a, b) => a.wantY - b.wantY || (a.label ? 1 : 0) - (b.label ? 1 : 0));
  // Runs merged into lines: unlabelled runs wanting the same height and arriving at one point.
  const lines: { members: LaneRun[]; half: number; want: number; ends: number[]; avoid: number[] }[] = [];
  for (const p of sorted) {
    const half = p.label ? p.label.height / 2 + labelGap / 2 : spacing / 2;
    const previous = lines[lines.length - 1];
    if (
      previous &&
      !p.label &&
      previous.members.every((m) => !m.label) &&
      previous.want === p.wantY &&
      previous.members[0]?.arrivalKey === p.arrivalKey
    ) {
      previous.members.push(p);
      previous.ends.push(p.departY);
      continue;
    }
    lines.push({ members: [p], half, want: p.wantY, ends: [p.wantY, p.departY], avoid: [] });
  }
  // A run close beside another arrow's stub (where it leaves its column) would read as one line
  // with it. An arrow going the other way leaves from the side this run arrives at, so they
  // always meet; one going the same way meets it when its track is further out than this run's
  // (route.ts orders the tracks to avoid that, which it cannot always).
  for (const line of lines) {
    line.avoid = lines
      .filter((other) => other !== line)
      .flatMap((other) => other.members.map((m) => m.departY))
      .filter((end) => !line.ends.includes(end));
  }
  const blocks: { lines: typeof lines; offsets: number[]; y: number }[] = [];
  for (const line of lines) {
    let block = { lines: [line], offsets: [0], y: line.want };
    for (;;) {
      const previous = blocks[blocks.length - 1];
      if (!previous) break;
      const lastLine = previous.lines[previous.lines.length - 1]!;
      const lastOffset = previous.offsets[previous.offsets.length - 1]!;
      const previousBottom = previous.y + lastOffset + lastLine.half;
      const firstTop = block.y + block.offsets[0]! - block.lines[0]!.half;
      if (previousBottom <= firstTop) break;
      // Merge: the block's lines follow the previous ones, touching.
      blocks.pop();
      const shift = lastOffset + lastLine.half + block.lines[0]!.half;
      const mergedLines = [...previous.lines, ...block.lines];
      const mergedOffsets = [...previous.offsets, ...block.offsets.map((o) => o + shift)];
      const weights = mergedLines.map((l) => l.members.length);
      const total = weights.reduce((a, b) => a + b, 0);
      const y = mergedLines.reduce((sum, l, i) => sum + (l.want - mergedOffsets[i]!) * weights[i]!, 0) / total;
      block = { lines: mergedLines, offsets: mergedOffsets, y };
    }
    blocks.push(block);
  }
  const placed = blocks.map((block) => block.lines.map((_, i) => Math.round(block.y + block.offsets[i]!)));
  blocks.forEach((block, b) => {
    const ys = withoutSmallJogs(block.lines, placed[b]!);
    // Kept only if the block still clears its neighbours.
    const top = ys[0]! - block.lines[0]!.half;
    const bottom = ys[ys.length - 1]! + block.lines[block.lines.length - 1]!.half;
    const above = blocks[b - 1];
    const below = blocks[b + 1];
    const clearAbove = !above || placed[b - 1]!.at(-1)! + above.lines.at(-1)!.half <= top;
    const clearBelow = !below || placed[b + 1]![0]! - below.lines[0]!.half >= bottom;
    if (clearAbove && clearBelow) placed[b] = ys;
  });
  blocks.forEach((block, b) => block.lines.forEach((line, i) => line.members.forEach((p) => (p.passY = placed[b]![i]!))));
}

/** A run this close to a height it turns from would show as a step of a pixel or two, which reads as a flaw. */
export const MIN_STEP = 8;

/** What a run's height must keep clear of: its own ends (it may sit on one) and other arrows' stubs (it may not). */
interface Clearance {
  readonly ends: readonly number[];
  readonly avoid: readonly number[];
}

/** A run at `y` that turns by a step under MIN_STEP from one of its own ends. */
const smallStep = (y: number, line: Clearance) => line.ends.some((end) => end !== y && Math.abs(y - end) < MIN_STEP);
/** A run at `y` within MIN_STEP of another arrow's stub (their lines would read as one). */
const besideOther = (y: number, line: Clearance) => line.avoid.some((end) => Math.abs(y - end) < MIN_STEP);
const tooClose = (y: number, line: Clearance) => smallStep(y, line) || besideOther(y, line);

/** Moves `y` in `direction` (1 down, -1 up) until it is on one of its ends or clear of every end. */
function settle(y: number, line: Clearance, direction: 1 | -1): number {
  for (let guard = 0; guard <= line.ends.length + line.avoid.length; guard++) {
    const own = line.ends.find((end) => end !== y && Math.abs(y - end) < MIN_STEP);
    if (own !== undefined) {
      y = (own - y) * direction > 0 ? own : own + direction * MIN_STEP;
      continue;
    }
    const other = line.avoid.find((end) => Math.abs(y - end) < MIN_STEP);
    if (other === undefined) return y;
    y = other + direction * MIN_STEP;
  }
  return y;
}

/**
 * A block's heights with no step smaller than MIN_STEP: one line kept exactly at its wish, the
 * others placed outward from it, each at its wish where there is room, else touching its
 * neighbour and settled clear of its ends. Of the lines as anchor, the one that leaves fewest
 * lines off their wish, then the least displacement. The least-squares heights are kept when
 * they have no small step.
 */
function withoutSmallJogs(lines: readonly (Clearance & { half: number; want: number })[], fitted: readonly number[]): number[] {
  if (!fitted.some((y, i) => tooClose(y, lines[i]!))) return [...fitted];
  let best: number[] = [...fitted];
  let bestCost = [Infinity, Infinity, Infinity];
  lines.forEach((_, anchor) => {
    const ys = lines.map((l) => l.want);
    for (let i = anchor + 1; i < lines.length; i++) {
      ys[i] = settle(Math.ceil(Math.max(lines[i]!.want, ys[i - 1]! + lines[i - 1]!.half + lines[i]!.half)), lines[i]!, 1);
    }
    for (let i = anchor - 1; i >= 0; i--) {
      ys[i] = settle(Math.floor(Math.min(lines[i]!.want, ys[i + 1]! - lines[i + 1]!.half - lines[i]!.half)), lines[i]!, -1);
    }
    if (smallStep(ys[anchor]!, lines[anchor]!)) return;
    const cost = [
      ys.filter((y, i) => besideOther(y, lines[i]!)).length,
      ys.filter((y, i) => y !== lines[i]!.want).length,
      ys.reduce((sum, y, i) => sum + Math.abs(y - lines[i]!.want), 0),
    ];
    const better = cost.findIndex((c, k) => c !== bestCost[k]);
    if (better >= 0 && cost[better]! < bestCost[better]!) {
      best = ys;
      bestCost = cost;
    }
  });
  return best;
}
