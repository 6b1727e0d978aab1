/**
 * Whatever arrives, the CLI answers with one line naming the file and the place, exit code 2,
 * no stack trace, and no output file.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { outputPath } from '../../src/render/files.js';
import { UsageError } from '../../src/errors.js';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/scratch.js';

const scratch = () => {
  const dir = scratchDir('bad');
  chmodSync(dir, 0o755); // readable by the unprivileged user below
  return dir;
};
const root = process.getuid?.() === 0;

/**
 * As root every file is readable, so permission tests drop to `nobody` with setpriv. That
 * needs `nobody` to reach this checkout; where it cannot (a clone under /root, say), the two
 * permission tests are skipped and say why.
 */
const unprivilegedWorks =
  !root ||
  spawnSync('setpriv', [
    '--reuid=65534',
    '--regid=65534',
    '--clear-groups',
    process.execPath,
    '-e',
    `require('fs').accessSync(${JSON.stringify(resolve('bin/cyanotype.js'))})`,
  ]).status === 0;

/** Runs the CLI; as root (CI containers), drops to `nobody` so file permissions apply. */
function cyanotype(args: string[], options: { unprivileged?: boolean } = {}) {
  const command = options.unprivileged && root ? 'setpriv' : process.execPath;
  const prefix = options.unprivileged && root ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  const run = spawnSync(command, [...prefix, 'bin/cyanotype.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectOneLine(stderr: string, message: string) {
  expect(stderr).toBe(`${message}\n`);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('bad input through the CLI', () => {
  it('answers every invalid spec of the corpus with its one-line message, exit 2 and no output file', () => {
    const dir = 'test/fixtures/invalid';
    const specs = readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
    expect(specs.length).toBeGreaterThanOrEqual(40);
    const out = scratch();
    const run = cyanotype(['render', dir, '-o', out]);
    expect(run.code).toBe(2);
    const expected = specs.map((f) => readFileSync(join(dir, `${f}.expected`), 'utf8').trimEnd());
    expect(run.stderr.trimEnd().split('\n')).toEqual(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names a path that does not exist', () => {
    const run = cyanotype(['render', 'no/such/spec.yaml', '-o', scratch()]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, 'no/such/spec.yaml: no such file or directory');
  });

  it('names a folder that holds no specs', () => {
    const empty = scratch();
    writeFileSync(join(empty, 'notes.txt'), 'not a spec');
    const run = cyanotype(['render', empty, '-o', scratch()]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, `${empty}: no spec files (.yaml, .yml, .json) in this directory`);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const dir = scratch();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `title: Big\ncomponents:\n  - { id: a, label: A }\n# ${'x'.repeat(300 * 1024)}\n`);
    const out = scratch();
    const run = cyanotype(['render', big, '-o', out]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, `${big}: file is ${statSync(big).size} bytes, larger than the 262144-byte limit for a spec`);
    expect(readdirSync(out)).toEqual([]);
  });

  it.skipIf(!unprivilegedWorks)('names a file it may not read', () => {
    const dir = scratch();
    const spec = join(dir, 'secret.yaml');
    copyFileSync('examples/https-request-path.yaml', spec);
    chmodSync(spec, 0o000);
    const out = scratch();
    chmodSync(out, 0o777);
    const run = cyanotype(['render', spec, '-o', out], { unprivileged: true });
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, `${spec}: permission denied, cannot read the file`);
    expect(readdirSync(out)).toEqual([]);
  });

  it.skipIf(!unprivilegedWorks)('refuses an output folder it cannot write, before rendering anything', () => {
    const parent = scratch();
    chmodSync(parent, 0o555);
    const out = join(parent, 'images');
    const run = cyanotype(['render', 'examples/https-request-path.yaml', '-o', out], { unprivileged: true });
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, `-o ${out}: cannot write output files there (permission denied)`);
  });

  it('refuses an output "folder" that is a file', () => {
    const dir = scratch();
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    const run = cyanotype(['render', 'examples/https-request-path.yaml', '-o', file]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, `-o ${file}: cannot write output files there (a file is in the way, not a folder)`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('adds the internal detail with --verbose, after the same first line', () => {
    const out = scratch();
    const plain = cyanotype(['render', 'test/fixtures/invalid/wrong-type.yaml', '-o', out]);
    const verbose = cyanotype(['--verbose', 'render', 'test/fixtures/invalid/wrong-type.yaml', '-o', out]);
    expect(plain.stderr.split('\n')).toHaveLength(2);
    expect(verbose.stderr.split('\n')[0]).toBe(plain.stderr.split('\n')[0]);
    expect(verbose.stderr.split('\n').length).toBeGreaterThan(2);
    expect(verbose.stderr).toContain('"expected": "string"');
    expect(verbose.code).toBe(2);
  });
});

describe('output names', () => {
  it('never writes outside the output folder, whatever a spec file is called', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'specs'));
    const out = join(dir, 'out');
    copyFileSync('examples/https-request-path.yaml', join(dir, 'specs', '..yaml'));
    const run = cyanotype(['render', join(dir, 'specs', '..yaml'), '-o', out, '--format', 'html']);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['out', 'specs']);
    expect(readdirSync(out)).toEqual(['..html']);
    for (const name of ['../../x', '../x', '/etc/x', 'a/../../x']) {
      expect(() => outputPath(out, name, 'png'), name).toThrow(UsageError);
    }
  });
});
