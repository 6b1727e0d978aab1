/**
 * A render as one self-contained HTML file: the page shell with its script, fonts and the
 * document inlined. It opens offline in any browser and draws exactly what the PNG shows.
 */
import { createHash } from 'node:crypto';
import type { RenderDocument } from '../document.js';

export function standaloneHtml(doc: RenderDocument, assets: ReadonlyMap<string, Buffer>): string {
  const script = (assets.get('page-full.js')?.toString('utf8') ?? '').replace(/<\/script/gi, '<\\/script');
  const style = (assets.get('page.css')?.toString('utf8') ?? '').replace(/<\/style/gi, '<\\/style');
  // "<" escaped so no spec text can close the data block and start markup.
  const data = JSON.stringify(doc).replace(/</g, '\\u003c');
  const hash = createHash('sha256').update(script).digest('base64');
  const title = doc.spec.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${title}</title>
<style>${style}</style>
<script type="application/json" id="cyanotype-document">${data}</script>
<script type="module">${script}</script>
</head>
<body><div id="stage"></div></body>
</html>
`;
}
