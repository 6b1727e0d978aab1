import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/scratch.js';

function cyanotype(...args: string[]) {
  return run({}, ...args);
}

function run(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/cyanotype.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = () => scratchDir('cli');

describe('cyanotype render', () => {
  it('renders a spec to <out>/<spec name>.png and exits 0', () => {
    const out = scratch();
    const run = cyanotype('render', 'examples/https-request-path.yaml', '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const png = PNG.sync.read(readFileSync(join(out, 'https-request-path.png')));
    expect([png.width, png.height]).toEqual([1024, 1024]);
  });

  it('draws every theme the same with no system font at all: each face the page uses is its own', () => {
    // A fontconfig that knows no fonts: any text drawn in a fallback face changes pixels (before
    // the fix, whiteboard's badge digits — the only text in IBM Plex Mono 600 — vanished).
    const dir = scratch();
    const config = join(dir, 'fonts.conf');
    writeFileSync(
      config,
      `<?xml version="1.0"?>\n<fontconfig><dir>${join(dir, 'none')}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
    );
    const result = run({ FONTCONFIG_FILE: config }, 'test', 'examples', '--results', join(dir, 'results'), '--no-check');
    expect(result.stdout).toContain('12 passed, 0 failed');
    expect(result.code).toBe(0);
  });

  it('honours --scale and --size', () => {
    const out = scratch();
    const run = cyanotype('render', 'examples/https-request-path.yaml', '-o', out, '--scale', '2', '--size', '800x600');
    expect(run.code).toBe(0);
    const png = PNG.sync.read(readFileSync(join(out, 'https-request-path.png')));
    expect([png.width, png.height]).toEqual([1600, 1200]);
  });

  it('writes a self-contained HTML file that loads nothing from outside', () => {
    const out = scratch();
    expect(cyanotype('render', 'examples/https-request-path.yaml', '-o', out, '--format', 'html').code).toBe(0);
    const html = readFileSync(join(out, 'https-request-path.html'), 'utf8');
    expect(html).toContain('"title":"HTTPS Request Path"');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  it('rejects an invalid spec with one line naming the file and place, exit 2, and no output', () => {
    const out = scratch();
    const run = cyanotype('render', 'test/fixtures/invalid/unknown-component.yaml', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'test/fixtures/invalid/unknown-component.yaml: /connections/0/to: unknown component "manfest" (did you mean "manifest"?)\n',
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('still renders the valid specs of a folder that also holds an invalid one', () => {
    const specs = scratch();
    const out = scratch();
    copyFileSync('examples/https-request-path.yaml', join(specs, 'good.yaml'));
    copyFileSync('test/fixtures/invalid/wrong-type.yaml', join(specs, 'bad.yaml'));
    const run = cyanotype('render', specs, '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${join(specs, 'bad.yaml')}: /components/0/label: expected a text, found the number 42`,
    ]);
    expect(readdirSync(out)).toEqual(['good.png']);
  });

  it.each([
    [['render', 'no/such/file.yaml'], 'no/such/file.yaml: no such file or directory'],
    [
      ['render', 'examples', '--theme', 'bluprint'],
      'unknown theme "bluprint" (did you mean "blueprint"?); available: amber, blueprint, contrast, paper, phosphor, whiteboard',
    ],
    [['render', 'examples', '--scale', 'big'], '--scale: "big" is not a number from 0.25 to 4'],
    [['render', 'examples', '--size', '1024'], '--size: "1024" is not WIDTHxHEIGHT, e.g. 1024x1024'],
    // The spec's own range holds for --size too (20000x20000 took 23 s and a huge file).
    [['render', 'examples', '--size', '100x100'], '--size: "100x100" is outside 256x256 to 4096x4096'],
    [['render', 'examples', '--size', '20000x20000'], '--size: "20000x20000" is outside 256x256 to 4096x4096'],
  ])('answers bad usage %j with one line and exit 2', (args, message) => {
    const run = cyanotype(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown format before rendering anything', () => {
    const run = cyanotype('render', 'examples', '--format', 'gif');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'gif' is invalid");
    expect(existsSync('out/gif')).toBe(false);
  });

  it('says how to get a browser when the configured one does not exist, exit 1', () => {
    const out = scratch();
    const result = run({ CYANOTYPE_BROWSER: '/nonexistent/chrome' }, 'render', 'examples', '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'CYANOTYPE_BROWSER="/nonexistent/chrome" does not exist; install one with `sudo apt-get install -y chromium-headless-shell` ' +
        '(Debian/Ubuntu; `chromium` works too) or `npx puppeteer browsers install chrome-headless-shell`, or point CYANOTYPE_BROWSER at a Chrome or Chromium executable\n',
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('names a browser that exits at start with its last words, and writes nothing, exit 1', () => {
    const out = scratch();
    const fake = join(scratch(), 'chrome');
    writeFileSync(fake, '#!/bin/sh\necho "starting" >&2\necho "error: cannot open display" >&2\nexit 3\n', { mode: 0o755 });
    const result = run({ CYANOTYPE_BROWSER: fake }, 'render', 'examples/https-request-path.yaml', '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `could not start ${fake}: it exited (code 3): starting | error: cannot open display; install one with ` +
        '`sudo apt-get install -y chromium-headless-shell` (Debian/Ubuntu; `chromium` works too) or ' +
        '`npx puppeteer browsers install chrome-headless-shell`, or point CYANOTYPE_BROWSER at a Chrome or Chromium executable\n',
    );
    expect(readdirSync(out)).toEqual([]);
  });
});
