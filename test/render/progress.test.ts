import { describe, expect, it } from 'vitest';
import { Progress, type ItemOutcome, type ProgressMode } from '../../src/render/progress.js';

function run(mode: ProgressMode, browsers: number) {
  const out: string[] = [];
  const sink = { out: (line: string) => out.push(line), err: (line: string) => out.push(line), status: () => undefined };
  const progress = new Progress(mode, sink, false, () => 0);
  progress.begin(2);
  const item = (spec: string): ItemOutcome => ({ spec, output: `out/${spec}.png`, status: 'written', ms: 5, retried: false, findings: 0 });
  progress.finish(item('a'));
  progress.finish(item('b'));
  progress.end({ browsers });
  return out;
}

describe("Progress's closing report", () => {
  it('says how many browsers rendered when there were more than one', () => {
    expect(run('lines', 2).at(-1)).toBe('2 written, 0 unchanged, 0 failed in 0.0 s with 2 browsers');
    expect(run('lines', 1).at(-1)).toBe('2 written, 0 unchanged, 0 failed in 0.0 s');
  });

  it('gives the number of browsers in the --json report', () => {
    const report = JSON.parse(run('json', 2).join('\n')) as { written: number; browsers: number };
    expect(report).toMatchObject({ written: 2, browsers: 2 });
  });
});
