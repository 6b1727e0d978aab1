/**
 * Rendering at volume through the real CLI and real Chromium: a browser killed mid-batch, two
 * processes writing one folder, shards, skipping unchanged outputs, a per-item timeout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { descendants } from '../support/processes.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { scratchDir } from '../support/scratch.js';

const scratch = () => scratchDir('batch');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/cyanotype.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });

/** A folder of `count` small specs (copies of one example with distinct titles). */
function specFolder(count: number): string {
  const dir = scratch();
  const source = readFileSync('examples/https-request-path.yaml', 'utf8');
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `spec-${i}.yaml`), source.replace(/^title: .*$/m, `title: Request path ${i}`));
  return dir;
}

function expectWholePngs(dir: string, names: string[]) {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
  for (const name of names) {
    const png = PNG.sync.read(readFileSync(join(dir, name)));
    expect([png.width, png.height]).toEqual([1024, 1024]);
  }
}

/**
 * Runs the CLI and SIGKILLs every process below it (Chromium) the first time its stdout
 * contains `cue`; resolves with what it printed and its exit code.
 */
async function runKillingChromium(args: string[], cue: string) {
  const child = spawn(process.execPath, ['bin/cyanotype.js', ...args], { env: { ...process.env, CI: '1' } });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (killed || !stdout.includes(cue)) return;
    killed = true;
    for (const pid of descendants(child.pid!)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { stdout, stderr, code, killed };
}

describe('cyanotype render at volume', () => {
  it('finishes a batch whose Chromium is killed mid-way, retrying exactly the affected item', async () => {
    const specs = specFolder(8);
    const out = scratch();
    const { stdout, stderr, code, killed } = await runKillingChromium(['render', specs, '-o', out, '--no-check'], 'spec-2.yaml →');
    expect(killed).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectWholePngs(
      out,
      [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `spec-${i}.png`),
    );
    const retried = stdout.split('\n').filter((line) => line.includes('retried)'));
    expect(retried).toHaveLength(1);
    // The item in flight when Chromium died: one after spec-2 (which one depends on how far
    // the batch got while the kill was being delivered).
    expect(retried[0]).toMatch(/spec-[3-8]\.yaml → /);
    expect(stdout).toContain('8 written, 0 unchanged, 0 failed, 1 retried after a browser crash');
  });

  it('cyanotype test also survives its Chromium being killed mid-run: every item is still judged', async () => {
    const specs = specFolder(6);
    for (const f of readdirSync(specs)) {
      const path = join(specs, f);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^theme: .*$/m, 'theme: blueprint'));
    }
    const snapshots = scratch();
    const results = scratch();
    expect(cli('test', specs, '--snapshots', snapshots, '--results', results, '-u', 'missing', '--no-check').status).toBe(0);
    const { stdout, code, killed } = await runKillingChromium(
      ['test', specs, '--snapshots', snapshots, '--results', results, '--no-check'],
      '✓ spec-2.',
    );
    expect(killed).toBe(true);
    expect(code).toBe(0);
    expect(stdout).toContain('6 passed, 0 failed');
  });

  it('gives a hung item one retry with a fresh browser, then fails only that item (exit 1, no file)', () => {
    const out = scratch();
    // At scale 3 (a 3072-pixel capture) the flagship takes several times the 100 ms allowed,
    // even on the retry with everything warm.
    const run = cli('render', 'examples/docker-container-layers.yaml', '-o', out, '--no-check', '--scale', '3', '--timeout', '100');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'examples/docker-container-layers.yaml: did not finish within 100 ms; retried with a fresh browser: did not finish within 100 ms\n',
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('leaves only whole files when two processes render into one folder at once', async () => {
    const specs = specFolder(3);
    const out = scratch();
    const once = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['bin/cyanotype.js', 'render', specs, '-o', out, '--no-check', '--force'], {
          env: { ...process.env, CI: '1' },
          stdio: 'ignore',
        });
        child.on('close', resolve);
      });
    expect(await Promise.all([once(), once()])).toEqual([0, 0]);
    expectWholePngs(out, ['spec-1.png', 'spec-2.png', 'spec-3.png']);
  });

  it('draws every item of a batch that mixes themes and sizes exactly as a render of that spec alone', () => {
    // The look-ahead prepares the next spec (its theme, its size) while the current one is
    // drawn and captured; no item may come out in a neighbour's theme or size.
    const dir = scratch();
    const source = readFileSync('examples/https-request-path.yaml', 'utf8');
    const variants = [
      ['a', 'blueprint', '1024x1024'],
      ['b', 'paper', '1024x1024'],
      ['c', 'amber', '800x600'],
      ['d', 'blueprint', '800x600'],
      ['e', 'whiteboard', '1024x1024'],
    ] as const;
    for (const [name, theme, size] of variants) {
      writeFileSync(
        join(dir, `${name}.yaml`),
        `${source.replace(/^theme: .*$/m, '').replace(/^size: .*$/m, '')}\ntheme: ${theme}\nsize: ${size}\n`,
      );
    }
    const batch = scratch();
    expect(cli('render', dir, '-o', batch, '--no-check').status).toBe(0);
    for (const [name, , size] of variants) {
      const alone = scratch();
      expect(cli('render', join(dir, `${name}.yaml`), '-o', alone, '--no-check').status).toBe(0);
      const [a, b] = [join(batch, `${name}.png`), join(alone, `${name}.png`)].map((f) => PNG.sync.read(readFileSync(f)));
      expect(`${a!.width}x${a!.height}`).toBe(size);
      expect(a!.data.equals(b!.data), `${name}: batch and single render have the same pixels`).toBe(true);
    }
  });

  it('splits the specs into shards that together cover every spec exactly once', () => {
    const inputs = ['examples', 'test/fixtures/valid'];
    const outs = [1, 2, 3].map((i) => {
      const out = scratch();
      expect(cli('render', ...inputs, '-o', out, '--format', 'html', '--shard', `${i}/3`).status).toBe(0);
      return readdirSync(out);
    });
    const whole = scratch();
    expect(cli('render', ...inputs, '-o', whole, '--format', 'html').status).toBe(0);
    const everything = readdirSync(whole).sort();
    expect(everything.length).toBeGreaterThanOrEqual(6);
    expect(outs.flat().sort()).toEqual(everything);
    for (const shard of outs) expect(shard.length).toBeGreaterThan(0);
    expect(cli('render', 'examples', '--shard', '4/3').stderr).toBe('--shard: "4/3" is not INDEX/COUNT with 1 ≤ INDEX ≤ COUNT, e.g. 2/4\n');
  });

  it('skips an output whose spec, theme, cyanotype and Chromium are unchanged; --force and an edit render it', () => {
    const specs = scratch();
    const out = scratch();
    const spec = join(specs, 'flow.yaml');
    copyFileSync('examples/https-request-path.yaml', spec);
    const target = join(out, 'flow.png');

    expect(cli('render', spec, '-o', out, '--no-check').stdout).toContain(`${spec} → ${target} (`);
    const first = statSync(target).mtimeMs;
    const again = cli('render', spec, '-o', out, '--no-check');
    expect(again.stdout).toContain(`${spec} → ${target} unchanged, skipped`);
    expect(statSync(target).mtimeMs).toBe(first);

    expect(cli('render', spec, '-o', out, '--no-check', '--force').stdout).toContain(`${spec} → ${target} (`);
    expect(cli('render', spec, '-o', out, '--no-check', '--theme', 'paper').stdout).toContain(`${spec} → ${target} (`);
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^title: .*$/m, 'title: Edited title'));
    expect(cli('render', spec, '-o', out, '--no-check', '--theme', 'paper').stdout).toContain(`${spec} → ${target} (`);
    expect(cli('render', spec, '-o', out, '--no-check', '--theme', 'paper').stdout).toContain('unchanged, skipped');
  });

  it("asks the executable its version only to compare an existing output's stamp, and writes the same identity the browser reports", () => {
    // A wrapper keeping Chromium's name (so it is asked as Chromium would be) that notes each `--version`.
    const dir = scratch();
    const asked = join(dir, 'asked');
    const wrapper = join(dir, 'chromium-headless-shell');
    writeFileSync(wrapper, `#!/bin/sh\ncase "$1" in --version) echo x >> "${asked}";; esac\nexec "${findBrowser()}" "$@"\n`, {
      mode: 0o755,
    });
    const times = () => (existsSync(asked) ? readFileSync(asked, 'utf8').split('\n').filter(Boolean).length : 0);
    const out = scratch();
    const target = join(out, 'https-request-path.png');
    const render = (...extra: string[]) =>
      cli('render', 'examples/https-request-path.yaml', '-o', out, '--no-check', '--browser', wrapper, ...extra);

    expect(render().stdout).toContain(`→ ${target} (`);
    expect(times()).toBe(0); // a new output: the browser that draws it says which it is
    expect(render().stdout).toContain('unchanged, skipped'); // the stamp it wrote matches the executable's answer
    expect(times()).toBe(1);
    expect(render('--force').stdout).toContain(`→ ${target} (`);
    expect(times()).toBe(1);
  });

  it('ends a browser started through a wrapper script that runs it as a child (not by exec), and exits', () => {
    // Debian's /usr/bin/chromium-headless-shell is such a wrapper: ending only the script left
    // the browser running, holding the DevTools pipes open, and cyanotype never exited.
    const dir = scratch();
    const pidFile = join(dir, 'browser.pid');
    const wrapper = join(dir, 'wrapped-chromium');
    writeFileSync(wrapper, `#!/bin/sh\n"${findBrowser()}" "$@" &\necho $! > "${pidFile}"\nwait $!\n`, { mode: 0o755 });
    const out = scratch();
    const run = spawnSync(
      process.execPath,
      ['bin/cyanotype.js', 'render', 'examples/https-request-path.yaml', '-o', out, '--no-check', '--browser', wrapper],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: '1' },
        timeout: 60_000,
      },
    );
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expectWholePngs(out, ['https-request-path.png']);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // Gone, or a zombie waiting for whoever adopted it to collect its status: not running.
    const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
    expect(state === '' || state.startsWith('Z')).toBe(true);
  });
});
