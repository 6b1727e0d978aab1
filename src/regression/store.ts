/**
 * The baselines folder: `<name>.png` files (reviewed pictures, stored small) and one manifest,
 * `cyanotype-baselines.json`, with each baseline's pixel hash, the hash of the capture it came
 * from, and the environment it was rendered in. The capture hash lets an unchanged render pass
 * without decoding a single PNG.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesHash, encodeBaseline, pixelHash } from '../compare/baseline-png.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../render/files.js';
import type { Fingerprint } from './fingerprint.js';

export const MANIFEST_FILE = 'cyanotype-baselines.json';

export interface BaselineEntry {
  /** sha256 of the decoded RGBA pixels. */
  readonly pixels: string;
  /** sha256 of the PNG bytes Chromium produced for this baseline. */
  readonly capture: string;
  /**
   * sha256 of the baseline file itself: the capture shortcut holds only while the file on disk
   * is the one this entry describes (an interrupted update or a hand edit changes it).
   */
  readonly file?: string | undefined;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly fingerprint: Fingerprint;
}

interface Manifest {
  readonly version: 1;
  baselines: Record<string, BaselineEntry>;
}

export class BaselineStore {
  private manifest: Manifest = { version: 1, baselines: {} };
  private dirty = false;

  private constructor(readonly directory: string) {}

  static async open(directory: string): Promise<BaselineStore> {
    const store = new BaselineStore(directory);
    const file = join(directory, MANIFEST_FILE);
    if (existsSync(file)) {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as Manifest;
        store.manifest = { version: 1, baselines: parsed.baselines ?? {} };
      } catch (error) {
        throw new UsageError(`${file}: not a valid baselines manifest (${(error as Error).message}); fix or delete it`);
      }
    }
    return store;
  }

  path(name: string): string {
    return join(this.directory, `${name}.png`);
  }

  entry(name: string): BaselineEntry | undefined {
    return this.manifest.baselines[name];
  }

  async read(name: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(name));
    } catch {
      return undefined;
    }
  }

  /**
   * Stores a capture as the baseline: re-encoded small, written atomically, recorded in the
   * manifest at once, so an update stopped part-way leaves every baseline old or new and the
   * manifest describing the files that are there.
   */
  async write(name: string, capture: Uint8Array, fingerprint: Fingerprint): Promise<BaselineEntry> {
    const png = encodeBaseline(capture);
    await mkdir(this.directory, { recursive: true });
    await writeFileAtomic(this.path(name), png);
    const header = png.readUInt32BE(16);
    const entry: BaselineEntry = {
      pixels: pixelHash(png),
      capture: bytesHash(capture),
      file: bytesHash(png),
      width: header,
      height: png.readUInt32BE(20),
      bytes: png.length,
      fingerprint,
    };
    this.manifest.baselines[name] = entry;
    this.dirty = true;
    await this.save();
    return entry;
  }

  /** Records that this capture's bytes show the baseline's pixels (after a slow comparison passed). */
  rememberCapture(name: string, capture: Uint8Array, baseline: Uint8Array): void {
    const entry = this.manifest.baselines[name];
    if (!entry) return;
    this.manifest.baselines[name] = { ...entry, capture: bytesHash(capture), file: bytesHash(baseline) };
    this.dirty = true;
  }

  /** Baseline names present on disk. */
  async names(): Promise<string[]> {
    if (!existsSync(this.directory)) return [];
    return (await readdir(this.directory))
      .filter((f) => f.endsWith('.png'))
      .map((f) => f.slice(0, -4))
      .sort();
  }

  async remove(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
    if (this.manifest.baselines[name]) {
      delete this.manifest.baselines[name];
      this.dirty = true;
    }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const sorted = Object.fromEntries(Object.entries(this.manifest.baselines).sort(([a], [b]) => a.localeCompare(b)));
    await mkdir(this.directory, { recursive: true });
    await writeFileAtomic(join(this.directory, MANIFEST_FILE), `${JSON.stringify({ version: 1, baselines: sorted }, null, 2)}\n`);
    this.dirty = false;
  }
}
