/**
 * Two or more commands side by side, the way cyanotype judges a change on a noisy machine: each
 * round runs every command once, the order flipping every round; it prints each command's median
 * and the median of its per-round difference from the first command (steadier than comparing two
 * medians when the machine drifts during the run).
 *
 *   node scripts/bench/paired.mjs <rounds> "<command A>" "<command B>" [...]
 *   e.g. node scripts/bench/paired.mjs 15 "node /tmp/before/bin/cyanotype.js render specs -o /tmp/a --force" \
 *                                         "node bin/cyanotype.js render specs -o /tmp/b --force"
 */
import { spawnSync } from 'node:child_process';

const [rounds, ...commands] = process.argv.slice(2);
if (!Number(rounds) || commands.length < 2) {
  console.error('usage: node scripts/bench/paired.mjs <rounds> "<command A>" "<command B>" [...]');
  process.exit(2);
}
const times = commands.map(() => []);
for (let round = 0; round < Number(rounds); round++) {
  const order = commands.map((_, i) => i);
  if (round % 2) order.reverse();
  for (const i of order) {
    const started = performance.now();
    const run = spawnSync('bash', ['-c', commands[i]], { stdio: 'ignore' });
    if (run.status !== 0) {
      console.error(`exit ${run.status}: ${commands[i]}`);
      process.exit(1);
    }
    times[i].push(performance.now() - started);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
commands.forEach((command, i) => {
  const differences = times[i].map((t, round) => t - times[0][round]);
  console.log(`${median(times[i]).toFixed(0).padStart(6)} ms   Δ ${median(differences).toFixed(1).padStart(7)} ms   ${command}`);
});
