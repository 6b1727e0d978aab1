/**
 * A render as one self-contained HTML file: the page shell with its full script (layout runs in
 * the page), fonts and the document inlined (see pageDocument). It opens offline in any browser
 * and draws exactly what the PNG shows.
 */
import type { RenderDocument } from '../document.js';
import { EXTRA_FACE_FILES, needsExtraFaces } from '../fonts/extra-faces.js';
import { FULL_PAGE_SCRIPT, pageAsset, requiredPageAsset } from './page-assets.js';
import { pageDocument } from './shell-html.js';

export function standaloneHtml(doc: RenderDocument, assets: ReadonlyMap<string, Buffer>): string {
  // The extra faces the document has a character for (the file has no renderer to add them when
  // needed); a Latin document's file goes without them (~240 KB and ~680 KB).
  const text = JSON.stringify(doc.spec);
  const extra = EXTRA_FACE_FILES.filter((file) => needsExtraFaces(text, () => pageAsset(assets, file))).map((file) =>
    pageAsset(assets, file),
  );
  return pageDocument({
    script: requiredPageAsset(FULL_PAGE_SCRIPT, assets).toString('utf8'),
    style: [assets.get('page.css'), ...extra].map((css) => css?.toString('utf8') ?? '').join('\n'),
    title: doc.spec.title,
    data: doc,
  });
}
