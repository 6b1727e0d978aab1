import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findBrowser, SYSTEM_BROWSERS } from '../../src/render/find-browser.js';

const require = createRequire(import.meta.url);

describe('finding a browser', () => {
  it("skips Puppeteer's download where a browser the renderer would use is installed: the same list", () => {
    // A fresh machine with only Debian's headless shell failed `npm ci` while this list had /usr/bin/chromium alone.
    const config = require('../../.puppeteerrc.cjs') as { systemBrowsers: string[] };
    expect(config.systemBrowsers).toEqual(SYSTEM_BROWSERS);
  });

  it('names a missing explicit browser and how to get one', () => {
    expect(() => findBrowser('/nonexistent/chrome')).toThrow(
      /^browser "\/nonexistent\/chrome" not found; install one with `sudo apt-get install -y chromium-headless-shell`/,
    );
  });
});
