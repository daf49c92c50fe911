// Summarises V8 CPU profiles (`npm run bench -- --profile DIR` writes one per child phase):
//   node test/bench/profile-summary.ts FILE.cpuprofile [--top N]
// Prints the functions with the most self time and the most total (inclusive) time, with file and line.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
const top = Number(values.top);
if (positionals.length === 0 || !Number.isInteger(top) || top < 1) {
  process.stderr.write('usage: node test/bench/profile-summary.ts FILE.cpuprofile… [--top N]\n');
  process.exit(2);
}

const where = (f: ProfileNode['callFrame']): string => {
  const file = f.url.startsWith('file://') ? relative(root, fileURLToPath(f.url)) : f.url || '(native)';
  return `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`;
};

for (const path of positionals) {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const selfByFn = new Map<string, number>();
  const totalByFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    selfByFn.set(where(node.callFrame), (selfByFn.get(where(node.callFrame)) ?? 0) + ms);
    // Inclusive time: every distinct function on the stack gets the sample once (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const key = where(frame.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      totalByFn.set(key, (totalByFn.get(key) ?? 0) + ms);
    }
  }
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  const list = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, ms]) => `  ${ms.toFixed(0).padStart(8)} ms ${((ms / all) * 100).toFixed(1).padStart(5)} %  ${fn}`).join('\n');
  process.stdout.write(`${path}: ${all.toFixed(0)} ms sampled\nself time:\n${list(selfByFn)}\ntotal time:\n${list(totalByFn)}\n\n`);
}
