import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pixelHash } from '../../src/compare/baseline-png.js';
import { currentFingerprint } from '../../src/regression/fingerprint.js';
import { matchBaseline } from '../../src/regression/match-baseline.js';
import { scratchDir } from '../support/scratch.js';

const image = (name: string) => readFileSync(`test/fixtures/images/${name}.png`);
const fingerprint = currentFingerprint('156.0.8078.108');

function workspace() {
  const root = scratchDir('matcher');
  return { snapshots: join(root, 'snapshots'), results: join(root, 'results'), fingerprint };
}

describe('toMatchBaseline', () => {
  it('writes a missing baseline unless writing is off (CI)', async () => {
    const ws = workspace();
    expect(await matchBaseline(image('expected'), 'crop', 'none', ws)).toMatchObject({
      pass: false,
      message: expect.stringContaining('is missing'),
    });
    expect(existsSync(join(ws.snapshots, 'crop.png'))).toBe(false);
    expect(await matchBaseline(image('expected'), 'crop', 'new', ws)).toMatchObject({ pass: true });
    expect(pixelHash(readFileSync(join(ws.snapshots, 'crop.png')))).toBe(pixelHash(image('expected')));
  });

  it('fails a changed picture with a message that says how much, where, and which files to look at', async () => {
    const ws = workspace();
    await matchBaseline(image('expected'), 'crop', 'new', ws);
    await expect(expect(image('one-pixel')).toMatchBaseline('crop', ws)).rejects.toThrow(
      /Screenshot comparison failed for "crop":\n\n {2}1 pixel \(0\.02%\) differ, largest change at x 4, y 40, 1×1\n\n {2}Expected: .*crop-expected\.png\n {2}Received: .*crop-actual\.png\n {6}Diff: .*crop-diff\.png/,
    );
    expect(existsSync(join(ws.results, 'crop-diff.png'))).toBe(true);
  });

  it('rewrites the baseline under vitest -u', async () => {
    const ws = workspace();
    await matchBaseline(image('expected'), 'crop', 'new', ws);
    expect(await matchBaseline(image('one-pixel'), 'crop', 'all', ws)).toMatchObject({
      pass: true,
      message: expect.stringContaining('rewrote'),
    });
    expect(pixelHash(readFileSync(join(ws.snapshots, 'crop.png')))).toBe(pixelHash(image('one-pixel')));
  });

  it('passes the same pixels and honours a colour threshold', async () => {
    const ws = workspace();
    await matchBaseline(image('expected'), 'crop', 'new', ws);
    await expect(image('expected')).toMatchBaseline('crop', ws);
    await expect(image('aa-noise')).toMatchBaseline('crop', { ...ws, threshold: 0.1 });
  });
});
