import { describe, expect, it } from 'vitest';
import { PlanAhead } from '../../src/render/plan-ahead.js';
import type { Plan, Renderer } from '../../src/renderer.js';

// PlanAhead only compares renderers by identity and hands plans through: stand-ins are enough.
const rendererA = {} as Renderer;
const rendererB = {} as Renderer;
const plan = (item: string) => ({ item }) as Plan;

describe('PlanAhead (the plans a batch makes ahead)', () => {
  it('plans each item once per renderer, however often the loop asks', async () => {
    const ahead = new PlanAhead();
    let planned = 0;
    const make = (item: string) => async () => (planned++, plan(item));
    ahead.start(1, rendererA, make('one'));
    ahead.start(2, rendererA, make('two'));
    ahead.start(2, rendererA, make('two again'));
    expect(planned).toBe(2);
    expect((await ahead.take(1, rendererA))?.item).toBe('one');
    expect((await ahead.take(2, rendererA))?.item).toBe('two');
    // Taken plans are gone: the item is planned afresh if asked for again.
    expect(await ahead.take(2, rendererA)).toBeUndefined();
  });

  it('plans again on a new renderer, and never hands a plan to a renderer that did not make it', async () => {
    const ahead = new PlanAhead();
    ahead.start(3, rendererA, async () => plan('on A'));
    ahead.start(3, rendererB, async () => plan('on B')); // the browser was replaced
    expect((await ahead.take(3, rendererB))?.item).toBe('on B');
    ahead.start(4, rendererA, async () => plan('on A'));
    expect(await ahead.take(4, rendererB)).toBeUndefined();
  });

  it('gives nothing for a plan that failed, so the item is planned again in its turn', async () => {
    const ahead = new PlanAhead();
    ahead.start(5, rendererA, () => Promise.reject(new Error('layout failed')));
    expect(await ahead.take(5, rendererA)).toBeUndefined();
  });
});
