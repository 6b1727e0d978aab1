/** `cyanotype check`: render each spec × theme × size and report what would make a broken picture. */
import { checkRender, laidOutElements } from '../check/check.js';
import { formatFinding, type Finding } from '../check/findings.js';
import { CyanotypeError, UsageError } from '../errors.js';
import { collectSpecFiles, outputName } from '../render/files.js';
import { itemsOf } from '../regression/items.js';
import type { Renderer } from '../renderer.js';
import { loadSpecFile } from '../spec/load.js';
import { loadTheme } from '../theme/themes.js';

export interface CheckOptions {
  readonly json: boolean;
  readonly strict: boolean;
  readonly theme?: string | undefined;
  readonly browser?: string | undefined;
}

export interface CheckedItem {
  readonly name: string;
  readonly spec: string;
  readonly findings: readonly Finding[];
  readonly elements?: ReturnType<typeof laidOutElements>;
  readonly error?: string;
}

export async function checkCommand(inputs: readonly string[], options: CheckOptions, out: (line: string) => void): Promise<0 | 1 | 2> {
  const files = await collectSpecFiles(inputs);
  const theme = options.theme ? { name: (await loadTheme(options.theme)).name, ref: options.theme } : undefined;
  const items: CheckedItem[] = [];
  let invalid = false;
  let renderer: Renderer | undefined;
  try {
    for (const file of files) {
      let spec;
      try {
        spec = await loadSpecFile(file);
      } catch (error) {
        if (!(error instanceof CyanotypeError) || error instanceof UsageError) throw error;
        invalid = true;
        items.push({ name: outputName(file), spec: file, findings: [], error: error.message });
        if (!options.json) out(`✗ ${error.message}`);
        continue;
      }
      for (const item of itemsOf(spec, file, outputName(file), theme)) {
        if (!renderer) {
          const { Renderer } = await import('../renderer.js');
          renderer = await Renderer.open({ browser: options.browser });
        }
        // The capture as Chromium encoded it (the PNG is only read, never kept), and what was
        // drawn, read with the draw.
        const result = await renderer.capture(await renderer.plan(item.spec, item.specFile), { inspect: true });
        const inspection = result.inspection ?? (await renderer.inspect());
        const findings = await checkRender({ spec: item.spec, layout: result.layout, inspection, png: result.bytes, scale: 1 });
        items.push({ name: item.name, spec: file, findings, elements: laidOutElements(inspection) });
        if (!options.json) {
          out(
            `${findings.length ? '✗' : '✓'} ${item.name}${findings.length ? `: ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}` : ''}`,
          );
          for (const f of findings) out(`    ${formatFinding(f)}`);
        }
      }
    }
  } finally {
    await renderer?.close();
  }
  const all = items.flatMap((i) => i.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  // An invalid spec is counted as such, not as a checked picture with no findings.
  const rejected = items.filter((i) => i.error !== undefined).length;
  if (options.json) out(JSON.stringify({ items }, null, 2));
  else out(`${items.length - rejected} checked, ${rejected ? `${rejected} invalid, ` : ''}${errors} errors, ${warnings} warnings`);
  if (invalid) return 2;
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
