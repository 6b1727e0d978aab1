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

/** Debian's chromium-headless-shell and Puppeteer's chrome-headless-shell both say so in their names. */
const SHELL_NAME = /headless[-_]shell/;

/** An executable's file name, symlinks resolved, lower case; undefined when it does not exist. */
function executableName(executable: string): string | undefined {
  try {
    return basename(realpathSync(executable)).toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether an executable is Chromium's headless shell, by its name. */
export function isHeadlessShell(executable: string): boolean {
  return SHELL_NAME.test(executableName(executable) ?? '');
}

/**
 * What an executable is, without starting a browser: its version from `--version`, its kind
 * from its name (symlinks resolved). Undefined when either is unclear (a wrapper script with
 * another name, say): the caller then asks the started browser itself.
 */
export function identityOfExecutable(executable: string): Promise<string | undefined> {
  const name = executableName(executable);
  if (name === undefined) return Promise.resolve(undefined);
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
