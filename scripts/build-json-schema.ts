/** Writes schema/cyanotype.schema.json from the zod schema, the spec's one source of truth. */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { specJsonSchema } from '../src/spec/json-schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
await mkdir(`${root}schema`, { recursive: true });
await writeFile(`${root}schema/cyanotype.schema.json`, `${JSON.stringify(specJsonSchema(), null, 2)}\n`);
