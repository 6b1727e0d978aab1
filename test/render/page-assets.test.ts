/** Which bundle files a render reads at start, and what a missing one says. */
import { describe, expect, it } from 'vitest';
import { BrowserError } from '../../src/errors.js';
import { BUNDLE_FILES, FULL_PAGE_SCRIPT, readPageAssets, requiredPageAsset } from '../../src/render/page-assets.js';

describe('page assets', () => {
  it('reads at start only what drawing a picture needs; the standalone HTML script on demand', () => {
    expect([...readPageAssets().keys()].sort()).toEqual(['page.css', 'page.js']);
    expect(requiredPageAsset(FULL_PAGE_SCRIPT).toString('utf8')).toContain('cyanotype');
    // Still part of what an output's stamp is made from.
    expect(BUNDLE_FILES).toContain(FULL_PAGE_SCRIPT);
  });

  it('names a missing bundle file and how to get it', () => {
    expect(() => requiredPageAsset('no-such-file.js')).toThrow(BrowserError);
    expect(() => requiredPageAsset('no-such-file.js')).toThrow(/the page bundle is missing \(.*no-such-file\.js\); run `npm run build`/);
  });

  it("prefers the caller's copy of a file", () => {
    const own = Buffer.from('own');
    expect(requiredPageAsset(FULL_PAGE_SCRIPT, new Map([[FULL_PAGE_SCRIPT, own]]))).toBe(own);
  });
});
