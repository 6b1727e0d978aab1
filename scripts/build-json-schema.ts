/** Writes schema/cyanotype.schema.json from the zod schema, the spec's one source of truth. */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { specSchema } from '../src/spec/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schema = z.toJSONSchema(specSchema, { io: 'input', target: 'draft-2020-12' });
const document = {
  ...schema,
  $id: 'https://cyanotype.dev/schema/cyanotype.schema.json',
  title: 'cyanotype spec',
};
await mkdir(`${root}schema`, { recursive: true });
await writeFile(`${root}schema/cyanotype.schema.json`, `${JSON.stringify(document, null, 2)}\n`);
