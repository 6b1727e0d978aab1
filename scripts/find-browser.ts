/**
 * `npm run setup`'s question, answered by the code that renders: which browser would cyanotype
 * use here? Prints its path (exit 0), or why there is none (exit 1).
 */
import { BrowserError } from '../src/errors.js';
import { findBrowser } from '../src/render/find-browser.js';

try {
  console.log(findBrowser());
} catch (error) {
  if (!(error instanceof BrowserError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
