/** The package's own entry point, as a user imports it: one-off render and compare, and a long-lived Renderer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compare, loadSpecFile, render, Renderer, SpecError, UsageError, type SpecInput } from 'cyanotype';

describe("import { render, compare } from 'cyanotype'", () => {
  it('renders a spec file to the same PNG a long-lived renderer gives, and compare says they match', async () => {
    const once = await render('examples/https-request-path.yaml');
    const renderer = await Renderer.open();
    try {
      const spec = await loadSpecFile('examples/https-request-path.yaml');
      const [a, b] = [await renderer.renderSpec(spec, 'a'), await renderer.renderSpec(spec, 'b')];
      expect((await compare(once.bytes, a.bytes)).pass).toBe(true);
      expect((await compare(a.bytes, b.bytes)).diffPixels).toBe(0);
    } finally {
      await renderer.close();
    }
    expect(once.layout.diagram.nodes.length).toBeGreaterThan(0);
  });

  it('compare reports a real difference with its pixel count, and reads files by path', async () => {
    const result = await compare('test/fixtures/images/expected.png', readFileSync('test/fixtures/images/one-pixel.png'));
    expect(result.pass).toBe(false);
    expect(result.diffPixels).toBeGreaterThan(0);
    await expect(compare('no/such.png', 'no/such.png')).rejects.toBeInstanceOf(UsageError);
  });

  it('render rejects an invalid spec with the typed error', async () => {
    await expect(render('test/fixtures/invalid/unknown-component.yaml')).rejects.toBeInstanceOf(SpecError);
  });

  it('renders a spec built in code as its YAML holds it, to the pixels of the file', async () => {
    const document = parse(readFileSync('examples/https-request-path.yaml', 'utf8')) as SpecInput;
    const [fromData, fromFile] = [await render(document), await render('examples/https-request-path.yaml')];
    expect((await compare(fromFile.bytes, fromData.bytes)).diffPixels).toBe(0);
    expect(fromData.spec.title).toBe('HTTPS Request Path');
  });

  it('validates a spec object like a file, before any browser starts', async () => {
    // A browser that cannot start would be the error if the spec were not checked first.
    const noBrowser = { browser: '/nonexistent/chromium' };
    const duplicate = {
      title: 'Orders',
      components: [
        { id: 'api', label: 'API' },
        { id: 'api', label: 'Worker' },
      ],
    };
    await expect(render(duplicate, noBrowser)).rejects.toThrow(
      new SpecError('spec object', '/components/1/id', 'duplicate id "api" (first used at /components/0)'),
    );
    await expect(render({ spec: 'orders.yaml' } as unknown as SpecInput, noBrowser)).rejects.toBeInstanceOf(SpecError);
    await expect(render('test/fixtures/invalid/unknown-component.yaml', noBrowser)).rejects.toBeInstanceOf(SpecError);
    const renderer = await Renderer.open();
    try {
      await expect(renderer.renderSpec(duplicate, 'orders')).rejects.toThrow(/^orders: \/components\/1\/id: duplicate id "api"/);
    } finally {
      await renderer.close();
    }
  });
});
