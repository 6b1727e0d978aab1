/**
 * A render as one self-contained HTML file: the page shell with its full script (layout runs in
 * the page), fonts and the document inlined (see pageDocument). It opens offline in any browser
 * and draws exactly what the PNG shows.
 */
import type { RenderDocument } from '../document.js';
import { EXTRA_FACES_FILE, needsExtraFaces } from '../fonts/extra-faces.js';
import { pageDocument } from './shell-html.js';

export function standaloneHtml(doc: RenderDocument, assets: ReadonlyMap<string, Buffer>): string {
  // The Latin Extended faces when the document has a character they are for (the file has no
  // renderer to add them when needed); a Latin document's file goes without their ~240 KB.
  const extra = assets.get(EXTRA_FACES_FILE);
  const fonts = assets.get('page.css')?.toString('utf8') ?? '';
  return pageDocument({
    script: assets.get('page-full.js')?.toString('utf8') ?? '',
    style: extra && needsExtraFaces(JSON.stringify(doc.spec), extra) ? `${fonts}\n${extra.toString('utf8')}` : fonts,
    title: doc.spec.title,
    data: doc,
  });
}
