/**
 * What a baseline was rendered with. When a comparison fails and the fingerprint differs,
 * the failure says so, so nobody chases a phantom change that is really a browser update.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot, packageVersion } from '../package-root.js';
import { DETERMINISM_FLAGS } from '../render/flags.js';

export interface Fingerprint {
  readonly cyanotype: string;
  readonly chromium: string;
  readonly fonts: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly platform: string;
}

/** Every @fontsource package cyanotype depends on: the fonts bundled into the page. */
function fontPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith('@fontsource/'))
    .sort();
}

function fontVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = {};
  for (const name of fontPackages()) {
    try {
      const manifest = require.resolve(`${name}/package.json`);
      versions[name] = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'unknown';
    }
  }
  return versions;
}

export function currentFingerprint(chromium: string): Fingerprint {
  return {
    cyanotype: packageVersion(),
    chromium,
    fonts: fontVersions(),
    flags: [...DETERMINISM_FLAGS],
    platform: `${process.platform}-${process.arch}`,
  };
}

/** What differs, as phrases: "Chromium 156.0.8078.108 → 157.0.1.2". Empty when nothing does. */
export function fingerprintChanges(baseline: Fingerprint | undefined, current: Fingerprint): string[] {
  if (!baseline) return [];
  const changes: string[] = [];
  if (baseline.chromium !== current.chromium) changes.push(`Chromium ${baseline.chromium} → ${current.chromium}`);
  for (const [name, version] of Object.entries(current.fonts)) {
    const before = baseline.fonts[name];
    if (before !== undefined && before !== version) changes.push(`${name} ${before} → ${version}`);
  }
  if (baseline.flags.join(' ') !== current.flags.join(' ')) changes.push('Chromium flags');
  if (baseline.platform !== current.platform) changes.push(`platform ${baseline.platform} → ${current.platform}`);
  if (baseline.cyanotype !== current.cyanotype) changes.push(`cyanotype ${baseline.cyanotype} → ${current.cyanotype}`);
  return changes;
}

/** The sentence a failure carries when the rendering environment moved. */
export function environmentNote(baseline: Fingerprint | undefined, current: Fingerprint): string | undefined {
  const changes = fingerprintChanges(baseline, current);
  if (!baseline || changes.length === 0) return undefined;
  return `baseline made with Chromium ${baseline.chromium}, this run ${current.chromium}${changes.length > 1 || baseline.chromium === current.chromium ? ` (changed: ${changes.join(', ')})` : ''}`;
}
