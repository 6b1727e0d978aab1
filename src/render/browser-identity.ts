/**
 * Which Chromium drew a picture: its version, and whether it is the headless shell (Chromium's
 * old headless mode as an executable of its own) or Chrome's new headless mode. The two draw
 * text a little differently (anti-aliasing at glyph edges), so an output stamp and a baseline's
 * fingerprint must tell them apart although their version numbers are the same.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { basename } from 'node:path';

const SHELL = ' (headless shell)';

/** From DevTools' product string: "HeadlessChrome/156.0.8078.108" (the shell) or "Chrome/156.0.8078.108". */
export function identityFromProduct(product: string): string {
  const version = product.replace(/^(Headless)?Chrome\//, '');
  return product.startsWith('HeadlessChrome/') ? `${version}${SHELL}` : version;
}

/** Whether an executable is Chromium's headless shell, by its name (symlinks resolved; Debian's and Puppeteer's both say so). */
export function isHeadlessShell(executable: string): boolean {
  try {
    return SHELL_NAME.test(basename(realpathSync(executable)).toLowerCase());
  } catch {
    return false;
  }
}

const SHELL_NAME = /headless[-_]shell/;

/**
 * What an executable is, without starting a browser: its version from `--version`, its kind
 * from its name (symlinks resolved). Undefined when either is unclear (a wrapper script with
 * another name, say): the caller then asks the started browser itself.
 */
export function identityOfExecutable(executable: string): Promise<string | undefined> {
  let name: string;
  try {
    name = basename(realpathSync(executable)).toLowerCase();
  } catch {
    return Promise.resolve(undefined);
  }
  const shell = SHELL_NAME.test(name);
  const full = /^(chromium|chromium-browser|chrome|google-chrome(-\w+)?)$/.test(name);
  if (!shell && !full) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(executable, ['--version'], { encoding: 'utf8', timeout: 10_000 }, (error, stdout) => {
      const version = error ? undefined : /\d+\.\d+\.\d+\.\d+/.exec(stdout)?.[0];
      resolve(version && (shell ? `${version}${SHELL}` : version));
    });
  });
}
