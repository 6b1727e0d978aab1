/**
 * Memory of a process and everything below it (Node and every Chromium process), as
 * proportional set size from /proc: shared pages are split between the processes sharing them,
 * so the sum is what the tree costs the machine. Undefined where there is no /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Proportional set size of one process in KiB, or undefined when it cannot be read. */
export function pssKiB(pid: number): number | undefined {
  try {
    const match = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A process's own memory and its process tree's (it and every process below it), in KiB. */
export interface TreeMemory {
  readonly self: number;
  readonly tree: number;
}

/** Proportional set size of `root` alone and with all its descendants; undefined without /proc. */
export function treeMemory(root: number): TreeMemory | undefined {
  const self = pssKiB(root);
  if (self === undefined) return undefined;
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  let total = self;
  for (const pid of tree) if (pid !== root) total += pssKiB(pid) ?? 0; // a process that exited meanwhile costs nothing
  return { self, tree: total };
}
