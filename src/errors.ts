/**
 * Every failure a user can meet is one of these classes. Library code throws them; only the
 * CLI entry (src/cli.ts) turns them into a message and an exit code.
 */
export abstract class CyanotypeError extends Error {
  /** Exit code the CLI uses for this kind of failure. */
  abstract readonly exitCode: 1 | 2;
  /** Internal detail for bug reports (shown with --verbose), never part of the one-line message. */
  readonly detail: string | undefined;

  constructor(message: string, detail?: string) {
    super(message);
    this.name = new.target.name;
    this.detail = detail;
  }
}

/** A spec file that cannot be read, parsed or validated. `place` is a JSON pointer or "line:column". */
export class SpecError extends CyanotypeError {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly place: string,
    readonly problem: string,
    detail?: string,
  ) {
    super(place ? `${file}: ${place}: ${problem}` : `${file}: ${problem}`, detail);
  }
}

/** Bad command-line usage: an unknown option value, a path that does not exist, an unknown theme. */
export class UsageError extends CyanotypeError {
  readonly exitCode = 2;
}

/** No browser could be found or started. */
export class BrowserError extends CyanotypeError {
  readonly exitCode = 1;
}

/** A render that started but did not produce an image. */
export class RenderError extends CyanotypeError {
  readonly exitCode = 1;
  constructor(
    readonly item: string,
    /** What went wrong, without the item (a caller that already names the item prints this). */
    readonly problem: string,
    detail?: string,
  ) {
    super(`${item}: ${problem}`, detail);
  }
}

/**
 * The error as the failure of one item of a batch (an invalid spec, a failed render); anything
 * else — bad usage, a browser that cannot start, a bug — is thrown on and stops the run.
 */
export function itemFailure(error: unknown): CyanotypeError {
  if (!(error instanceof CyanotypeError) || error instanceof UsageError || error instanceof BrowserError) throw error;
  return error;
}
