/**
 * cyanotype's page as one self-contained document: a module script and a style sheet inline,
 * under a Content-Security-Policy that lets exactly that script run (by its hash) and lets
 * nothing load but data: fonts and images. Two documents are made this way: the drawing tab's
 * shell (shellHtml), which Chromium opens as its start page from the profile it is launched
 * with (decision 016; written into the tab when it cannot) — a navigation to a bundle served by
 * request interception took three round trips through Node (~90 ms of a cold render) — and the
 * standalone HTML output (standalone-html.ts), which carries its document as a JSON block.
 */
import { createHash } from 'node:crypto';

export interface PageParts {
  /** The page script (an ES module). */
  readonly script: string;
  readonly style: string;
  readonly title: string;
  /** A value for the page to read from `<script type="application/json" id="cyanotype-document">`. */
  readonly data?: unknown;
}

export function pageDocument({ script, style, title, data }: PageParts): string {
  // No bundle or spec text can close its element early and start markup.
  const code = script.replace(/<\/script/gi, '<\\/script');
  const css = style.replace(/<\/style/gi, '<\\/style');
  const hash = createHash('sha256').update(code).digest('base64');
  const heading = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const block =
    data === undefined
      ? ''
      : `<script type="application/json" id="cyanotype-document">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; font-src data:; img-src data:; connect-src 'none'">
<title>${heading}</title>
<style>${css}</style>
${block}<script type="module">${code}</script>
</head>
<body><div id="stage"></div></body>
</html>
`;
}

/** The drawing tab's shell: the lean page script (layout happens in Node) and the fonts. */
export function shellHtml(assets: ReadonlyMap<string, Buffer>): string {
  return pageDocument({
    script: assets.get('page.js')?.toString('utf8') ?? '',
    style: assets.get('page.css')?.toString('utf8') ?? '',
    title: 'cyanotype',
  });
}
