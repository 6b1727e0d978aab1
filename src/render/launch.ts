/**
 * Starts Chromium as a plain child process, for Puppeteer to connect to once it has loaded.
 * The process is ended with this one (exit or a terminating signal), and its temporary
 * profile is removed when it has gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mark } from '../trace.js';

const ENDPOINT = /^DevTools listening on (ws:\/\/\S+)/m;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export class LaunchedChromium {
  /** The DevTools WebSocket address, once Chromium prints it. */
  readonly endpoint: Promise<string>;
  /** Resolves when the process has exited and its profile is removed. */
  readonly gone: Promise<void>;
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
    timeout: number,
  ) {
    const onExit = () => this.killNow();
    const onSignal = (signal: NodeJS.Signals) => {
      this.killNow();
      unsubscribe();
      // Let the signal do what it would have done without us (usually: end this process).
      process.kill(process.pid, signal);
    };
    const unsubscribe = () => {
      process.off('exit', onExit);
      for (const s of SIGNALS) process.off(s, onSignal);
    };
    process.on('exit', onExit);
    for (const s of SIGNALS) process.on(s, onSignal);

    this.gone = new Promise<void>((resolve) => {
      child.once('exit', () => {
        this.exited = true;
        unsubscribe();
        void rm(profile, { recursive: true, force: true, maxRetries: 3 }).finally(resolve);
      });
      child.once('error', () => {
        this.exited = true;
        unsubscribe();
        void rm(profile, { recursive: true, force: true }).finally(resolve);
      });
    });

    this.endpoint = new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => fail(`no DevTools address within ${timeout} ms`), timeout);
      const fail = (why: string) => {
        clearTimeout(timer);
        this.kill();
        const tail = output.trim().split('\n').slice(-3).join(' | ');
        reject(new Error(tail ? `${why}: ${tail}` : why));
      };
      child.stderr?.setEncoding('utf8');
      const read = (chunk: string) => {
        output += chunk;
        const found = ENDPOINT.exec(output);
        if (!found?.[1]) return;
        clearTimeout(timer);
        // Keep draining stderr (a full pipe would stall Chromium), without keeping it.
        child.stderr?.off('data', read);
        child.stderr?.resume();
        mark('chromium ready');
        resolve(found[1]);
      };
      child.stderr?.on('data', read);
      child.once('error', (error) => fail(error.message));
      child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`}) before it was ready`));
    });
    this.endpoint.catch(() => undefined); // awaited by the session
  }

  static start(executable: string, args: readonly string[], timeout: number): LaunchedChromium {
    const profile = mkdtempSync(join(tmpdir(), 'cyanotype-chromium-'));
    mark('chromium spawned');
    const child = spawn(executable, [...args, '--remote-debugging-port=0', `--user-data-dir=${profile}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new LaunchedChromium(child, profile, timeout);
  }

  /** Ends Chromium at once; `gone` resolves when it has exited and its profile is removed. */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** On this process's way out: end Chromium and remove its profile synchronously. */
  private killNow(): void {
    if (this.exited) return;
    this.child.kill('SIGKILL');
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // a profile left in the temporary folder is not worth failing the exit for
    }
  }
}
