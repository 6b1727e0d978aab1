/**
 * `cyanotype approve`: promote the last run's actual pictures to baselines without rendering
 * again — what was reviewed in the report is exactly what becomes the baseline.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { didYouMean } from '../spec/suggest.js';
import type { RunSummary } from './results.js';
import { RESULTS_FILE } from './run.js';
import { BaselineStore } from './store.js';

export interface Approval {
  readonly name: string;
  readonly baseline: string;
}

export async function approve(names: readonly string[], resultsDirectory: string, snapshots: string): Promise<Approval[]> {
  const file = join(resultsDirectory, RESULTS_FILE);
  if (!existsSync(file)) throw new UsageError(`no previous run in ${resultsDirectory} (no ${RESULTS_FILE}); run \`cyanotype test\` first`);
  const run = JSON.parse(await readFile(file, 'utf8')) as RunSummary;
  if (!run.fingerprint) throw new UsageError(`${file}: the last run rendered nothing, so there is nothing to approve`);
  const candidates = run.items.filter((i) => i.artifacts.actual && (i.status === 'failed' || i.status === 'missing'));
  const matches = (name: string, wanted: string) => name === wanted || name.startsWith(`${wanted}.`);
  for (const wanted of names) {
    if (!candidates.some((c) => matches(c.name, wanted))) {
      const all = run.items.map((i) => i.name);
      const known = all.some((n) => matches(n, wanted));
      const specNames = run.items.map((i) => i.name.replace(/\.[^.]+\.\d+x\d+$/, ''));
      throw new UsageError(
        known
          ? `"${wanted}" did not fail in the last run; nothing to approve for it`
          : `"${wanted}" is not an item of the last run${didYouMean(wanted, [...new Set([...specNames, ...all])])}`,
      );
    }
  }
  const chosen = names.length ? candidates.filter((c) => names.some((n) => matches(c.name, n))) : candidates;
  const store = await BaselineStore.open(snapshots);
  const approved: Approval[] = [];
  for (const item of chosen) {
    const actual = join(resultsDirectory, item.artifacts.actual ?? '');
    if (!existsSync(actual)) throw new UsageError(`${actual} is gone; run \`cyanotype test\` again`);
    await store.write(item.name, await readFile(actual), run.fingerprint);
    approved.push({ name: item.name, baseline: store.path(item.name) });
  }
  await store.save();
  return approved;
}
