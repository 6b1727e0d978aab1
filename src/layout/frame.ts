/**
 * The artboard's fixed regions: title band at the top, notes and legend at the bottom, and
 * what is left in between for the diagram.
 */
import type { Spec } from '../spec/model.js';
import { ceilPx, fitText, placeText, wrapText } from './text.js';
import type { LayoutMetrics, LegendLayout, MeasureText, NoteLayout, Rect, TextBlock } from './types.js';

export interface Frame {
  readonly title: TextBlock;
  readonly subtitle: TextBlock | undefined;
  readonly tag: TextBlock;
  readonly tagBox: Rect;
  readonly titleRule: Rect;
  readonly diagramRegion: Rect;
  readonly notes: NoteLayout[];
  readonly legend: LegendLayout | undefined;
}

export const LEGEND_TITLE = 'Legend';

export function layoutFrame(spec: Spec, metrics: LayoutMetrics, measure: MeasureText): Frame {
  const { width, height } = spec.size;
  const { fonts, margin } = metrics;
  // Every text wraps at its width, and an unbreakable word shrinks it down to the legible
  // minimum before it is reported as overflowing.
  const fit = (text: string, font: Parameters<typeof wrapText>[1], maxWidth: number) =>
    fitText(text, font, maxWidth, measure, metrics.minTextSize);
  const contentWidth = width - 2 * margin;

  // Title band: the title on the left, the archetype tag on the right.
  const tagText = fit(spec.archetype, fonts.tag, contentWidth / 3);
  const tagPadX = 8;
  const tagWidth = ceilPx(tagText.width + 2 * tagPadX);
  const title = fit(spec.title, fonts.title, contentWidth - tagWidth - 24);
  const titleBlock = placeText(title, margin, margin);
  const subtitle = spec.subtitle ? fit(spec.subtitle, fonts.subtitle, contentWidth - tagWidth - 24) : undefined;
  const subtitleBlock = subtitle ? placeText(subtitle, margin, margin + title.height + 4) : undefined;
  const headBottom = margin + title.height + (subtitle ? subtitle.height + 4 : 0);
  const tagHeight = ceilPx(tagText.height + 6);
  const tagBox: Rect = {
    x: width - margin - tagWidth,
    y: margin + Math.round((title.height - tagHeight) / 2),
    width: tagWidth,
    height: tagHeight,
  };
  const tag = placeText(tagText, tagBox.x + (tagWidth - tagText.width) / 2, tagBox.y + (tagHeight - tagText.height) / 2);
  const titleRule: Rect = { x: margin, y: ceilPx(headBottom + 10), width: contentWidth, height: 2 };

  // Bottom band: notes on the left, the legend on the right; whichever is alone takes the width.
  const hasNotes = spec.notes.length > 0;
  const hasLegend = spec.legend.length > 0;
  const notesWidth = hasNotes ? (hasLegend ? Math.round(contentWidth * 0.3) : contentWidth) : 0;
  const legendWidth = hasLegend ? contentWidth - (hasNotes ? notesWidth + metrics.sectionGap : 0) : 0;

  let legend: LegendLayout | undefined;
  let legendHeight = 0;
  const legendSteps: { number: number; text: ReturnType<typeof wrapText> }[] = [];
  const legendTitle = wrapText(LEGEND_TITLE, fonts.legendTitle, legendWidth, measure);
  const stepGap = 6;
  const badgeGap = 10;
  if (hasLegend) {
    const textWidth = legendWidth - 2 * metrics.legendPadding - metrics.badgeSize - badgeGap;
    for (const step of spec.legend) legendSteps.push({ number: step.number, text: fit(step.text, fonts.legendText, textWidth) });
    legendHeight = ceilPx(
      2 * metrics.legendPadding +
        legendTitle.height +
        8 +
        legendSteps.reduce((sum, s) => sum + Math.max(s.text.height, metrics.badgeSize), 0) +
        stepGap * (legendSteps.length - 1),
    );
  }

  const noteGap = 10;
  const noteTexts = spec.notes.map((note) => ({
    title: fit(note.title, fonts.noteTitle, notesWidth - 2 * metrics.notePadding),
    role: note.role ? fit(note.role, fonts.noteRole, notesWidth - 2 * metrics.notePadding) : undefined,
  }));
  const noteNatural = noteTexts.map((n) => ceilPx(2 * metrics.notePadding + n.title.height + (n.role ? 2 + n.role.height : 0)));
  const notesHeight = noteNatural.reduce((a, b) => a + b, 0) + noteGap * Math.max(0, noteNatural.length - 1);

  const bottomHeight = Math.max(legendHeight, hasLegend ? 0 : notesHeight, hasNotes && hasLegend ? notesHeight : 0);
  const bottomY = height - margin - bottomHeight;

  if (hasLegend) {
    const x = width - margin - legendWidth;
    const rect = { x, y: bottomY, width: legendWidth, height: bottomHeight };
    let y = bottomY + metrics.legendPadding + legendTitle.height + 8;
    const steps = legendSteps.map((s) => {
      const rowHeight = Math.max(s.text.height, metrics.badgeSize);
      const badge = {
        x: x + metrics.legendPadding,
        y: y + (rowHeight - metrics.badgeSize) / 2,
        width: metrics.badgeSize,
        height: metrics.badgeSize,
      };
      const text = placeText(s.text, badge.x + metrics.badgeSize + badgeGap, y + (rowHeight - s.text.height) / 2);
      y += rowHeight + stepGap;
      return { number: s.number, badge, text };
    });
    legend = { rect, title: placeText(legendTitle, x + metrics.legendPadding, bottomY + metrics.legendPadding), steps };
  }

  // Notes share the bottom band's height so their column lines up with the legend.
  const notes: NoteLayout[] = [];
  if (hasNotes) {
    const spare = Math.max(0, bottomHeight - notesHeight);
    const extra = Math.floor(spare / noteTexts.length);
    let y = bottomY;
    noteTexts.forEach((n, index) => {
      const boxHeight = (noteNatural[index] ?? 0) + extra;
      const contentHeight = n.title.height + (n.role ? 2 + n.role.height : 0);
      const top = y + (boxHeight - contentHeight) / 2;
      const title = placeText(n.title, margin + metrics.notePadding, top);
      const role = n.role ? placeText(n.role, margin + metrics.notePadding, top + n.title.height + 2) : undefined;
      notes.push({ index, rect: { x: margin, y, width: notesWidth, height: boxHeight }, title, role });
      y += boxHeight + noteGap;
    });
  }

  const regionTop = titleRule.y + titleRule.height + metrics.sectionGap;
  const regionBottom = hasNotes || hasLegend ? bottomY - metrics.sectionGap : height - margin;
  return {
    title: titleBlock,
    subtitle: subtitleBlock,
    tag,
    tagBox,
    titleRule,
    diagramRegion: { x: margin, y: regionTop, width: contentWidth, height: Math.max(0, regionBottom - regionTop) },
    notes,
    legend,
  };
}
