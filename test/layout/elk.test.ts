import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { elk, type ElkConstructor, type ElkNode } from '../../src/layout/elk.js';
import { CHECKED_CAST, compileElk, elkSource } from '../../src/layout/elk-code-cache.js';
import { layoutSpec } from '../../src/layout/layout.js';
import { loadSpecFile } from '../../src/spec/load.js';
import { fakeMeasure, fakeMetrics } from '../support/fake-metrics.js';
import { generateSpec } from '../support/generate.js';

/** A laid-out graph without the identity hashes GWT stamps on objects ("$H", a counter that differs between instances). */
const positions = (graph: ElkNode): unknown =>
  JSON.parse(JSON.stringify(graph, (key, value: unknown) => (key === '$H' ? undefined : value)));

describe('elk()', () => {
  it('answers a layout within the call, without the two timer turns elk.bundled.js takes', async () => {
    const api = await elk();
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    const laidOut = await api.layout({
      id: 'root',
      layoutOptions: { 'elk.algorithm': 'layered' },
      children: [
        { id: 'a', width: 40, height: 20 },
        { id: 'b', width: 40, height: 20 },
      ],
      edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
    });
    expect(timerFired).toBe(false);
    const [a, b] = laidOut.children ?? [];
    // A real layered layout: the edge's target is placed in the next layer, to the right.
    expect(b!.x!).toBeGreaterThanOrEqual(a!.x! + 40);
  });
});

describe('ELK with unchecked casts (elk-code-cache.ts)', () => {
  it('finds the checked cast it removes in the pinned elkjs, and removes it', () => {
    const plain = readFileSync(createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js'), 'utf8');
    expect(plain).toContain(CHECKED_CAST);
    expect(elkSource()).not.toContain(CHECKED_CAST);
  });

  it('lays out every graph of the examples, fixtures and generated specs exactly as the plain ELK does', async () => {
    // The graphs real layouts hand to ELK, recorded from the shared instance.
    const api = await elk();
    const original = api.layout.bind(api);
    const graphs: ElkNode[] = [];
    api.layout = (graph, options) => (graphs.push(structuredClone(graph)), original(graph, options));
    try {
      const files = ['examples', 'test/fixtures/valid'].flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => /\.(ya?ml|json)$/.test(f))
          .map((f) => `${dir}/${f}`),
      );
      for (const file of files) await layoutSpec(await loadSpecFile(file), fakeMetrics, fakeMeasure);
      for (const count of [4, 9, 14]) await layoutSpec(generateSpec(count, count), fakeMetrics, fakeMeasure);
    } finally {
      api.layout = original;
    }
    expect(graphs.length).toBeGreaterThan(20);
    const Plain = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as ElkConstructor;
    const plain = new Plain();
    const unchecked = new (compileElk(undefined).Elk)();
    for (const graph of graphs) {
      expect(positions(await unchecked.layout(structuredClone(graph)))).toEqual(positions(await plain.layout(structuredClone(graph))));
    }
  });
});
