/**
 * Deterministic generated specs for layout tests: a flow of `count` components with branches,
 * joins and labelled connections, like the architectures people actually draw.
 */
import { stringify } from 'yaml';
import type { Spec } from '../../src/spec/model.js';

const WORDS = ['Gateway', 'Queue', 'Worker', 'Cache', 'Store', 'Indexer', 'Scheduler', 'Auth', 'Router', 'Ledger', 'Mailer', 'Parser'];
const ROLES = [
  'Accepts requests from clients',
  'Buffers events for later processing',
  'Keeps hot data close to readers',
  'Writes durable records',
];
const ICONS = ['server', 'database', 'cloud', 'cog', 'terminal', 'lock', undefined];

/** A small linear congruential generator: the same seed gives the same spec everywhere. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateSpec(count: number, seed = count, maxConnections = 40): Spec {
  const next = random(seed);
  const components = Array.from({ length: count }, (_, i) => ({
    id: `c${i + 1}`,
    label: `${WORDS[i % WORDS.length]} ${i + 1}`,
    role: ROLES[Math.floor(next() * ROLES.length)],
    icon: ICONS[Math.floor(next() * ICONS.length)],
  }));
  const connections: { id: string; from: string[]; to: string; label?: string }[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number) => {
    const key = `${from}-${to}`;
    if (from === to || seen.has(key) || connections.length >= maxConnections) return;
    seen.add(key);
    connections.push({
      id: `e${connections.length + 1}`,
      from: [`c${from + 1}`],
      to: `c${to + 1}`,
      label: next() < 0.7 ? `step ${connections.length + 1}` : undefined,
    });
  };
  for (let i = 1; i < count; i++) add(Math.floor(next() * i), i);
  for (let extra = 0; extra < Math.floor(count / 3); extra++) {
    const a = Math.floor(next() * count);
    const b = Math.floor(next() * count);
    if (a < b) add(a, b);
  }
  return {
    title: `Generated ${count}`,
    archetype: 'HOW-IT-WORKS',
    theme: 'blueprint',
    themes: ['blueprint'],
    size: { width: 1024, height: 1024 },
    sizes: [{ width: 1024, height: 1024 }],
    components,
    stacks: [],
    connections,
    notes: [{ title: 'Note', role: 'A side annotation' }],
    legend: [{ number: 1, text: 'The first step.', refs: ['c1'] }],
    check: { words: [], allowSecurityClaims: false },
  };
}

/** The `i`-th spec of the bench's batch (3–12 components). */
export const batchSpec = (i: number): Spec => generateSpec(3 + (i % 10), i + 1);

/** The `i`-th spec of the bench's batch, as a spec file's YAML. */
export function generatedSpecYaml(i: number): string {
  const spec = batchSpec(i);
  return stringify({
    title: spec.title,
    components: spec.components.map((c) => ({ id: c.id, label: c.label, role: c.role, ...(c.icon ? { icon: c.icon } : {}) })),
    connections: spec.connections.map((c) => ({ id: c.id, from: c.from[0], to: c.to, ...(c.label ? { label: c.label } : {}) })),
    notes: spec.notes,
    legend: spec.legend.map((s) => ({ text: s.text, refs: [...s.refs] })),
  });
}
