/**
 * A batch spread over browsers, for `render` and `test` alike. Each lane is one warm browser
 * (RenderLane: restarted and its item retried once after a crash or hang) that takes the next
 * item nobody has claimed, lays the items after it out ahead while it draws (PlanAhead), and
 * finishes each item — checks, comparison, writing — in order while it draws the next
 * (InOrder). Under `jobs: 'auto'` the batch starts with one lane and opens another while the
 * machine's cores are measured to be idle (LaneScaler, docs/decisions/018).
 */
import { UsageError } from '../errors.js';
import type { Plan, Renderer } from '../renderer.js';
import { mark } from '../trace.js';
import { InOrder } from './in-order.js';
import { RenderLane } from './lane.js';
import { AUTO_SCALING, LaneScaler, type ScalingRule, type ScalingWindow } from './lane-scaler.js';
import { PLAN_DEPTH, PlanAhead } from './plan-ahead.js';

/** `--jobs`: `auto` (the default) or a whole number of browsers from 1 to 16. */
export function parseJobs(raw: string | undefined): number | 'auto' {
  if (raw === undefined || raw === 'auto') return 'auto';
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)
    throw new UsageError(`--jobs: "${raw}" is not "auto" or a whole number from 1 to 16`);
  return jobs;
}

export interface LanesOptions {
  /** How many items the batch has (indices 0 … count − 1). */
  readonly count: number;
  /** Opens a browser; undefined for a batch that draws without one (it then runs one lane without a browser). */
  readonly open: (() => Promise<Renderer>) | undefined;
  /** A browser already starting, for the first lane. */
  readonly first?: Promise<Renderer> | undefined;
  /** Lanes side by side, or `auto`: one, and more while the cores are measured idle. */
  readonly jobs: number | 'auto';
  /** When `jobs` is `auto`: the rule for opening another browser (default AUTO_SCALING). */
  readonly scaling?: ScalingRule | undefined;
  /** Milliseconds one item may take before its browser is declared hung. */
  readonly timeout: number;
  /** Lays item `index` out ahead on `renderer`, the drawing tab left as it is; undefined when it will not be drawn. */
  readonly planAhead: (renderer: Renderer, index: number) => Promise<Plan | undefined>;
}

/** One item's turn on a lane: `Lane` is RenderLane in a batch with browsers, undefined in one without. */
export interface LaneTurn<Lane extends RenderLane | undefined = RenderLane | undefined> {
  readonly index: number;
  /** The lane's browser. */
  readonly lane: Lane;
  /**
   * The item's plan when it was laid out ahead on this renderer (else undefined: plan it now);
   * the items after it are then laid out ahead on the same renderer while this one draws.
   */
  planned(renderer: Renderer): Promise<Plan | undefined>;
  /** Says a capture was taken: the clock by which another browser is opened. */
  captured(): void;
}

/**
 * One item up to its capture, on its lane; what it returns finishes the item and runs in order
 * while the lane draws the next. An error it throws (or its finish throws) stops the batch:
 * an item's own failure is to be returned as its result.
 */
export type LaneWork<R, Lane extends RenderLane | undefined = RenderLane | undefined> = (turn: LaneTurn<Lane>) => Promise<() => Promise<R>>;

export interface LanesReport {
  /** Browsers that rendered in the batch. */
  readonly browsers: number;
  /** What `auto` measured, window by window (empty otherwise). */
  readonly windows: readonly ScalingWindow[];
}

/** Runs every item through `work` on the lanes and gives each result to `done` (each lane's in its order). */
export function runLanes<R>(
  options: LanesOptions & { readonly open: () => Promise<Renderer> },
  work: LaneWork<R, RenderLane>,
  done: (result: R, index: number) => void,
): Promise<LanesReport>;
export function runLanes<R>(options: LanesOptions, work: LaneWork<R>, done: (result: R, index: number) => void): Promise<LanesReport>;
export async function runLanes<R>(
  options: LanesOptions,
  given: LaneWork<R, RenderLane>,
  done: (result: R, index: number) => void,
): Promise<LanesReport> {
  // Called with an undefined lane only in a batch without browsers, whose caller passed work
  // that takes one (the second signature).
  const work = given as LaneWork<R>;
  const { count, open } = options;
  const lanes = open
    ? Array.from(
        { length: Math.min(options.jobs === 'auto' ? 1 : options.jobs, count) },
        (_, i) => new RenderLane(open, options.timeout, i === 0 ? options.first : undefined),
      )
    : [];
  const rule = options.scaling ?? AUTO_SCALING;
  const scaler = lanes.length > 0 && options.jobs === 'auto' && count > rule.minRemaining ? new LaneScaler(rule) : undefined;
  const running: Promise<void>[] = [];
  let browsers = lanes.length;
  let next = 0;

  const addLane = (opener: () => Promise<Renderer>) => {
    const idle = scaler?.windows.at(-1)?.idle ?? 0;
    mark(`lane ${lanes.length + 1} (cores ${Math.round(idle * 100)}% idle)`);
    const opening = opener();
    const lane = new RenderLane(opener, options.timeout, opening);
    lanes.push(lane);
    // The lane claims items once its browser is up, and an extra browser that cannot start is
    // not the batch's failure: the lanes already running go on.
    const working = opening.then(
      () => {
        browsers++;
        return runLane(lane);
      },
      (error: unknown) => mark(`lane ${lanes.indexOf(lane) + 1} did not start: ${String(error)}`),
    );
    working.catch(() => undefined); // surfaces through the wait below
    running.push(working);
  };

  const runLane = async (lane: RenderLane | undefined) => {
    const prefetch = new PlanAhead();
    /** The items this lane has claimed to plan ahead, in order. */
    const claimed: number[] = [];
    const finishing = new InOrder();
    let captures = 0;
    for (let index = next++; index < count; index = claimed.shift() ?? next++) {
      const turn = index;
      const finish = await work({
        index: turn,
        lane,
        planned: async (renderer) => {
          const ready = await prefetch.take(turn, renderer);
          while (claimed.length < PLAN_DEPTH && next < count) claimed.push(next++);
          for (const ahead of claimed) prefetch.start(ahead, renderer, () => options.planAhead(renderer, ahead));
          return ready;
        },
        captured: () => {
          if (open && scaler?.captured(captures++ === 0, count - next)) addLane(open);
        },
      });
      await finishing.add(finish, (result) => done(result, turn));
    }
    // Every capture is taken: the browser shuts down while the last items finish.
    const closing = lane?.close();
    await finishing.done();
    await closing;
  };

  try {
    running.push(...(lanes.length > 0 ? lanes.map(runLane) : [runLane(undefined)]));
    // Lanes opened meanwhile are waited for too.
    for (let waited = 0; waited < running.length;) {
      const started = running.length;
      await Promise.all(running.slice(waited));
      waited = started;
    }
  } finally {
    if (scaler) {
      const shown = (w: ScalingWindow) =>
        `${Math.round(w.idle * 100)}%` +
        (w.overBudgetMiB ? ` (${Math.round(w.overBudgetMiB)} MiB with one more browser: over budget)` : '') +
        (w.treeMiB && !w.overBudgetMiB ? ` (${Math.round(w.treeMiB)} MiB)` : '');
      mark(`idle cores by window: ${scaler.windows.map(shown).join(', ')}`);
    }
    mark('closing');
    await Promise.all(lanes.map((lane) => lane.close()));
    mark('closed');
  }
  return { browsers, windows: scaler?.windows ?? [] };
}
