/**
 * Plain data in and out of the layout step. Layout runs in Node (unit tests) and in the page
 * (the real render), so nothing here may touch the DOM, Lit or Puppeteer.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A typeface setting, read from the theme's tokens in the page and passed in. */
export interface FontMetrics {
  readonly family: string;
  readonly weight: number;
  readonly size: number;
  readonly lineHeight: number;
  readonly letterSpacing: number;
  readonly uppercase: boolean;
}

/** Width in CSS pixels of `text` set on one line in `font`. Measured with the real fonts. */
export type MeasureText = (text: string, font: FontMetrics) => number;

/** The theme's layout decisions, read from CSS custom properties (see themes/README.md). */
export interface LayoutMetrics {
  readonly margin: number;
  readonly fonts: {
    readonly title: FontMetrics;
    readonly subtitle: FontMetrics;
    readonly tag: FontMetrics;
    readonly bandTitle: FontMetrics;
    readonly nodeLabel: FontMetrics;
    readonly nodeRole: FontMetrics;
    readonly edgeLabel: FontMetrics;
    readonly noteTitle: FontMetrics;
    readonly noteRole: FontMetrics;
    readonly legendTitle: FontMetrics;
    readonly legendText: FontMetrics;
    readonly badge: FontMetrics;
  };
  /** Width of a component box; a column is this wide. */
  readonly nodeWidth: number;
  readonly nodePaddingX: number;
  readonly nodePaddingY: number;
  readonly iconSize: number;
  readonly iconGap: number;
  /** Vertical gap between boxes in a column that no labelled arrow passes. */
  readonly nodeGap: number;
  /** Minimum horizontal room between two columns. */
  readonly columnGap: number;
  readonly edgeLabelMaxWidth: number;
  readonly edgeLabelPaddingX: number;
  readonly edgeLabelPaddingY: number;
  readonly arrowSize: number;
  readonly badgeSize: number;
  readonly notePadding: number;
  readonly legendPadding: number;
  readonly sectionGap: number;
  /** Smallest size text may shrink to before it is reported as not fitting. */
  readonly minTextSize: number;
}

/** Text broken into lines and placed: the page draws exactly these lines in this box. */
export interface TextBlock {
  /** The whole text as shown (after any case transform), before line breaking. */
  readonly text: string;
  readonly lines: readonly string[];
  readonly rect: Rect;
  /** True when a line is wider than the room it was given (a word longer than the box). */
  readonly overflows: boolean;
  /** Set when the text had to shrink below its role's size to fit. */
  readonly shrunk?: { readonly size: number; readonly lineHeight: number } | undefined;
}

export interface NodeLayout {
  readonly id: string;
  readonly rect: Rect;
  readonly icon?: string | undefined;
  readonly iconRect?: Rect | undefined;
  readonly label: TextBlock;
  readonly role?: TextBlock | undefined;
  /** Set when the box is one layer of a stack: where it sits decides which borders it shares. */
  readonly stack?: { readonly id: string; readonly index: number; readonly count: number } | undefined;
}

export interface StackLayout {
  readonly id: string;
  readonly rect: Rect;
  /** Side the stack is bracketed on when a connection leaves or enters the stack as a whole. */
  readonly brackets: readonly ('left' | 'right' | 'top' | 'bottom')[];
}

export interface ConnectionLayout {
  readonly id: string;
  /** The arrow: an orthogonal polyline, the head at the last point. */
  readonly path: readonly Point[];
  /** Feeders of a merge: polylines from each extra source that end on the junction. */
  readonly feeders: readonly (readonly Point[])[];
  readonly junction?: Point | undefined;
  readonly label?: TextBlock | undefined;
  /** The plate behind the label (label rect plus padding). */
  readonly labelPlate?: Rect | undefined;
}

export interface BandLayout {
  readonly id: string;
  readonly title: TextBlock;
  readonly rect: Rect;
}

export interface NoteLayout {
  readonly index: number;
  readonly rect: Rect;
  readonly title: TextBlock;
  readonly role?: TextBlock | undefined;
}

export interface LegendLayout {
  readonly rect: Rect;
  readonly title: TextBlock;
  readonly steps: readonly {
    readonly number: number;
    readonly badge: Rect;
    readonly text: TextBlock;
  }[];
}

export interface BadgeLayout {
  readonly number: number;
  /** The component, stack or connection the badge marks. */
  readonly target: string;
  readonly rect: Rect;
}

/** The diagram in its own coordinates; the page places it at `origin`, scaled by `scale`. */
export interface DiagramLayout {
  readonly origin: Point;
  /** Scale applied to fit the diagram region (1 = drawn at the theme's sizes). */
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  readonly bands: readonly BandLayout[];
  readonly stacks: readonly StackLayout[];
  readonly nodes: readonly NodeLayout[];
  readonly connections: readonly ConnectionLayout[];
  readonly badges: readonly BadgeLayout[];
}

/** Everything on the artboard, in artboard pixels except the diagram's own coordinates. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly title: TextBlock;
  readonly subtitle?: TextBlock | undefined;
  /** The archetype tag and the box drawn around it. */
  readonly tag: TextBlock;
  readonly tagBox: Rect;
  /** Rule under the title. */
  readonly titleRule: Rect;
  /** The room the diagram was fitted into. */
  readonly diagramRegion: Rect;
  readonly diagram: DiagramLayout;
  readonly notes: readonly NoteLayout[];
  readonly legend?: LegendLayout | undefined;
}
