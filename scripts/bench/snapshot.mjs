// Turns self-contained HTML renders (`cyanotype render --format html`, which lay out and draw
// in the page) into static pages: the finished DOM, shadow roots declared inline with their
// styles, no script. Such a page is the picture and nothing else — what the "same pictures"
// floor sets and screenshots. `node snapshot.mjs <html dir> <out dir>`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchTab } from './launch.mjs';

const [from, to] = process.argv.slice(2);
mkdirSync(to, { recursive: true });
const { browser, page } = await launchTab();
for (const file of readdirSync(from).filter((f) => f.endsWith('.html'))) {
  await page.goto(pathToFileURL(resolve(from, file)).href);
  await page.waitForSelector('cy-artboard[data-cyanotype-state="rendered"]', { timeout: 30_000 });
  const html = await page.evaluate(() => {
    const roots = [];
    const visit = (node) => {
      for (const element of node.querySelectorAll('*')) {
        if (!element.shadowRoot) continue;
        const root = element.shadowRoot;
        roots.push(root);
        // Constructed style sheets are not serialised: write them out as <style> first, from
        // Lit's own text (CSSOM re-serialises a shorthand holding var() as empty longhands).
        const lit = element.constructor.elementStyles;
        const css = Array.isArray(lit)
          ? lit.map((style) => style.cssText ?? '').join('\n')
          : root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
        if (css) root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
        visit(root);
      }
    };
    visit(document);
    for (const script of document.querySelectorAll('script')) script.remove();
    document.querySelector('meta[http-equiv]')?.remove();
    const attributes = [...document.documentElement.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
    return `<!doctype html><html${attributes}>${document.documentElement.getHTML({ shadowRoots: roots })}</html>`;
  });
  writeFileSync(join(to, file), html);
}
await browser.close();
