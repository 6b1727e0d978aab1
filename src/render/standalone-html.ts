/**
 * A render as one self-contained HTML file: the page shell with its full script (layout runs in
 * the page), fonts and the document inlined (see pageDocument). It opens offline in any browser
 * and draws exactly what the PNG shows.
 */
import type { RenderDocument } from '../document.js';
import { pageDocument } from './shell-html.js';

export function standaloneHtml(doc: RenderDocument, assets: ReadonlyMap<string, Buffer>): string {
  return pageDocument({
    script: assets.get('page-full.js')?.toString('utf8') ?? '',
    style: assets.get('page.css')?.toString('utf8') ?? '',
    title: doc.spec.title,
    data: doc,
  });
}
