/**
 * The baseline check behind the vitest matcher: the same comparator and baseline store as
 * `cyanotype test`, one named baseline at a time.
 */
import { join, relative } from 'node:path';
import type { CompareOptions } from '../compare/compare.js';
import { writeFileAtomic } from '../render/files.js';
import { checkAgainstBaseline, writeFailureFiles } from './against-baseline.js';
import type { Fingerprint } from './fingerprint.js';
import { environmentNote } from './fingerprint.js';
import { BaselineStore } from './store.js';

export interface MatchOptions extends CompareOptions {
  /** Baselines folder (default snapshots). */
  readonly snapshots?: string | undefined;
  /** Where actual/expected/diff go on failure (default .cyanotype/test-results). */
  readonly results?: string | undefined;
  /** The rendering environment, recorded with a new baseline and named when it differs. */
  readonly fingerprint?: Fingerprint | undefined;
}

/** 'all' rewrites, 'new' writes missing baselines only, 'none' writes nothing (vitest's modes). */
export type UpdateState = 'all' | 'new' | 'none';

export interface MatchOutcome {
  readonly pass: boolean;
  readonly message: string;
}

const shown = (path: string) => relative(process.cwd(), path) || path;

export async function matchBaseline(
  actual: Uint8Array,
  name: string,
  update: UpdateState,
  options: MatchOptions = {},
): Promise<MatchOutcome> {
  const store = await BaselineStore.open(options.snapshots ?? 'snapshots');
  const results = options.results ?? '.cyanotype/test-results';
  const fingerprint = options.fingerprint;
  const write = async () => {
    if (!fingerprint) throw new Error('toMatchBaseline: pass { fingerprint } to write baselines (Renderer.fingerprint())');
    await store.write(name, actual, fingerprint);
    await store.save();
  };
  const check = await checkAgainstBaseline(store, name, actual, { ...options, fastPath: update !== 'all' });
  if (check.kind === 'identical') return { pass: true, message: `${name} is identical to its baseline` };
  if (check.kind === 'missing') {
    if (update === 'none') {
      const path = join(results, `${name}-actual.png`);
      await writeFileAtomic(path, actual);
      return { pass: false, message: `baseline ${shown(store.path(name))} is missing (writing it is off in CI); actual: ${shown(path)}` };
    }
    await write();
    return { pass: true, message: `wrote the new baseline ${shown(store.path(name))}` };
  }
  const { baseline, result } = check;
  if (result.pass) {
    if (update === 'all') await write();
    return { pass: true, message: `${name} matches its baseline: ${result.message}` };
  }
  if (update === 'all') {
    await write();
    return { pass: true, message: `rewrote the baseline ${shown(store.path(name))}` };
  }
  const written = await writeFailureFiles(results, name, baseline, actual, result.diffImage);
  const files = {
    expected: join(results, written.expected),
    actual: join(results, written.actual),
    diff: written.diff && join(results, written.diff),
  };
  const entry = store.entry(name);
  const environment = fingerprint ? environmentNote(entry?.fingerprint, fingerprint) : undefined;
  const region = result.regions[0];
  return {
    pass: false,
    message: [
      `Screenshot comparison failed for "${name}":`,
      '',
      `  ${result.message}${region ? `, largest change at x ${region.x}, y ${region.y}, ${region.width}×${region.height}` : ''}`,
      ...(environment ? [`  ${environment}`] : []),
      '',
      `  Expected: ${shown(files.expected)}`,
      `  Received: ${shown(files.actual)}`,
      ...(files.diff ? [`      Diff: ${shown(files.diff)}`] : []),
      '',
      '  Run vitest with -u to accept the new picture.',
    ].join('\n'),
  };
}
