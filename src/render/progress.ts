/**
 * What a batch render shows while it runs: a progress bar on a terminal (done/total, current
 * spec, elapsed and remaining time), one plain line per item when output is a log (not a
 * terminal, or CI set), nothing per item with --json (the report is printed at the end).
 */
export type ItemStatus = 'written' | 'skipped' | 'failed';

export interface ItemOutcome {
  readonly spec: string;
  readonly output?: string | undefined;
  readonly status: ItemStatus;
  /** Wall time of the item, from the start of its render to its file written. */
  readonly ms: number;
  /** The browser crashed or hung on the first attempt and a fresh one rendered it. */
  readonly retried: boolean;
  readonly findings: number;
  readonly error?: string | undefined;
  /** Internal detail of the error, for bug reports (printed with --verbose). */
  readonly detail?: string | undefined;
}

export type ProgressMode = 'bar' | 'lines' | 'json';

export interface ProgressSink {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current terminal line (bar mode only). */
  status(line: string): void;
}

export function progressMode(options: { json: boolean; isTTY: boolean; ci: boolean }): ProgressMode {
  if (options.json) return 'json';
  return options.isTTY && !options.ci ? 'bar' : 'lines';
}

/**
 * A terminal's last line while items run: done/total, the current item, elapsed and remaining
 * time; lines printed while it shows go above it. Without a terminal it draws nothing.
 */
export class StatusBar {
  private done = 0;
  private total = 0;
  private current = '';
  private readonly started: number;

  constructor(
    private readonly sink: ProgressSink,
    private readonly shown: boolean,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
  }

  /** Seconds since the bar was made. */
  get seconds(): number {
    return (this.clock() - this.started) / 1000;
  }

  begin(total: number): void {
    this.total = total;
    this.draw();
  }

  start(name: string): void {
    this.current = name;
    this.draw();
  }

  advance(): void {
    this.done++;
    this.draw();
  }

  /** Prints `line` through `to`, above the bar. */
  above(line: string, to: (line: string) => void): void {
    this.clear();
    to(line);
    this.draw();
  }

  clear(): void {
    if (this.shown) this.sink.status('');
  }

  private draw(): void {
    if (this.shown && this.total > 0) this.sink.status(barLine(this.done, this.total, this.seconds, this.current));
  }
}

export class Progress {
  private readonly bar: StatusBar;
  private total = 0;
  readonly outcomes: ItemOutcome[] = [];

  constructor(
    readonly mode: ProgressMode,
    private readonly sink: ProgressSink,
    private readonly verbose = false,
    clock: () => number = () => performance.now(),
  ) {
    this.bar = new StatusBar(sink, mode === 'bar', clock);
  }

  begin(total: number): void {
    this.total = total;
    this.bar.begin(total);
  }

  start(spec: string): void {
    this.bar.start(spec);
  }

  /** A warning or an error about one item: above the bar, or on its own line. */
  note(line: string): void {
    this.bar.above(line, (text) => this.sink.err(text));
  }

  finish(outcome: ItemOutcome): void {
    this.outcomes.push(outcome);
    this.bar.advance();
    if (this.mode === 'lines') {
      if (outcome.status === 'written')
        this.sink.out(`${outcome.spec} → ${outcome.output} (${outcome.ms} ms${outcome.retried ? ', retried' : ''})`);
      if (outcome.status === 'skipped') this.sink.out(`${outcome.spec} → ${outcome.output} unchanged, skipped`);
    }
    if (outcome.status === 'failed' && outcome.error) {
      this.note(this.verbose && outcome.detail ? `${outcome.error}\n${outcome.detail}` : outcome.error);
    }
  }

  /** The closing line (and, with --json, the report); `browsers` the run rendered with. */
  end(run: { readonly browsers?: number } = {}): void {
    this.bar.clear();
    const count = (s: ItemStatus) => this.outcomes.filter((o) => o.status === s).length;
    const seconds = this.bar.seconds.toFixed(1);
    const retried = this.outcomes.filter((o) => o.retried).length;
    if (this.mode === 'json') {
      this.sink.out(
        JSON.stringify(
          {
            items: this.outcomes,
            written: count('written'),
            skipped: count('skipped'),
            failed: count('failed'),
            retried,
            seconds: Number(seconds),
            ...(run.browsers === undefined ? {} : { browsers: run.browsers }),
          },
          null,
          2,
        ),
      );
      return;
    }
    if (this.total > 1 || this.mode === 'bar') {
      const parts = [`${count('written')} written`, `${count('skipped')} unchanged`, `${count('failed')} failed`];
      if (retried) parts.push(`${retried} retried after a browser crash`);
      const browsers = (run.browsers ?? 1) > 1 ? ` with ${run.browsers} browsers` : '';
      this.sink.out(`${parts.join(', ')} in ${seconds} s${browsers}`);
    }
  }
}

/** "[######..................] 3/12 0:01 elapsed, ~0:04 left  name". */
function barLine(done: number, total: number, elapsedSeconds: number, current: string): string {
  const width = 24;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const remaining = done > 0 ? (elapsedSeconds / done) * (total - done) : undefined;
  const name = current.length > 40 ? `…${current.slice(-39)}` : current;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${clock(elapsedSeconds)} elapsed` +
    `${remaining === undefined ? '' : `, ~${clock(remaining)} left`}  ${name}`
  );
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
