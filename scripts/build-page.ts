/** `npm run build` step: bundles the page shell into dist/page (see src/dev/bundle.ts). */
import { fileURLToPath } from 'node:url';
import { bundlePage } from '../src/dev/bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
await bundlePage(root, `${root}dist/page/`);
