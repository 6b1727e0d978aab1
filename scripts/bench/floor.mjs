// The floor a render cannot beat: launch Chromium with cyanotype's flags, set a page,
// screenshot 1024×1024 as PNG, close. Plain JavaScript so no compile step is timed.
//
//   node floor.mjs [n]                 n small pages (one heading each) in one browser (default 1)
//   node floor.mjs --pictures <dir>    every static page in <dir> (scripts/bench/snapshot.mjs: a
//                                      finished cyanotype picture, no script) in one browser;
//                                      with --out <dir>, the screenshots are written there
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchTab } from './launch.mjs';

const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const pictures = option('--pictures');
const out = option('--out');
const pages = pictures
  ? readdirSync(pictures)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({ name: f.replace(/\.html$/, ''), html: readFileSync(join(pictures, f), 'utf8') }))
  : Array.from({ length: Number(process.argv[2] ?? 1) }, (_, i) => ({
      name: `floor-${i}`,
      html: `<!doctype html><body style="margin:0;background:#0a2252;color:#dff;font:16px sans-serif"><h1>floor ${i}</h1></body>`,
    }));
if (out) mkdirSync(out, { recursive: true });

const { browser, page } = await launchTab();
for (const { name, html } of pages) {
  await page.setContent(html);
  // A picture's type is in web fonts: shoot once they are in.
  if (pictures) await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 1024, height: 1024 } });
  if (out) writeFileSync(join(out, `${name}.png`), png);
}
await browser.close();
