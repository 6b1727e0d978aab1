/**
 * The one place that creates an ELK instance. elk.bundled.js runs ELK's GWT-compiled Java in
 * the calling thread (no Worker), which works the same in Node and in the page.
 */
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';

export type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';

// elk.bundled.js is CommonJS: Node and bundlers hand over module.exports (the constructor)
// where the typings promise an ES default export.
const ElkConstructor = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as new () => ElkApi;

let instance: ElkApi | undefined;

export function elk(): ElkApi {
  instance ??= new ElkConstructor();
  return instance;
}
