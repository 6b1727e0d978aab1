/** The processes a CLI run started, for tests that kill them the way a crash or an OOM killer would. */
import { spawnSync } from 'node:child_process';

/** Process ids of every descendant of `pid` (Chromium and its helpers run below the CLI). */
export function descendants(pid: number): number[] {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}
