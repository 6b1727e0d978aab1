/**
 * The next item's plan in a batch, started while the current item draws (Renderer.plan with
 * timing 'ahead'). It is good only for that item on that renderer: a browser replaced after a
 * crash, or a different next item, means planning afresh.
 */
import type { Plan, Renderer } from '../renderer.js';

export class PlanAhead {
  private next: { readonly index: number; readonly renderer: Renderer; readonly plan: Promise<Plan | undefined> } | undefined;

  /** Starts (or forgets, with no plan) the plan of item `index`; its failure is met again when that item's turn comes. */
  start(index: number, renderer: Renderer, plan: Promise<Plan | undefined> | undefined): void {
    plan?.catch(() => undefined);
    this.next = plan ? { index, renderer, plan } : undefined;
  }

  /** The plan started for item `index` on `renderer`, if there is one and it succeeded. */
  async take(index: number, renderer: Renderer): Promise<Plan | undefined> {
    const next = this.next;
    return next?.index === index && next.renderer === renderer ? await next.plan.catch(() => undefined) : undefined;
  }
}
