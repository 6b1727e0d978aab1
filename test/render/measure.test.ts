/**
 * Text measured in the page, remembered for the session: in real Chromium, a string is measured
 * once per font, the answers are the page's own, and two fonts never share an answer.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FontMetrics } from '../../src/layout/types.js';
import { BrowserSession } from '../../src/render/session.js';
import { loadTheme } from '../../src/theme/themes.js';
import { renderDocument } from '../../src/render/document.js';
import { loadSpecFile } from '../../src/spec/load.js';

describe('measuring text', () => {
  let session: BrowserSession;
  let fresh: BrowserSession;
  let body: FontMetrics;
  let bigger: FontMetrics;
  beforeAll(async () => {
    [session, fresh] = await Promise.all([BrowserSession.open(), BrowserSession.open()]);
    const spec = await loadSpecFile('examples/docker-container-layers.yaml');
    const doc = await renderDocument(spec, await loadTheme('blueprint'));
    const [metrics] = await Promise.all([session.prepare(doc.theme, spec.size, 1), fresh.prepare(doc.theme, spec.size, 1)]);
    body = metrics.fonts.nodeRole;
    bigger = { ...body, size: body.size * 2 };
  });
  afterAll(async () => {
    await Promise.all([session?.close(), fresh?.close()]);
  });

  /** How many strings the page itself has measured in this session from now on. */
  async function countPageMeasures(s: BrowserSession): Promise<() => Promise<number>> {
    const page = (s as unknown as { page: Page }).page;
    await page.evaluate(() => {
      const api = window.cyanotype;
      const measure = api.measure.bind(api);
      (window as unknown as { measured: number }).measured = 0;
      api.measure = async (batch) => {
        (window as unknown as { measured: number }).measured += batch.runs.length;
        return measure(batch);
      };
    });
    return () => page.evaluate(() => (window as unknown as { measured: number }).measured);
  }

  it('measures each string once per font, and answers again from what it measured', async () => {
    const measured = await countPageMeasures(session);
    const first = await session.measure([
      { text: 'Container registry', font: body },
      { text: 'Container registry', font: bigger },
      { text: 'Layer', font: body },
    ]);
    expect(await measured()).toBe(3);
    expect(first[1]).toBeGreaterThan(first[0]! * 1.5);
    const again = await session.measure([
      { text: 'Layer', font: body },
      { text: 'Runtime', font: body },
      { text: 'Container registry', font: bigger },
      { text: 'Runtime', font: body },
    ]);
    expect(await measured()).toBe(4);
    expect(again[0]).toBe(first[2]);
    expect(again[2]).toBe(first[1]);
    expect(again[3]).toBe(again[1]);
    // The same answers a session that never measured them before gives.
    expect(
      await fresh.measure([
        { text: 'Runtime', font: body },
        { text: 'Container registry', font: bigger },
      ]),
    ).toEqual([again[1], first[1]]);
  });
});
