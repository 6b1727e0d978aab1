// The floor a render cannot beat: launch Chromium with cyanotype's flags, set a small page,
// screenshot 1024×1024 as PNG, close. `node floor.mjs 50` does 50 pages in one browser (the
// floor of a batch). Plain JavaScript so no compile step is timed.
import puppeteer from 'puppeteer';
import { launchFlags, machineFlags } from '../../dist/node/render/launch-args.js';
import { findBrowser } from '../../dist/node/render/session.js';

const pages = Number(process.argv[2] ?? 1);
const browser = await puppeteer.launch({
  executablePath: findBrowser(),
  headless: true,
  args: [...launchFlags(), ...machineFlags()],
  defaultViewport: { width: 1024, height: 1024 },
});
const [page] = await browser.pages();
for (let i = 0; i < pages; i++) {
  await page.setContent(
    `<!doctype html><body style="margin:0;background:#0a2252;color:#dff;font:16px sans-serif"><h1>floor ${i}</h1></body>`,
  );
  await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 1024, height: 1024 } });
}
await browser.close();
