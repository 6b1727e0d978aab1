/**
 * One lane of a batch: a renderer that outlives a crash. Each item runs under a timeout; when
 * the browser crashes or hangs, it is killed, a fresh one is started and the item is tried once
 * more. A second failure fails only that item; the lane goes on with the next one.
 */
import { CyanotypeError, RenderError } from '../errors.js';
import type { Renderer } from '../renderer.js';
import { withTimeout } from './with-timeout.js';

export interface LaneResult<T> {
  readonly value: T;
  /** True when the first attempt died with the browser and the second one succeeded. */
  readonly retried: boolean;
}

class Timeout extends Error {}

export class RenderLane {
  private renderer: Promise<Renderer> | undefined;
  /** Browsers this lane had to replace after a crash or hang. */
  restarts = 0;

  constructor(
    private readonly open: () => Promise<Renderer>,
    private readonly timeoutMs: number,
    first?: Promise<Renderer>,
  ) {
    this.renderer = first;
  }

  async run<T>(item: string, work: (renderer: Renderer) => Promise<T>): Promise<LaneResult<T>> {
    let firstFailure = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      // A browser that cannot start at all is not this item's fault: it stops the run.
      const renderer = await (this.renderer ??= this.open());
      const pending = work(renderer);
      pending.catch(() => undefined); // a hung attempt may reject after the browser is killed
      try {
        return { value: await withTimeout(pending, this.timeoutMs, () => new Timeout()), retried: attempt > 0 };
      } catch (error) {
        const hung = error instanceof Timeout;
        // A spec or layout problem (or a browser that cannot start) fails the same way every time: no retry.
        if (!hung && renderer.connected && error instanceof CyanotypeError) throw error;
        const what = hung ? `did not finish within ${this.timeoutMs} ms` : `the browser crashed (${firstLine(error)})`;
        renderer.kill();
        await renderer.close().catch(() => undefined);
        this.renderer = undefined;
        this.restarts++;
        if (attempt === 0) {
          firstFailure = what;
          continue;
        }
        throw new RenderError(item, `${firstFailure}; retried with a fresh browser: ${what}`, String(error));
      }
    }
    throw new RenderError(item, 'unreachable');
  }

  /** Closes the browser; closing again (or a lane that never opened one) does nothing. */
  async close(): Promise<void> {
    const opened = this.renderer;
    this.renderer = undefined;
    await (await opened?.catch(() => undefined))?.close();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
