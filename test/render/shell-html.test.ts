import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shellHtml } from '../../src/render/shell-html.js';

const assets = (script: string, css = 'body{margin:0}') =>
  new Map([
    ['page.js', Buffer.from(script)],
    ['page.css', Buffer.from(css)],
  ]);

describe('the page shell document', () => {
  it('lets exactly its own script run, and nothing load but data: fonts and images', () => {
    const html = shellHtml(assets('window.cyanotype={};'));
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update('window.cyanotype={};').digest('base64');
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${hash}'`,
      "style-src 'unsafe-inline'",
      'font-src data:',
      'img-src data:',
      "connect-src 'none'",
    ]);
    expect(html).toContain('<script type="module">window.cyanotype={};</script>');
    expect(html).toContain('<style>body{margin:0}</style>');
  });

  it('cannot be ended early by a bundle that contains a closing tag', () => {
    const html = shellHtml(assets('const s = "</script><img src=x>";', 'a::after{content:"</style>"}'));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // The hash is of the script as written into the page, escapes included.
    const written = /<script type="module">([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(html).toContain(`'sha256-${createHash('sha256').update(written).digest('base64')}'`);
  });
});
