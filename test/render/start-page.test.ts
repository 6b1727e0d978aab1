import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparePng } from '../../src/compare/compare.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { Renderer } from '../../src/renderer.js';
import { scratchDir } from '../support/scratch.js';

const FLAGSHIP = 'examples/docker-container-layers.yaml';
const BASELINE = 'snapshots/docker-container-layers.blueprint.1024x1024.png';

describe("the page shell as Chromium's start page (real Chromium)", () => {
  const folder = scratchDir('start-page');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is written in instead when the browser cannot open the file, and the picture is the same', async () => {
    // A browser that cannot see the start page (as a sandboxed one with a /tmp of its own
    // cannot): this wrapper deletes the file before starting the real one. Its name keeps
    // Chromium's kind, so it gets the same flags.
    const wrapper = join(folder, 'chromium-headless-shell');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nfor a in "$@"; do case "$a" in file://*.html) rm -f "\${a#file://}";; esac; done\nexec "${findBrowser()}" "$@"\n`,
      { mode: 0o755 },
    );
    const renderer = await Renderer.open({ browser: wrapper });
    try {
      expect(renderer.shell).toBe('written in');
      const { bytes } = await renderer.renderFile(FLAGSHIP);
      expect(comparePng(bytes, readFileSync(BASELINE))).toMatchObject({ pass: true, diffPixels: 0 });
      expect(renderer.blockedRequests).toEqual([]);
    } finally {
      await renderer.close();
    }
  });

  it('is written in when the start page never finishes loading, and the picture is the same', async () => {
    // The start page becomes a named pipe nobody writes to: the tab's navigation never ends.
    const wrapper = join(folder, 'stalled', 'chromium-headless-shell');
    mkdirSync(join(folder, 'stalled'));
    writeFileSync(
      wrapper,
      `#!/bin/sh\nfor a in "$@"; do case "$a" in file://*.html) f="\${a#file://}"; rm -f "$f"; mkfifo "$f";; esac; done\nexec "${findBrowser()}" "$@"\n`,
      { mode: 0o755 },
    );
    const started = performance.now();
    const renderer = await Renderer.open({ browser: wrapper });
    try {
      expect(renderer.shell).toBe('written in');
      expect(performance.now() - started).toBeLessThan(25_000); // the patience (10 s), not the 30 s startup timeout
      const { bytes } = await renderer.renderFile(FLAGSHIP);
      expect(comparePng(bytes, readFileSync(BASELINE))).toMatchObject({ pass: true, diffPixels: 0 });
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('is written in when Puppeteer launches the browser itself, with the same picture', async () => {
    const renderer = await Renderer.open({ headless: 'shell' });
    try {
      expect(renderer.shell).toBe('written in');
      const { bytes } = await renderer.renderFile(FLAGSHIP);
      expect(comparePng(bytes, readFileSync(BASELINE))).toMatchObject({ pass: true, diffPixels: 0 });
    } finally {
      await renderer.close();
    }
  });
});
