/**
 * The words themselves, against the rules the catalog's prompts set: English spelled right
 * (a word list built from cspell's dictionaries: US English, software terms, company names, Docker,
 * Kubernetes, networking), no real vendor marks as icons, no security overstatement, no
 * watermark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createSpeller, loadWordList, type Misspelling, type Speller } from './speller.js';
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

const spellers = new Map<string, Promise<Speller>>();

async function spellTexts(texts: readonly string[], words: readonly string[]): Promise<Misspelling[][]> {
  const key = words.join('\n');
  let speller = spellers.get(key);
  if (!speller) {
    speller = createSpeller(words);
    spellers.set(key, speller);
  }
  const spell = await speller;
  return texts.map(spell);
}

/** Starts reading the word list now, so it is ready when the first render is. */
export function preloadSpelling(): void {
  loadWordList().catch(() => undefined); // reported when the check runs
}

export async function lintContent(spec: Spec, extraWords: readonly string[] = []): Promise<Finding[]> {
  const findings: Finding[] = [];
  const texts = specTexts(spec);
  const misspelt = await spellTexts(
    texts.map((t) => t.text),
    [...spec.check.words, ...extraWords],
  );
  for (const [index, { element, text }] of texts.entries()) {
    for (const { word, suggestions } of misspelt[index] ?? []) {
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
