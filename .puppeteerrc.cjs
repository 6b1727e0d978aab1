// Puppeteer's postinstall downloads Chrome. Where a system browser cyanotype renders with is
// present (or the network cannot reach Chrome's download host) that download only fails the
// install, so skip it then; set CYANOTYPE_DOWNLOAD_BROWSER=1 to force Puppeteer's own browser.
// The list is src/render/find-browser.ts's SYSTEM_BROWSERS (test/render/find-browser.test.ts
// keeps the two equal): this file runs at install time, before any TypeScript can.
const { existsSync } = require('node:fs');

const systemBrowsers = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

module.exports = {
  skipDownload:
    process.env.CYANOTYPE_DOWNLOAD_BROWSER !== '1' &&
    (systemBrowsers.some((path) => existsSync(path)) || process.env.PUPPETEER_SKIP_DOWNLOAD === 'true'),
  systemBrowsers,
};
