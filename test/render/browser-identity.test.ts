/**
 * Which Chromium drew a picture: the headless shell and Chrome's new headless mode share a
 * version number but not every pixel, so outputs and baselines must tell them apart — and the
 * identity read from the executable before a launch must be the one the started browser gives.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityFromProduct, identityOfExecutable } from '../../src/render/browser-identity.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { BrowserSession } from '../../src/render/session.js';
import { scratchDir } from '../support/scratch.js';

async function launchedIdentity(executable: string): Promise<string> {
  const session = await BrowserSession.open({ browser: executable });
  try {
    return session.browserVersion;
  } finally {
    await session.close();
  }
}

describe('browser identity', () => {
  it('reads the kind from DevTools’ product string', () => {
    expect(identityFromProduct('HeadlessChrome/156.0.8078.108')).toBe('156.0.8078.108 (headless shell)');
    expect(identityFromProduct('Chrome/156.0.8078.108')).toBe('156.0.8078.108');
  });

  it('gives, without a launch, the identity the started browser reports', async () => {
    const executable = findBrowser();
    const before = await identityOfExecutable(executable);
    expect(before).toMatch(/^\d+\.\d+\.\d+\.\d+( \(headless shell\))?$/);
    expect(before).toBe(await launchedIdentity(executable));
  });

  it.skipIf(!existsSync('/usr/bin/chromium') || !existsSync('/usr/lib/chromium/chromium-headless-shell'))(
    "tells Debian's chromium and chromium-headless-shell apart, as their browsers do",
    async () => {
      const full = await identityOfExecutable('/usr/bin/chromium');
      const shell = await identityOfExecutable('/usr/lib/chromium/chromium-headless-shell');
      expect(full).not.toBe(shell);
      expect(full).toBe(await launchedIdentity('/usr/bin/chromium'));
      expect(shell).toBe(await launchedIdentity('/usr/lib/chromium/chromium-headless-shell'));
    },
  );

  it('leaves an executable whose name says neither to the launched browser', async () => {
    const wrapper = join(scratchDir('identity'), 'my-browser');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${findBrowser()}" "$@"\n`, { mode: 0o755 });
    expect(await identityOfExecutable(wrapper)).toBeUndefined();
  });
});
