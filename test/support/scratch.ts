/**
 * Temporary folders for tests, removed when the test file is done (test/support/setup.ts):
 * a run of the suite used to leave ~80 behind in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder named cyanotype-<name>-XXXXXX in the system's temporary folder. */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cyanotype-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder scratchDir made in this test file. */
export function removeScratchDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
