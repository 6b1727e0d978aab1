/** Finding spec files and writing outputs so that a reader never sees a half-written file. */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { SPEC_EXTENSIONS } from '../spec/extensions.js';

const isSpec = (name: string) => (SPEC_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/**
 * Spec files named directly, or found (recursively, sorted) in the named directories. Folders
 * in `skip` (cyanotype's own: the baselines, results, output) are not searched, so
 * `cyanotype test .` does not take the baseline manifest for a spec.
 */
export async function collectSpecFiles(inputs: readonly string[], skip: readonly string[] = []): Promise<string[]> {
  const skipped = new Set(skip.map((directory) => resolve(directory)));
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UsageError(`${input}: no such file or directory`);
    }
    if (info.isDirectory()) {
      const found = await walk(input, skipped);
      if (found.length === 0) throw new UsageError(`${input}: no spec files (${SPEC_EXTENSIONS.join(', ')}) in this directory`);
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  return [...new Set(files)];
}

async function walk(directory: string, skipped: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(resolve(path))) out.push(...(await walk(path, skipped)));
    } else if (entry.isFile() && isSpec(entry.name)) out.push(path);
  }
  return out;
}

/** The output name for a spec: its file name without extension. */
export function outputName(specFile: string): string {
  return basename(specFile, extname(specFile));
}

/** Path of an output inside `directory`; refuses names that would escape it. */
export function outputPath(directory: string, name: string, extension: string): string {
  const root = resolve(directory);
  const path = resolve(root, `${name}.${extension}`);
  const inside = relative(root, path);
  if (!path.startsWith(root + sep) || inside.split(sep).includes('..') || isAbsolute(inside)) {
    throw new UsageError(`output name "${name}" would be written outside ${directory}`);
  }
  return path;
}

/**
 * Makes sure outputs can be written to `directory` (creating it), before anything renders:
 * a folder that cannot be written is a usage error, not one failure per item.
 */
export async function ensureWritableFolder(directory: string, option = '-o'): Promise<void> {
  const probe = join(directory, `.cyanotype-write-check.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EEXIST' || code === 'ENOTDIR'
          ? 'a file is in the way, not a folder'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : (code ?? 'unknown error');
    throw new UsageError(`${option} ${directory}: cannot write output files there (${why})`, String(error));
  }
}

/** Writes via a temporary file in the same folder and a rename, which is atomic on one filesystem. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
