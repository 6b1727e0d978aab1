// Puppeteer's postinstall downloads Chrome. Where a system browser cyanotype renders with is
// present (or the network cannot reach Chrome's download host) that download only fails the
// install, so skip it then; set CYANOTYPE_DOWNLOAD_BROWSER=1 to force Puppeteer's own browser.
// The places looked at are find-browser.ts's SYSTEM_BROWSERS, read from its source: this file
// runs at install time, before any TypeScript can (test/render/find-browser.test.ts checks the
// list read here is the one the renderer uses).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const source = readFileSync(join(__dirname, 'src', 'render', 'find-browser.ts'), 'utf8');
const list = /export const SYSTEM_BROWSERS = \[([^\]]*)\]/.exec(source);
const systemBrowsers = list ? [...list[1].matchAll(/'([^']+)'/g)].map((match) => match[1]) : [];

module.exports = {
  skipDownload:
    process.env.CYANOTYPE_DOWNLOAD_BROWSER !== '1' &&
    (systemBrowsers.some((path) => existsSync(path)) || process.env.PUPPETEER_SKIP_DOWNLOAD === 'true'),
  systemBrowsers,
};
