import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { generateSpec } from '../test/support/generate.js';
const seeds = process.argv.slice(3).map(Number);
for (const n of process.argv[2]!.split(',').map(Number)) for (const seed of seeds.length ? seeds : [n]) {
  const s = generateSpec(n, seed, 40);
  writeFileSync(`/tmp/g/gen-${n}-${seed}.yaml`, stringify({ title: s.title, archetype: s.archetype, theme: 'blueprint', components: s.components, connections: s.connections.map(c => ({...c, from: c.from[0]})), notes: s.notes, legend: s.legend.map(({text, refs}) => ({text, refs})) }));
}
