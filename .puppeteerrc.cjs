// Puppeteer's postinstall downloads Chrome. Where Debian's chromium is present (or the
// network cannot reach Chrome's download host) that download only fails the install, so
// skip it then; set CYANOTYPE_DOWNLOAD_BROWSER=1 to force Puppeteer's own browser.
const { existsSync } = require('node:fs');
module.exports = {
  skipDownload:
    process.env.CYANOTYPE_DOWNLOAD_BROWSER !== '1' && (existsSync('/usr/bin/chromium') || process.env.PUPPETEER_SKIP_DOWNLOAD === 'true'),
};
