/**
 * Nothing lost: `cyanotype test -u all` killed (with its browser) part-way through leaves every
 * baseline whole — old or new, never truncated — and the next run tells them apart correctly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants } from '../support/processes.js';
import { scratchDir } from '../support/scratch.js';

const scratch = () => scratchDir('interrupt');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/cyanotype.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: '' } });
const COUNT = 8;

function writeSpecs(dir: string, version: string) {
  const source = readFileSync('examples/https-request-path.yaml', 'utf8');
  for (let i = 1; i <= COUNT; i++)
    writeFileSync(
      join(dir, `s${i}.yaml`),
      source.replace(/^title: .*$/m, `title: Path ${i} ${version}`).replace(/^theme: .*$/m, 'theme: blueprint'),
    );
}

const pngs = (dir: string) =>
  new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .map((f) => [f, readFileSync(join(dir, f))]),
  );

describe('an interrupted baseline update', () => {
  it('leaves each baseline old or new, and the next run passes exactly the new ones', async () => {
    const specs = scratch();
    const snapshots = scratch();
    const reference = scratch();
    writeSpecs(specs, 'old');
    expect(cli('test', specs, '--snapshots', snapshots, '--results', scratch(), '-u', 'missing', '--no-check').status).toBe(0);
    const old = pngs(snapshots);
    expect(old.size).toBe(COUNT);

    writeSpecs(specs, 'new');
    expect(cli('test', specs, '--snapshots', reference, '--results', scratch(), '-u', 'missing', '--no-check').status).toBe(0);
    const fresh = pngs(reference);

    // Kill the updating process and its Chromium as soon as the second baseline is rewritten.
    // Nothing can clean up after SIGKILL: the browser's temporary profile goes in a folder of
    // this test's own, removed below.
    const temporary = scratch();
    const child = spawn(
      process.execPath,
      ['bin/cyanotype.js', 'test', specs, '--snapshots', snapshots, '--results', scratch(), '-u', 'all', '--no-check'],
      {
        detached: true,
        env: { ...process.env, CI: '', TMPDIR: temporary },
      },
    );
    let out = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killed && (out.match(/↻/g) ?? []).length >= 2) {
        killed = true;
        // Chromium runs in a process group of its own: end it too, not only the CLI's group.
        for (const pid of [child.pid!, ...descendants(child.pid!)]) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // not a group leader, or gone
          }
        }
      }
    });
    await new Promise((resolve) => child.on('close', resolve));
    rmSync(temporary, { recursive: true, force: true, maxRetries: 10 });
    expect(killed).toBe(true);

    const after = pngs(snapshots);
    expect([...after.keys()].sort()).toEqual([...old.keys()].sort());
    const isNew = new Map<string, boolean>();
    for (const [name, bytes] of after) {
      const matchesOld = bytes.equals(old.get(name)!);
      const matchesNew = bytes.equals(fresh.get(name)!);
      expect(matchesOld || matchesNew, `${name} is whole: the old or the new baseline`).toBe(true);
      isNew.set(name, matchesNew);
    }
    expect([...isNew.values()].filter(Boolean).length).toBeGreaterThanOrEqual(2);

    // The next plain run passes the rewritten baselines and fails the ones the update never reached.
    const next = cli('test', specs, '--snapshots', snapshots, '--results', scratch(), '--no-check');
    for (const [name, updated] of isNew) {
      const item = `${name.replace(/\.png$/, '')}`;
      expect(next.stdout, item).toMatch(new RegExp(`${updated ? '✓' : '✗'} ${item.replace(/\./g, '\\.')}`));
    }
  });
});
