/** JUnit XML for CI systems that show test results from it. */
import { failed, type RunSummary } from './results.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

export function junitXml(run: RunSummary): string {
  const failures = run.items.filter((i) => i.status === 'failed' || i.status === 'missing').length;
  const errors = run.items.filter((i) => i.status === 'error').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = run.items.reduce((sum, i) => sum + i.durationMs, 0);
  const cases = run.items.map((item) => {
    const head = `    <testcase classname="${escape(item.specFile)}" name="${escape(item.name)}" time="${seconds(item.durationMs)}"`;
    if (!failed(item)) return `${head}/>`;
    const tag = item.status === 'error' ? 'error' : 'failure';
    const detail = [item.message, item.environment, ...Object.values(item.artifacts)].filter(Boolean).join('\n');
    return `${head}>\n      <${tag} message="${escape(item.message)}" type="${item.status}">${escape(detail)}</${tag}>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="cyanotype" tests="${run.items.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">
  <testsuite name="cyanotype visual regression" tests="${run.items.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}" timestamp="${run.startedAt}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}
