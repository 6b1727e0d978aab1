/**
 * The headless shell renders as one process (--single-process, decision 011); Chrome's new
 * headless mode keeps its process model. Seen from outside: the Chromium processes below a real
 * `cyanotype render` while it runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHeadlessShell } from '../../src/render/browser-identity.js';
import { processFlags } from '../../src/render/flags.js';
import { descendants } from '../support/processes.js';
import { scratchDir } from '../support/scratch.js';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const CHROMIUM = '/usr/bin/chromium';

/** The most Chromium processes seen at once below a render of the flagship with `browser`. */
async function chromiumProcesses(browser: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ['bin/cyanotype.js', 'render', 'examples/docker-container-layers.yaml', '-o', scratchDir('processes'), '--no-check'],
    {
      env: { ...process.env, CI: '1', CYANOTYPE_BROWSER: browser },
      stdio: 'ignore',
    },
  );
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  let most = 0;
  let running = true;
  void done.then(() => (running = false));
  while (running) {
    const chromium = descendants(child.pid!).filter((pid) => {
      try {
        // The browser (it has the DevTools pipe) and its helpers (--type=…), not the `--version` probe.
        return /--remote-debugging-pipe|--type=/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    });
    most = Math.max(most, chromium.length);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  expect(await done).toBe(0);
  return most;
}

describe('Chromium processes', () => {
  it('asks the shell alone for one process, and for no zygote only when unsandboxed', () => {
    expect(processFlags(true, false)).toEqual(['--single-process', '--no-zygote']);
    expect(processFlags(true, true)).toEqual(['--single-process']);
    expect(processFlags(false, false)).toEqual([]);
  });

  it.skipIf(!existsSync(SHELL))('knows the headless shell by its name, through symlinks and wrappers', () => {
    expect(isHeadlessShell(SHELL)).toBe(true);
    if (existsSync('/usr/bin/chromium-headless-shell')) expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    if (existsSync(CHROMIUM)) expect(isHeadlessShell(CHROMIUM)).toBe(false);
  });

  it.skipIf(!existsSync(SHELL) || process.getuid?.() !== 0)('renders with the shell in one process, as root', async () => {
    expect(await chromiumProcesses(SHELL)).toBe(1);
  });

  it.skipIf(!existsSync(CHROMIUM))("leaves Chrome's new headless mode its own processes", async () => {
    expect(await chromiumProcesses(CHROMIUM)).toBeGreaterThan(2);
  });
});
