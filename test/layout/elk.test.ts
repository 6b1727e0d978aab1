import { describe, expect, it } from 'vitest';
import { elk } from '../../src/layout/elk.js';

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
