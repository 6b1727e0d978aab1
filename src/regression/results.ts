/** The outcome of one regression item, and of a run: what the report, JUnit and JSON are made of. */
import type { Region } from '../compare/compare.js';
import type { Fingerprint } from './fingerprint.js';

export type ItemStatus =
  /** Matches its baseline. */
  | 'passed'
  /** No baseline existed; one was written (locally, or because --update asked for it). */
  | 'written'
  /** Differed, and --update rewrote the baseline. */
  | 'updated'
  /** Differs from its baseline. */
  | 'failed'
  /** No baseline, and this is CI: nothing was written. */
  | 'missing'
  /** The spec is invalid or the render failed. */
  | 'error';

export interface ItemResult {
  readonly name: string;
  readonly specFile: string;
  readonly theme: string;
  readonly size: string;
  readonly status: ItemStatus;
  readonly message: string;
  readonly durationMs: number;
  readonly diffPixels?: number | undefined;
  readonly diffRatio?: number | undefined;
  readonly regions?: readonly Region[] | undefined;
  /** Set when the rendering environment differs from the baseline's. */
  readonly environment?: string | undefined;
  /** For errors: 2 for an invalid spec, 1 for a failed render. */
  readonly exitCode?: 1 | 2 | undefined;
  /** Paths relative to the results folder. */
  readonly artifacts: { readonly expected?: string; readonly actual?: string; readonly diff?: string };
}

export interface RunSummary {
  readonly startedAt: string;
  readonly fingerprint: Fingerprint | undefined;
  /** Filtered or sharded: not every item of the specs was run. */
  readonly partial: boolean;
  readonly items: readonly ItemResult[];
}

export const failed = (r: ItemResult): boolean => r.status === 'failed' || r.status === 'missing' || r.status === 'error';

export function countLine(items: readonly ItemResult[]): string {
  const bad = items.filter(failed).length;
  return `${items.length - bad} passed, ${bad} failed`;
}
