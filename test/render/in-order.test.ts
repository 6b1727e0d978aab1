import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/render/in-order.js';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('InOrder (the finishing half of a batch)', () => {
  it('reports items in the order they were added, each finishing only after the one before', async () => {
    const queue = new InOrder();
    const started: string[] = [];
    const reported: string[] = [];
    const finish = (name: string, ms: number) => async () => {
      started.push(name);
      return later(ms, name);
    };
    await queue.add(finish('a', 30), (v) => reported.push(v));
    await queue.add(finish('b', 1), (v) => reported.push(v));
    expect(reported).toEqual(['a']); // add() returns once the previous item is reported
    await queue.add(finish('c', 1), (v) => reported.push(v));
    await queue.done();
    expect(reported).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it("surfaces an item's failure through the next add(), and done() when it was the last", async () => {
    const queue = new InOrder();
    await queue.add(
      () => Promise.reject(new Error('browser gone')),
      () => undefined,
    );
    await expect(
      queue.add(
        async () => 1,
        () => undefined,
      ),
    ).rejects.toThrow('browser gone');
    const last = new InOrder();
    await last.add(
      () => Promise.reject(new Error('disk full')),
      () => undefined,
    );
    await expect(last.done()).rejects.toThrow('disk full');
  });
});
