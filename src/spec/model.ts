/**
 * The validated, normalised spec: what layout and the page work from. Built from the schema's
 * output by validate.ts, so defaults are filled in and every reference is known to resolve.
 */
import type { IconNode } from '../icons/icons.js';
import type { ARCHETYPES } from './schema.js';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Component {
  readonly id: string;
  readonly label: string;
  readonly role?: string | undefined;
  /** Resolved lucide icon name, or "svg:<path>" for the spec's own icon; a key of RenderDocument.icons. */
  readonly icon?: string | undefined;
  readonly band?: string | undefined;
  readonly stack?: string | undefined;
}

/** Components drawn as one contiguous stack; members are listed bottom first. */
export interface Stack {
  readonly id: string;
  readonly members: readonly string[];
}

export interface Connection {
  readonly id: string;
  /** Component or stack ids; more than one is drawn as a merge into a single arrow. */
  readonly from: readonly string[];
  readonly to: string;
  readonly label?: string | undefined;
}

export interface Note {
  readonly title: string;
  readonly role?: string | undefined;
}

export interface LegendStep {
  /** 1-based step number, as printed in the legend and on the badges. */
  readonly number: number;
  readonly text: string;
  /** Component, stack or connection ids that carry this step's badge. */
  readonly refs: readonly string[];
}

export interface Spec {
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly archetype: (typeof ARCHETYPES)[number];
  /** The theme this render uses: the first the spec declares unless a run chose another. */
  readonly theme: string;
  /** Every theme the spec declares (regression tests cover each). */
  readonly themes: readonly string[];
  /** The artboard size of this render: the first declared unless a run chose another. */
  readonly size: Size;
  readonly sizes: readonly Size[];
  readonly components: readonly Component[];
  readonly stacks: readonly Stack[];
  readonly connections: readonly Connection[];
  readonly notes: readonly Note[];
  readonly legend: readonly LegendStep[];
  /** Settings for the quality checks. */
  readonly check: { readonly words: readonly string[]; readonly allowSecurityClaims: boolean };
  /** The spec's own SVG icons, sanitised to shape data, by their "svg:<path>" key. */
  readonly customIcons?: Readonly<Record<string, IconNode>> | undefined;
}
