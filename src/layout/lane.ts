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
  const lines: { members: LaneRun[]; half: number; want: number; ends: number[] }[] = [];
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
    lines.push({ members: [p], half, want: p.wantY, ends: [p.wantY, p.departY] });
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

/** Heights of a run closer than MIN_STEP to an end it turns from, but not on it. */
const stepsTooSmall = (y: number, ends: readonly number[]) => ends.some((end) => end !== y && Math.abs(y - end) < MIN_STEP);

/** Moves `y` in `direction` (1 down, -1 up) until it is on an end or at least MIN_STEP from every end. */
function settle(y: number, ends: readonly number[], direction: 1 | -1): number {
  for (let guard = 0; guard <= ends.length; guard++) {
    const near = ends.find((end) => end !== y && Math.abs(y - end) < MIN_STEP);
    if (near === undefined) return y;
    y = (near - y) * direction > 0 ? near : near + direction * MIN_STEP;
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
function withoutSmallJogs(lines: readonly { half: number; want: number; ends: readonly number[] }[], fitted: readonly number[]): number[] {
  if (!fitted.some((y, i) => stepsTooSmall(y, lines[i]!.ends))) return [...fitted];
  let best: number[] = [...fitted];
  let bestCost = [Infinity, Infinity];
  lines.forEach((_, anchor) => {
    const ys = lines.map((l) => l.want);
    for (let i = anchor + 1; i < lines.length; i++) {
      ys[i] = settle(Math.ceil(Math.max(lines[i]!.want, ys[i - 1]! + lines[i - 1]!.half + lines[i]!.half)), lines[i]!.ends, 1);
    }
    for (let i = anchor - 1; i >= 0; i--) {
      ys[i] = settle(Math.floor(Math.min(lines[i]!.want, ys[i + 1]! - lines[i + 1]!.half - lines[i]!.half)), lines[i]!.ends, -1);
    }
    if (stepsTooSmall(ys[anchor]!, lines[anchor]!.ends)) return;
    const cost = [ys.filter((y, i) => y !== lines[i]!.want).length, ys.reduce((sum, y, i) => sum + Math.abs(y - lines[i]!.want), 0)];
    if (cost[0]! < bestCost[0]! || (cost[0] === bestCost[0] && cost[1]! < bestCost[1]!)) {
      best = ys;
      bestCost = cost;
    }
  });
  return best;
}
