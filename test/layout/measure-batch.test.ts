import { describe, expect, it } from 'vitest';
import { measureRequests, packRequests } from '../../src/layout/measure-table.js';
import { loadSpecFile } from '../../src/spec/load.js';
import { fakeMetrics } from '../support/fake-metrics.js';

describe('packRequests', () => {
  it('sends each font once and every string with its own font, in order', async () => {
    const spec = await loadSpecFile('examples/docker-container-layers.yaml');
    const requests = measureRequests(spec, fakeMetrics);
    const batch = packRequests(requests);
    expect(batch.runs.map(([font, text]) => ({ text, font: batch.fonts[font] }))).toEqual(requests);
    expect(new Set(batch.fonts).size).toBe(batch.fonts.length);
    expect(batch.fonts.length).toBe(new Set(requests.map((r) => r.font)).size);
    // The point of it: the flagship's strings without a font object repeated in each.
    expect(JSON.stringify(batch).length).toBeLessThan(JSON.stringify(requests).length / 3);
  });
});
