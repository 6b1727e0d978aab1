/**
 * The one source of truth for a cyanotype spec: its TypeScript types (z.infer), its validation
 * (src/spec/load.ts) and the JSON Schema shipped as schema/cyanotype.schema.json
 * (scripts/build-json-schema.ts). Cross-references (ids, icons) are checked in validate.ts
 * because they need the whole document.
 */
import { z } from 'zod';
import { SIZE_FORM } from './size.js';

export const ARCHETYPES = ['HOW-IT-WORKS'] as const;
export const MAX_COMPONENTS = 40;
export const MAX_CONNECTIONS = 60;

/** Spec text is shown as text, never markup; control characters have no visible form. */
const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `empty ${what}` })
    .max(max, { message: `${what} longer than ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, { message: `${what} contains a control character` });

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
    message: 'an id is 1-64 lowercase letters, digits, "-" or "_", starting with a letter or digit',
  })
  .describe('Lowercase identifier, e.g. "image-manifest".');

export const componentSchema = z
  .strictObject({
    id: idSchema,
    label: text('label', 60).describe('Box heading, shown exactly as written.'),
    role: text('role', 140).optional().describe('One line on what the component does.'),
    icon: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A lucide icon name ("file-code"), a descriptive alias ("code-file", "generic cloud"), or the path of an SVG file next to the spec ("icons/queue.svg"); SVG icons are reduced to their basic shapes and drawn as lines.',
      ),
    band: idSchema.optional().describe('Stage of the flow this component belongs to; bands become columns, in order of first use.'),
    stack: idSchema.optional().describe('Components sharing a stack are drawn as one contiguous stack, first member at the bottom.'),
  })
  .describe('A box in the diagram.');

export const connectionSchema = z
  .strictObject({
    id: idSchema.optional().describe('Name for legend references; defaults to "<from>-to-<to>".'),
    from: z
      .union([idSchema, z.array(idSchema).min(1)])
      .describe('Source component or stack id, or several: several sources are drawn merging into one arrow.'),
    to: idSchema.describe('Target component id.'),
    label: text('connection label', 48).optional(),
  })
  .describe('A labelled arrow.');

export const noteSchema = z
  .strictObject({
    title: text('note title', 40),
    role: text('note role', 120).optional(),
  })
  .describe('A side annotation box.');

export const legendStepSchema = z.union([
  text('legend step', 160),
  z.strictObject({
    text: text('legend step', 160),
    refs: z
      .array(idSchema)
      .optional()
      .describe('Components, stacks or connections this step explains: each gets the step number as a badge.'),
  }),
]);

// Only the form: a well-formed size out of range ("5x5") is reported as that by validate.ts (size.ts).
export const sizeSchema = z.string().regex(SIZE_FORM, { message: 'a size is WIDTHxHEIGHT in pixels, e.g. "1024x1024"' });

export const specSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: text('title', 60),
    subtitle: text('subtitle', 100).optional(),
    archetype: z.enum(ARCHETYPES).default('HOW-IT-WORKS'),
    theme: z
      .union([idSchema, z.array(idSchema).min(1)])
      .default('blueprint')
      .describe('Built-in theme name, or several: each is rendered and regression-tested.'),
    size: z
      .union([sizeSchema, z.array(sizeSchema).min(1)])
      .default('1024x1024')
      .describe('Artboard size WIDTHxHEIGHT in CSS pixels, or several.'),
    components: z
      .array(componentSchema)
      .min(1, { message: 'a diagram needs at least one component' })
      .max(MAX_COMPONENTS, {
        message: `more than ${MAX_COMPONENTS} components do not fit legibly on one artboard; split the diagram`,
      }),
    connections: z
      .array(connectionSchema)
      .max(MAX_CONNECTIONS, { message: `more than ${MAX_CONNECTIONS} connections do not fit legibly on one artboard` })
      .default([]),
    notes: z.array(noteSchema).max(6, { message: 'at most 6 notes fit beside the legend' }).default([]),
    legend: z.array(legendStepSchema).max(12, { message: 'at most 12 legend steps fit on one artboard' }).default([]),
    check: z
      .strictObject({
        words: z
          .array(z.string().regex(/^[\p{L}\p{N}'’.-]{1,40}$/u, { message: 'a word is 1-40 letters, digits, apostrophes, dots or hyphens' }))
          .default([])
          .describe('Extra words the spell check accepts (product names, jargon).'),
        allowSecurityClaims: z
          .boolean()
          .default(false)
          .describe('Allow wording such as "audited" or "certified secure" (only when it is true and cited).'),
      })
      .default({ words: [], allowSecurityClaims: false })
      .describe('Settings for cyanotype check.'),
  })
  .describe('A cyanotype infographic spec.');

export type SpecInput = z.input<typeof specSchema>;
export type ParsedSpec = z.output<typeof specSchema>;
export type ComponentSpec = z.output<typeof componentSchema>;
export type ConnectionSpec = z.output<typeof connectionSchema>;
export type NoteSpec = z.output<typeof noteSchema>;
export type LegendStepSpec = z.output<typeof legendStepSchema>;
