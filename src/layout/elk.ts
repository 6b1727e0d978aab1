/**
 * The one place that creates an ELK instance. elk.bundled.js runs ELK's GWT-compiled Java in
 * the calling thread (no Worker), which works the same in Node and in the page. It is loaded
 * on first use; Node may load it through V8's code cache instead (elk-code-cache.ts).
 */
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';

export type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';

export type ElkConstructor = new () => ElkApi;

/** The default: a plain dynamic import (bundled into the dev page by esbuild). */
let load: () => Promise<ElkConstructor> = async () => {
  const module = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default?: unknown };
  // elk.bundled.js is CommonJS: Node and bundlers hand over module.exports (the constructor)
  // where the typings promise an ES default export.
  return (module.default ?? module) as ElkConstructor;
};

let instance: Promise<ElkApi> | undefined;

/** Replaces how ELK is loaded; only before the first layout. */
export function setElkLoader(loader: () => Promise<ElkConstructor>): void {
  if (!instance) load = loader;
}

export function elk(): Promise<ElkApi> {
  instance ??= load().then((Elk) => dispatchDirectly(new Elk()));
  return instance;
}

/** The parts of elk.bundled.js's in-thread messaging that dispatchDirectly() rewires. */
interface InThreadMessaging {
  /** Set once the constructor's registration of the layout algorithms has been answered. */
  readonly initialized?: boolean;
  readonly worker?: {
    receive?: (self: unknown, answer: { data: unknown }) => void;
    readonly worker?: {
      postMessage: (data: unknown) => void;
      onmessage: (answer: { data: unknown }) => void;
      readonly dispatcher?: { saveDispatch?: (message: { data: unknown }) => void };
    };
  };
}

/**
 * elk.bundled.js passes each request to its in-thread "worker", and each answer back, through
 * setTimeout(0) — two timer turns per layout call although both ends run in this thread: ~2.6
 * ms a call in Node, 40% of the layout time of the 50 bench specs (1.24 → 0.78 s, the same
 * layouts). Here the request is dispatched at once and the answer handed straight to the
 * promise waiting for it. An ELK whose internals are not these is left as it is.
 */
async function dispatchDirectly(api: ElkApi): Promise<ElkApi> {
  const messaging = api as unknown as InThreadMessaging;
  const promised = messaging.worker;
  const inThread = promised?.worker;
  const receive = promised?.receive;
  const saveDispatch = inThread?.dispatcher?.saveDispatch;
  if (!promised || !inThread || typeof receive !== 'function' || typeof saveDispatch !== 'function') return api;
  // The constructor registered the layout algorithms through the timers; a layout dispatched
  // before that registration has run would find no algorithm.
  for (let turn = 0; !messaging.initialized && turn < 100; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  inThread.postMessage = (data) => saveDispatch.call(inThread.dispatcher, { data });
  inThread.onmessage = (answer) => receive.call(promised, promised, answer);
  return api;
}
