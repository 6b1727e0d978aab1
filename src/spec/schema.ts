/**
 * The one source of truth for a cyanotype spec: its TypeScript types (z.infer), its validation
 * (src/spec/load.ts) and the JSON Schema shipped as schema/cyanotype.schema.json
 * (scripts/build-json-schema.ts). Cross-references (ids, icons) are checked in validate.ts
 * because they need the whole document.
 *
 * Written with zod's mini API: the same schemas, checks and messages as its chained API, but
 * bundled as the ~20 KB this file uses instead of all of zod's ~450 KB, whose loading took
 * a cold render ~70 ms of the main thread while Chromium started (docs/decisions/019).
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { SIZE_FORM } from './size.js';

// The mini API starts with no messages of its own; zod's English ones, as its chained API has.
z.config(en());

export const ARCHETYPES = ['HOW-IT-WORKS'] as const;
export const MAX_COMPONENTS = 40;
export const MAX_CONNECTIONS = 60;

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

/** Spec text is shown as text, never markup; control characters have no visible form. */
const text = (what: string, max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, { message: `empty ${what}` }),
    z.maxLength(max, { message: `${what} longer than ${max} characters` }),
    // eslint-disable-next-line no-control-regex
    z.regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, { message: `${what} contains a control character` }),
  );

export const idSchema = described(
  z.string().check(
    z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
      message: 'an id is 1-64 lowercase letters, digits, "-" or "_", starting with a letter or digit',
    }),
  ),
  'Lowercase identifier, e.g. "image-manifest".',
);

export const componentSchema = described(
  z.strictObject({
    id: idSchema,
    label: described(text('label', 60), 'Box heading, shown exactly as written.'),
    role: described(z.optional(text('role', 140)), 'One line on what the component does.'),
    icon: described(
      z.optional(z.string().check(z.minLength(1))),
      'A lucide icon name ("file-code"), a descriptive alias ("code-file", "generic cloud"), or the path of an SVG file next to the spec ("icons/queue.svg"); SVG icons are reduced to their basic shapes and drawn as lines.',
    ),
    band: described(z.optional(idSchema), 'Stage of the flow this component belongs to; bands become columns, in order of first use.'),
    stack: described(z.optional(idSchema), 'Components sharing a stack are drawn as one contiguous stack, first member at the bottom.'),
  }),
  'A box in the diagram.',
);

export const connectionSchema = described(
  z.strictObject({
    id: described(z.optional(idSchema), 'Name for legend references; defaults to "<from>-to-<to>".'),
    from: described(
      z.union([idSchema, z.array(idSchema).check(z.minLength(1))]),
      'Source component or stack id, or several: several sources are drawn merging into one arrow.',
    ),
    to: described(idSchema, 'Target component id.'),
    label: z.optional(text('connection label', 48)),
  }),
  'A labelled arrow.',
);

export const noteSchema = described(
  z.strictObject({
    title: text('note title', 40),
    role: z.optional(text('note role', 120)),
  }),
  'A side annotation box.',
);

export const legendStepSchema = z.union([
  text('legend step', 160),
  z.strictObject({
    text: text('legend step', 160),
    refs: described(
      z.optional(z.array(idSchema)),
      'Components, stacks or connections this step explains: each gets the step number as a badge.',
    ),
  }),
]);

// Only the form: a well-formed size out of range ("5x5") is reported as that by validate.ts (size.ts).
export const sizeSchema = z.string().check(z.regex(SIZE_FORM, { message: 'a size is WIDTHxHEIGHT in pixels, e.g. "1024x1024"' }));

export const specSchema = described(
  z.strictObject({
    $schema: z.optional(z.string()),
    title: text('title', 60),
    subtitle: z.optional(text('subtitle', 100)),
    archetype: z._default(z.enum(ARCHETYPES), 'HOW-IT-WORKS'),
    theme: described(
      z._default(z.union([idSchema, z.array(idSchema).check(z.minLength(1))]), 'blueprint'),
      'Built-in theme name, or several: each is rendered and regression-tested.',
    ),
    size: described(
      z._default(z.union([sizeSchema, z.array(sizeSchema).check(z.minLength(1))]), '1024x1024'),
      'Artboard size WIDTHxHEIGHT in CSS pixels, or several.',
    ),
    components: z.array(componentSchema).check(
      z.minLength(1, { message: 'a diagram needs at least one component' }),
      z.maxLength(MAX_COMPONENTS, {
        message: `more than ${MAX_COMPONENTS} components do not fit legibly on one artboard; split the diagram`,
      }),
    ),
    connections: z._default(
      z
        .array(connectionSchema)
        .check(z.maxLength(MAX_CONNECTIONS, { message: `more than ${MAX_CONNECTIONS} connections do not fit legibly on one artboard` })),
      [],
    ),
    notes: z._default(z.array(noteSchema).check(z.maxLength(6, { message: 'at most 6 notes fit beside the legend' })), []),
    legend: z._default(z.array(legendStepSchema).check(z.maxLength(12, { message: 'at most 12 legend steps fit on one artboard' })), []),
    check: described(
      z._default(
        z.strictObject({
          words: described(
            z._default(
              z.array(
                z
                  .string()
                  .check(z.regex(/^[\p{L}\p{N}'’.-]{1,40}$/u, { message: 'a word is 1-40 letters, digits, apostrophes, dots or hyphens' })),
              ),
              [],
            ),
            'Extra words the spell check accepts (product names, jargon).',
          ),
          allowSecurityClaims: described(
            z._default(z.boolean(), false),
            'Allow wording such as "audited" or "certified secure" (only when it is true and cited).',
          ),
        }),
        { words: [], allowSecurityClaims: false },
      ),
      'Settings for cyanotype check.',
    ),
  }),
  'A cyanotype infographic spec.',
);

export type SpecInput = z.input<typeof specSchema>;
export type ParsedSpec = z.output<typeof specSchema>;
export type ComponentSpec = z.output<typeof componentSchema>;
export type ConnectionSpec = z.output<typeof connectionSchema>;
export type NoteSpec = z.output<typeof noteSchema>;
export type LegendStepSpec = z.output<typeof legendStepSchema>;
