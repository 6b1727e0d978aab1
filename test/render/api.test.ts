/** The package's own entry point, as a user imports it: one-off render and compare, and a long-lived Renderer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, loadSpecFile, render, Renderer, SpecError, UsageError } from 'cyanotype';

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
});
