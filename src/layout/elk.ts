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
  instance ??= load().then((Elk) => new Elk());
  return instance;
}
