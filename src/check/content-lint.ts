/**
 * The words themselves, against the rules the catalog's prompts set: English spelled right
 * (cspell's dictionaries: US English, software terms, company and product names, Docker,
 * Kubernetes, networking), no real vendor marks as icons, no security overstatement, no
 * watermark.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Spec } from '../spec/model.js';
import type { ElementRef, Finding } from './findings.js';

interface SpecText {
  readonly element: ElementRef;
  readonly text: string;
}

export function specTexts(spec: Spec): SpecText[] {
  const texts: SpecText[] = [{ element: { kind: 'title', id: '' }, text: spec.title }];
  if (spec.subtitle) texts.push({ element: { kind: 'title', id: '' }, text: spec.subtitle });
  for (const c of spec.components) {
    texts.push({ element: { kind: 'component', id: c.id }, text: c.label });
    if (c.role) texts.push({ element: { kind: 'component', id: c.id }, text: c.role });
  }
  for (const c of spec.connections) if (c.label) texts.push({ element: { kind: 'connection', id: c.id }, text: c.label });
  spec.notes.forEach((n, i) => {
    texts.push({ element: { kind: 'note', id: String(i) }, text: n.title });
    if (n.role) texts.push({ element: { kind: 'note', id: String(i) }, text: n.role });
  });
  for (const s of spec.legend) texts.push({ element: { kind: 'legend', id: String(s.number) }, text: s.text });
  return texts;
}

/** Lucide's brand and vendor marks: a generic icon should stand in for them. */
const VENDOR_ICONS = new Set([
  'github',
  'gitlab',
  'chrome',
  'chromium',
  'figma',
  'framer',
  'codepen',
  'codesandbox',
  'dribbble',
  'facebook',
  'instagram',
  'linkedin',
  'twitter',
  'youtube',
  'twitch',
  'slack',
  'trello',
  'pocket',
  'apple',
  'android',
  'amazon',
  'aws',
  'azure',
  'google',
  'gcp',
  'microsoft',
  'windows',
]);

const SECURITY_CLAIMS = [
  /\baudited\b/i,
  /\bcertified[ -]secure\b/i,
  /\bguaranteed[ -](?:secure|safe)\b/i,
  /\bunhackable\b/i,
  /\bhack[- ]?proof\b/i,
  /\b100\s*%\s*secure\b/i,
  /\bfully secure\b/i,
  /\bmilitary[- ]grade\b/i,
  /\bbullet[- ]?proof\b/i,
  /\bzero[- ]risk\b/i,
  /\bcompletely safe\b/i,
];

const WATERMARK =
  /(©|\(c\)\s*\d{4}|\bwatermark\b|\ball rights reserved\b|\bshutterstock\b|\bgetty images\b|\bdreamstime\b|\bsample only\b|\bpreview only\b|\bdo not copy\b)/i;

/** Words a project accepts everywhere: `cyanotype.words.txt` in the working folder, one a line. */
export function projectWords(file = 'cyanotype.words.txt'): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w && !w.startsWith('#'));
}

type Spell = (text: string) => Promise<Array<{ word: string; suggestions: string[] }>>;
let speller: Promise<(words: readonly string[]) => Spell> | undefined;

/** cspell is loaded on first use (its dictionaries take about a second), then kept. */
async function spellChecker(extra: readonly string[]): Promise<Spell> {
  speller ??= (async () => {
    const cspell = await import('cspell-lib');
    const defaults = await cspell.getDefaultSettings();
    return (words: readonly string[]) => {
      const settings = cspell.finalizeSettings(
        cspell.mergeSettings(defaults, {
          language: 'en',
          dictionaries: [
            'en_us',
            'en-common-misspellings',
            'softwareTerms',
            'companies',
            'docker',
            'k8s',
            'fullstack',
            'networking-terms',
            'aws',
            'cryptocurrencies',
          ],
          words: [...words],
          ignoreRegExpList: ['/\\b[A-Z0-9]{2,}\\b/g'],
        }),
      );
      return async (text: string) => {
        const issues = await cspell.validateText(text, settings, { generateSuggestions: true, numSuggestions: 3 });
        // Suggestions in the word's own case: "Conatiner" → "Container".
        const cased = (word: string, suggestion: string) =>
          /^[A-Z]/.test(word) ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
        return issues.map((issue) => ({
          word: issue.text,
          suggestions: [...new Set((issue.suggestions ?? []).map((s) => cased(issue.text, s)))].slice(0, 3),
        }));
      };
    };
  })();
  return (await speller)(extra);
}

export async function lintContent(spec: Spec, extraWords: readonly string[] = []): Promise<Finding[]> {
  const findings: Finding[] = [];
  const spell = await spellChecker([...spec.check.words, ...extraWords]);
  for (const { element, text } of specTexts(spec)) {
    for (const { word, suggestions } of await spell(text)) {
      findings.push({
        rule: 'spelling',
        severity: 'error',
        element,
        message: `"${word}" is not an English word or known term${suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?)` : ''}; fix it, or add it to check.words in the spec`,
      });
    }
    if (!spec.check.allowSecurityClaims) {
      const claim = SECURITY_CLAIMS.map((re) => re.exec(text)?.[0]).find(Boolean);
      if (claim) {
        findings.push({
          rule: 'security-claim',
          severity: 'error',
          element,
          message: `"${claim}" overstates security; describe what the part does, or set check.allowSecurityClaims when the claim is true and cited`,
        });
      }
    }
    const mark = WATERMARK.exec(text)?.[0];
    if (mark)
      findings.push({
        rule: 'watermark',
        severity: 'error',
        element,
        message: `"${mark}" reads as a watermark or a stock-image mark; remove it`,
      });
  }
  for (const c of spec.components) {
    if (c.icon && VENDOR_ICONS.has(c.icon)) {
      findings.push({
        rule: 'vendor-logo',
        severity: 'error',
        element: { kind: 'component', id: c.id },
        message: `icon "${c.icon}" is a vendor mark; use a generic icon such as "cloud", "server" or "git-branch"`,
      });
    }
  }
  return findings;
}

/** Starts loading the dictionaries now, so they are ready when the first render is. */
export function preloadSpelling(): void {
  void spellChecker([]).catch(() => undefined);
}
