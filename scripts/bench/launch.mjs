// The bench's plain-Puppeteer browser (the floors and snapshot.mjs): launched by Puppeteer
// itself, with cyanotype's own Chromium flags, one 1024×1024 tab.
import puppeteer from 'puppeteer';
import { launchFlags, machineFlags } from '../../dist/node/render/launch-args.js';
import { findBrowser } from '../../dist/node/render/find-browser.js';

export async function launchTab() {
  const executablePath = findBrowser();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...launchFlags(), ...machineFlags(executablePath)],
    defaultViewport: { width: 1024, height: 1024 },
  });
  const [page] = await browser.pages();
  return { browser, page };
}
