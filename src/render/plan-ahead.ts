/**
 * The next items' plans in a batch, started while the current item draws (Renderer.plan with
 * timing 'ahead'). Two ahead, so the layout worker always has the next layout waiting: with
 * one, it sat idle from finishing item n+1's layout until item n+2 had been measured, behind
 * item n's draw in the tab (~35 ms of every item, in a trace of the 50 bench specs). A plan is
 * good only for its item on the renderer that made it: a browser replaced after a crash means
 * planning afresh.
 */
import type { Plan, Renderer } from '../renderer.js';

/** How many items ahead of the one drawing a batch plans. */
export const PLAN_DEPTH = 2;

export class PlanAhead {
  private readonly plans = new Map<number, { readonly renderer: Renderer; readonly plan: Promise<Plan | undefined> }>();

  /**
   * Starts item `index`'s plan on `renderer`, unless it is already under way there; its
   * failure is met again when that item's turn comes (it is then planned afresh).
   */
  start(index: number, renderer: Renderer, plan: () => Promise<Plan | undefined>): void {
    if (this.plans.get(index)?.renderer === renderer) return;
    const planned = plan();
    planned.catch(() => undefined);
    this.plans.set(index, { renderer, plan: planned });
  }

  /** The plan started for item `index` on `renderer`, if there is one and it succeeded. */
  async take(index: number, renderer: Renderer): Promise<Plan | undefined> {
    const started = this.plans.get(index);
    this.plans.delete(index);
    return started?.renderer === renderer ? await started.plan.catch(() => undefined) : undefined;
  }
}
