/**
 * A batch's quality checks and PNG compaction on a worker thread, so the main thread stays free to answer
 * Chromium: measured on 2 cores, a main thread busy with the previous item's work left each CDP
 * reply waiting 20–30 ms, and Chromium idle with it (docs/decisions/008). Layout ran here too
 * while it was ELK's; at ~1 ms a spec it now runs on the calling thread (decision 014). A
 * single render keeps everything in-process: a worker's start-up would cost it more than it
 * saves.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { CheckInput } from '../check/check.js';
import type { Finding } from '../check/findings.js';
import type { Finished, FinishInput } from './finish.js';
import { packageRoot } from '../package-root.js';
import { traceOrigin } from '../trace.js';
import { tierUpLater } from './tiering.js';

/** Messages to the worker: the checks of a render (test), or a capture to compact and check (render). */
export type OffloadRequest =
  | { readonly id: number; readonly kind: 'check'; readonly input: CheckInput }
  | { readonly id: number; readonly kind: 'finish'; readonly input: FinishInput };

/** Messages from the worker: a value, or the message of what it threw. */
export type OffloadReply = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string };

export interface OffloadOptions {
  /** Load the spelling word list at start (the checks will need it). */
  readonly spelling: boolean;
}

interface Pending {
  readonly request: OffloadRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class Offload {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set once the worker has died: from then on (and for what it held) work runs in-process. */
  private dead = false;
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: OffloadReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.value);
      if (this.pending.size === 0) worker.unref();
    });
    const die = () => {
      if (this.dead) return;
      this.dead = true;
      const orphans = [...this.pending.values()];
      this.pending.clear();
      for (const waiting of orphans) inProcess(waiting.request).then(waiting.resolve, waiting.reject);
    };
    worker.on('error', die);
    worker.on('exit', die);
    // An idle worker must not keep a finished command alive.
    worker.unref();
  }

  /**
   * Starts the worker from its built bundle (scripts/build-cli.ts), which tests and the CLI
   * share. Only a batch starts one, so this is also where the process is told to optimise
   * later (tiering.ts).
   */
  static start(options: OffloadOptions): Offload {
    tierUpLater();
    const script = join(packageRoot(), 'dist', 'cli', 'offload-worker.mjs');
    return new Offload(new Worker(script, { workerData: { ...options, traceOrigin } }));
  }

  /** All quality checks of one render (see checkRender). */
  check(input: CheckInput): Promise<Finding[]> {
    return this.send({ id: this.nextId++, kind: 'check', input }) as Promise<Finding[]>;
  }

  /** A capture compacted, and checked when asked (see finishCapture). */
  finish(input: FinishInput): Promise<Finished> {
    return this.send({ id: this.nextId++, kind: 'finish', input }) as Promise<Finished>;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private send(request: OffloadRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the checks worker was closed'));
    if (this.dead) return inProcess(request);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }
}

/** The same work on the calling thread (a worker that died). */
async function inProcess(request: OffloadRequest): Promise<unknown> {
  if (request.kind === 'finish') return (await import('./finish.js')).finishCapture(request.input);
  return (await import('../check/check.js')).checkRender(request.input);
}
