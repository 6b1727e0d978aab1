/** The spec's JSON Schema, generated from the zod schema so the two cannot disagree. */
import * as z from 'zod/mini';
import { specSchema } from './schema.js';

export function specJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(specSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://cyanotype.dev/schema/cyanotype.schema.json',
    title: 'cyanotype spec',
  };
}
