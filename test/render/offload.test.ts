/**
 * Batches lay out and check on a worker thread (src/offload). In real Chromium: the worker
 * gives exactly what the calling thread gives (same layout, same findings, same pixels), and
 * a worker that dies hands its work back to the calling thread instead of failing the batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRender } from '../../src/check/check.js';
import { Offload } from '../../src/offload/offload.js';
import { Renderer } from '../../src/renderer.js';
import { loadSpecFile } from '../../src/spec/load.js';

const FLAGSHIP = 'examples/docker-container-layers.yaml';

describe('layout and checks on a worker thread', () => {
  let offload: Offload;
  let plain: Renderer;
  let offloaded: Renderer;
  beforeAll(async () => {
    offload = Offload.start({ spelling: true });
    plain = await Renderer.open();
    offloaded = await Renderer.open({ offload });
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), offloaded?.close(), offload?.close()]);
  });

  it('lays out, draws and checks the flagship exactly as the calling thread does', async () => {
    const spec = await loadSpecFile(FLAGSHIP);
    const here = await plain.renderSpec(spec, FLAGSHIP);
    const there = await offloaded.renderSpec(spec, FLAGSHIP);
    expect(there.layout).toEqual(here.layout);
    expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    const inspection = await offloaded.inspect();
    const input = { spec, layout: there.layout, inspection, png: there.bytes, scale: 1 };
    expect(await offload.check(input)).toEqual(await checkRender(input));
  });

  it('reports a check with findings from the worker (a misspelt word)', async () => {
    const spec = await loadSpecFile(FLAGSHIP);
    const misspelt = { ...spec, title: 'Dokcer Container Layers' };
    const result = await offloaded.renderSpec(misspelt, 'misspelt');
    const findings = await offload.check({
      spec: misspelt,
      layout: result.layout,
      inspection: await offloaded.inspect(),
      png: result.bytes,
      scale: 1,
    });
    expect(findings.map((f) => f.rule)).toContain('spelling');
  });

  it('keeps working when the worker dies: its work runs on the calling thread', async () => {
    const doomed = Offload.start({ spelling: false });
    const renderer = await Renderer.open({ offload: doomed });
    try {
      const spec = await loadSpecFile('examples/https-request-path.yaml');
      const before = await renderer.renderSpec(spec, 'before');
      await (doomed as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      const after = await renderer.renderSpec(spec, 'after');
      expect(after.layout).toEqual(before.layout);
    } finally {
      await renderer.close();
    }
  });
});
