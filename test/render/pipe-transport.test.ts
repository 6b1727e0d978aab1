import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PipeTransport } from '../../src/render/pipe-transport.js';

function pair() {
  const toChromium = new PassThrough();
  const fromChromium = new PassThrough();
  const transport = new PipeTransport(toChromium, fromChromium);
  const received: string[] = [];
  transport.onmessage = (message) => received.push(message);
  return { toChromium, fromChromium, transport, received };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PipeTransport', () => {
  it('ends each message sent with a NUL byte', () => {
    const { toChromium, transport } = pair();
    transport.send('{"id":1}');
    transport.send('{"id":2}');
    expect(toChromium.read().toString()).toBe('{"id":1}\0{"id":2}\0');
  });

  it('splits replies on NUL bytes, across reads and inside them, and keeps UTF-8 cut between reads whole', async () => {
    const { fromChromium, received } = pair();
    const bytes = Buffer.from('{"a":"ünï"}\0{"b":"→ 数据"}\0{"c":1}\0', 'utf8');
    // Cut inside "ü", inside "→" and inside "数": every piece boundary a worst case.
    for (const [from, to] of [
      [0, 7],
      [7, 19],
      [19, 24],
      [24, 29],
      [29, bytes.length],
    ] as const)
      fromChromium.write(bytes.subarray(from, to));
    await settle();
    expect(received).toEqual(['{"a":"ünï"}', '{"b":"→ 数据"}', '{"c":1}']);
  });

  it('reports a pipe closed before anyone listened as soon as someone does, and refuses to send on it', async () => {
    const toChromium = new PassThrough();
    const fromChromium = new PassThrough();
    const transport = new PipeTransport(toChromium, fromChromium);
    fromChromium.destroy();
    await settle();
    let closed = 0;
    transport.onclose = () => closed++;
    await settle();
    expect(closed).toBe(1);
    expect(() => transport.send('{"id":3}')).toThrow('Chromium closed its DevTools pipe');
  });
});
