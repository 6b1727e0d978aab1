import { describe, expect, it } from 'vitest';
import type { Column, ColumnPlan, InterEdge, Side } from '../../src/layout/columns.js';
import { MIN_STEP } from '../../src/layout/lane.js';
import { routeColumns } from '../../src/layout/route.js';
import type { Point } from '../../src/layout/types.js';
import { fakeMetrics } from '../support/fake-metrics.js';
import { arrowsBeside } from '../support/geometry.js';

/** A bare column of the given height (routing reads only its size). */
const column = (index: number, height: number): Column => ({
  index,
  band: undefined,
  width: 200,
  height,
  titleRect: undefined,
  units: [],
  intra: [],
  rails: 0,
});

/** An arrow from column `from` at height `y0` to column `to` at height `y1`, labelled when `label` is given. */
function arrow(id: string, from: number, y0: number, to: number, y1: number, label?: string, slack = 0): InterEdge {
  const port = (side: Side, y: number, suffix: string) => ({
    id: `${id}:${suffix}`,
    side,
    at: { x: side === 'EAST' ? 200 : 0, y },
    attach: { x: side === 'EAST' ? 200 : 0, y },
    slack: { up: slack, down: slack },
  });
  const forward = to > from;
  return {
    edge: {
      id,
      connection: id,
      from: { unit: `${id}-from` },
      to: { unit: `${id}-to` },
      main: true,
      label: label ? { text: label, lines: [label], width: label.length * 7, height: 16, overflows: false } : undefined,
    },
    fromColumn: from,
    toColumn: to,
    source: port(forward ? 'EAST' : 'WEST', y0, 'out'),
    target: port(forward ? 'WEST' : 'EAST', y1, 'in'),
  };
}

/** The vertical steps of a route, in order. */
const steps = (points: readonly Point[]) =>
  points
    .slice(1)
    .flatMap((p, k) => (Math.abs(p.x - points[k]!.x) < 0.01 && Math.abs(p.y - points[k]!.y) > 0.01 ? [Math.abs(p.y - points[k]!.y)] : []));

describe('routeColumns', () => {
  it('turns an arrow by a clear step or not at all when labels arriving close together are stacked', () => {
    // Labels 22 px tall arriving 23 px apart: the lane must pull them apart, and a least-squares
    // fit alone would leave each arrow with a step of a pixel or two just before its head.
    const plan: ColumnPlan = {
      columns: [column(0, 300), column(1, 300)],
      inter: [arrow('rows', 0, 60, 1, 200, 'rows'), arrow('replay', 0, 250, 1, 223, 'replay')],
    };
    const routed = routeColumns(plan, fakeMetrics);
    for (const route of routed.inter) {
      for (const step of steps(route.points)) expect(step, `${route.edgeId} steps ${step} px`).toBeGreaterThanOrEqual(8);
    }
    // One of the two arrives straight: its run through the lane is at its port's height.
    const straight = routed.inter.filter((r) => steps(r.points.slice(-3)).length === 0);
    expect(straight.length).toBeGreaterThanOrEqual(1);
  });

  it('runs an arrow past a column level with its own end when that end is already clear of the column', () => {
    // Column 1 is short and centred; the arrow starts high enough to pass over it straight.
    const plan: ColumnPlan = {
      columns: [column(0, 400), column(1, 100), column(2, 400)],
      inter: [arrow('over', 0, 20, 2, 300)],
    };
    const routed = routeColumns(plan, fakeMetrics);
    const points = routed.inter[0]!.points;
    const { x: left, y: top } = routed.columnOrigins[1]!;
    // The segment over column 1 runs at the start's height (20), above the column.
    const over = points.slice(1).flatMap((p, k) => {
      const q = points[k]!;
      return Math.abs(p.y - q.y) < 0.01 && Math.min(p.x, q.x) <= left && Math.max(p.x, q.x) >= left + 200 ? [p.y] : [];
    });
    expect(over).toEqual([20]);
    expect(20).toBeLessThan(top);
    expect(steps(points.slice(0, 3))).toEqual([]);
  });

  it('straightens an arrow whose ports are a few pixels apart by moving a port within its slack, and only then', () => {
    const route = (slack: number) =>
      routeColumns({ columns: [column(0, 300), column(1, 300)], inter: [arrow('near', 0, 100, 1, 105, 'near', slack)] }, fakeMetrics)
        .inter[0]!.points;
    const straight = route(10);
    expect(new Set(straight.map((p) => p.y))).toEqual(new Set([100]));
    // Without room to move, the arrow keeps its ports and steps.
    const stepped = route(0);
    expect(stepped[0]!.y).toBe(100);
    expect(stepped.at(-1)!.y).toBe(105);
  });

  /** Every pair of routes running level (or upright) closer than ports are spaced, and every step under MIN_STEP. */
  const flaws = (plan: ColumnPlan) => {
    const routed = routeColumns(plan, fakeMetrics);
    const paths = routed.inter.map((r) => ({ id: r.edgeId, points: r.points }));
    return {
      beside: arrowsBeside(paths, 6, 2).map((b) => `${b.a}/${b.b} ${b.gap} px apart`),
      steps: routed.inter.flatMap((r) =>
        steps(r.points)
          .filter((step) => step < MIN_STEP)
          .map((step) => `${r.edgeId} steps ${step}`),
      ),
    };
  };

  it("puts the tracks in the order where no arrow's run lies beside another's stub out of its column", () => {
    // `up` arrives at 42, a pixel under where `down` leaves: with up's track left of down's, up's
    // run would lie along down's stub out of column 0. The other order costs the same crossings.
    const plan: ColumnPlan = {
      columns: [column(0, 400), column(1, 400)],
      inter: [arrow('up', 0, 343, 1, 42), arrow('down', 0, 41, 1, 221)],
    };
    expect(flaws(plan)).toEqual({ beside: [], steps: [] });
  });

  it('runs arrows past a column a track apart, with no small step from where they come or go', () => {
    // Two arrows leave one port at 41 and a third comes up from 689; all pass over column 1,
    // whose top (70) leaves the first line out from it (56) a track's spacing under 41 + 12.
    const plan: ColumnPlan = {
      columns: [column(0, 800), column(1, 660), column(2, 800)],
      inter: [arrow('a', 0, 41, 2, 160), arrow('b', 0, 689, 2, 94), arrow('c', 0, 41, 2, 575)],
    };
    expect(flaws(plan)).toEqual({ beside: [], steps: [] });
  });

  it('keeps the height an arrow runs at past one column past the next, when that is clear', () => {
    // The arrow passes under columns 1 and 2, whose bottoms are 5 px apart.
    const plan: ColumnPlan = {
      columns: [column(0, 800), column(1, 600), column(2, 590), column(3, 800)],
      inter: [arrow('far', 0, 689, 3, 151)],
    };
    expect(flaws(plan)).toEqual({ beside: [], steps: [] });
  });

  it('keeps every route orthogonal, from its source port to its target port, backwards too', () => {
    const plan: ColumnPlan = {
      columns: [column(0, 300), column(1, 200), column(2, 300)],
      inter: [arrow('a', 0, 40, 1, 50, 'forward'), arrow('b', 2, 250, 0, 260, 'back over'), arrow('c', 1, 150, 2, 100)],
    };
    const routed = routeColumns(plan, fakeMetrics);
    for (const route of routed.inter) {
      const e = plan.inter.find((i) => i.edge.id === route.edgeId)!;
      const first = route.points[0]!;
      const last = route.points.at(-1)!;
      expect(first.y).toBe(routed.columnOrigins[e.fromColumn]!.y + e.source.at.y);
      expect(last.y).toBe(routed.columnOrigins[e.toColumn]!.y + e.target.at.y);
      route.points.slice(1).forEach((p, k) => {
        const q = route.points[k]!;
        expect(Math.abs(p.x - q.x) < 0.01 || Math.abs(p.y - q.y) < 0.01, `${route.edgeId} is orthogonal`).toBe(true);
      });
    }
  });
});
