/**
 * Batches check and compact on a worker thread (src/offload). In real Chromium: the worker
 * gives exactly what the calling thread gives, and a worker that dies hands its work back to
 * the calling thread instead of failing the batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRender, pixelFreeChecks, type CheckInput, type PixelFreeFindings } from '../../src/check/check.js';
import type { Inspection } from '../../src/document.js';
import { finishCapture } from '../../src/offload/finish.js';
import { Offload } from '../../src/offload/offload.js';
import { compactPng } from '../../src/render/png-compact.js';
import { Renderer } from '../../src/renderer.js';
import { loadSpecFile } from '../../src/spec/load.js';
import type { Spec } from '../../src/spec/model.js';

const FLAGSHIP = 'examples/docker-container-layers.yaml';

describe('checks on a worker thread', () => {
  let offload: Offload;
  let renderer: Renderer;
  beforeAll(async () => {
    offload = Offload.start({ spelling: true });
    renderer = await Renderer.open();
  });
  afterAll(async () => {
    await Promise.all([renderer?.close(), offload?.close()]);
  });

  const rendered = async (spec: Spec, item: string): Promise<CheckInput> => {
    const result = await renderer.renderSpec(spec, item);
    return { spec, layout: result.layout, inspection: await renderer.inspect(), png: result.bytes, scale: 1 };
  };
  /** A capture as Chromium encodes it for speed, before compaction, with what checking it needs. */
  const captured = async (spec: Spec, item: string): Promise<CheckInput> => {
    const result = await renderer.capture(await renderer.plan(spec, item), { inspect: true });
    return { spec, layout: result.layout, inspection: result.inspection!, png: result.bytes, scale: 1 };
  };

  it('checks the flagship exactly as the calling thread does', async () => {
    const input = await rendered(await loadSpecFile(FLAGSHIP), FLAGSHIP);
    expect(await offload.check(input)).toEqual(await checkRender(input));
  });

  it('reports a check with findings from the worker (a misspelt word)', async () => {
    const spec = await loadSpecFile(FLAGSHIP);
    const findings = await offload.check(await rendered({ ...spec, title: 'Dokcer Container Layers' }, 'misspelt'));
    expect(findings.map((f) => f.rule)).toContain('spelling');
  });

  it('finishes a capture exactly as the calling thread does: the compacted file and the findings', async () => {
    const spec = await loadSpecFile(FLAGSHIP);
    const { png, ...check } = await captured({ ...spec, title: 'Dokcer Container Layers' }, 'finish');
    const finished = await offload.finish({ png, check });
    expect(Buffer.from(finished.png).equals(Buffer.from(await compactPng(png)))).toBe(true);
    expect(finished.findings).toEqual(await checkRender({ png, ...check }));
    expect(finished.findings.map((f) => f.rule)).toContain('spelling');
    // Without a render to check, only the compaction.
    const bare = await offload.finish({ png });
    expect(bare.findings).toEqual([]);
    expect(Buffer.from(bare.png).equals(Buffer.from(finished.png))).toBe(true);
  });

  it('finishes a single render alike when its pixel-free checks started between the draw and the screenshot', async () => {
    const spec = await loadSpecFile(FLAGSHIP);
    const wrong = { ...spec, title: 'Dokcer Container Layers', subtitle: 'Certified secure, audited layers 🚀' };
    const plan = await renderer.plan(wrong, 'early');
    let drawn: Inspection | undefined;
    let early: Promise<PixelFreeFindings> | undefined;
    const result = await renderer.capture(plan, {
      inspect: true,
      onDrawn: (inspection) => {
        drawn = inspection;
        early = pixelFreeChecks({ spec: wrong, layout: plan.layout, inspection: inspection! });
      },
    });
    expect(drawn).toEqual(result.inspection);
    const check = { spec: wrong, layout: result.layout, inspection: result.inspection!, scale: 1 };
    const single = await finishCapture({ png: result.bytes, check }, 'beside', early);
    const batch = await offload.finish({ png: result.bytes, check });
    expect(single.findings).toEqual(batch.findings);
    expect(new Set(single.findings.map((f) => f.rule))).toEqual(new Set(['missing-glyph', 'spelling', 'security-claim']));
    expect(Buffer.from(single.png).equals(Buffer.from(batch.png))).toBe(true);
  });

  it('keeps working when the worker dies: its work runs on the calling thread', async () => {
    const doomed = Offload.start({ spelling: false });
    const spec = await loadSpecFile(FLAGSHIP);
    const input = await rendered({ ...spec, title: 'Dokcer Container Layers' }, 'doomed');
    const before = await doomed.check(input);
    await (doomed as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    const after = await doomed.check(input);
    expect(after).toEqual(before);
    expect(after.map((f) => f.rule)).toContain('spelling');
    const { png, ...check } = await captured(spec, 'doomed-finish');
    expect(Buffer.from((await doomed.finish({ png, check })).png).equals(Buffer.from(await compactPng(png)))).toBe(true);
  });
});
