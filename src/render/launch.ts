/**
 * Starts Chromium as a plain child process with DevTools on a pipe, for Puppeteer to connect
 * through at once (see pipe-transport.ts). The process is ended with this one (exit or a
 * terminating signal), and its temporary profile is removed when it has gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { mark } from '../trace.js';
import { PipeTransport } from './pipe-transport.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The start page's file name in the profile. */
const START_PAGE = 'cyanotype-shell.html';

export class LaunchedChromium {
  /** DevTools, usable at once: commands wait in the pipe until Chromium reads them. */
  readonly transport: PipeTransport;
  /** Resolves when the process has exited and its profile is removed. */
  readonly gone: Promise<void>;
  /** How the process ended, once it has (undefined while it runs). */
  private ending: string | undefined;
  /** The end of what Chromium printed (kept for the message when it fails to start). */
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
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
      const ended = (how: string) => {
        if (this.ending !== undefined) return;
        this.ending = how;
        unsubscribe();
        void rm(profile, { recursive: true, force: true, maxRetries: 3 }).finally(resolve);
      };
      child.once('exit', (code, signal) => ended(signal ?? `code ${code}`));
      child.once('error', (error) => ended(error.message));
    });

    // Drained as it comes (a full pipe would stall Chromium); only the last lines are kept.
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (this.output = (this.output + chunk).slice(-2000)));
    const [, , , toChromium, fromChromium] = child.stdio;
    this.transport = new PipeTransport(toChromium as Writable, fromChromium as Readable);
  }

  /** Why Chromium is not running, with the last lines it printed; undefined while it runs. */
  get failure(): string | undefined {
    if (this.ending === undefined) return undefined;
    const tail = this.output.trim().split('\n').slice(-3).join(' | ');
    return `it exited (${this.ending})${tail ? `: ${tail}` : ''}`;
  }

  /**
   * `startPage`, when given, is the document Chromium's first tab opens as it boots (written into
   * the profile and opened as a file in place of about:blank): it loads while Puppeteer does.
   */
  static start(executable: string, args: readonly string[], startPage?: string): LaunchedChromium {
    const profile = mkdtempSync(join(tmpdir(), 'cyanotype-chromium-'));
    let urls = args;
    if (startPage !== undefined) {
      const file = join(profile, START_PAGE);
      writeFileSync(file, startPage);
      urls = [...args.filter((arg) => arg !== 'about:blank'), pathToFileURL(file).href];
    }
    mark('chromium spawned');
    const child = spawn(executable, [...urls, '--remote-debugging-pipe', `--user-data-dir=${profile}`], {
      // fd 3: commands to Chromium; fd 4: its replies.
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // A process group of its own, ended as one: the executable may be a wrapper script that
      // runs the browser as its child (Debian's chromium-headless-shell does), and killing only
      // the wrapper would leave the browser running and holding our pipes open. (On Windows
      // `detached` would give it a console of its own instead; it has no process groups.)
      detached: process.platform !== 'win32',
    });
    return new LaunchedChromium(child, profile);
  }

  /** Ends Chromium at once; `gone` resolves when it has exited and its profile is removed. */
  kill(): void {
    if (this.ending === undefined) this.killGroup();
  }

  /** SIGKILL to Chromium's process group (the browser, its helpers, and any wrapper around them). */
  private killGroup(): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone (or never started: spawn's error event reports that)
      this.child.kill('SIGKILL');
    }
  }

  /** On this process's way out: end Chromium and remove its profile synchronously. */
  private killNow(): void {
    if (this.ending !== undefined) return;
    this.killGroup();
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // a profile left in the temporary folder is not worth failing the exit for
    }
  }
}
