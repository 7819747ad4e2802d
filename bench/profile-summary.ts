import { readFile } from 'node:fs/promises';

/**
 * `node dist/bench/profile-summary.js FILE.cpuprofile [N]`: the N functions (default 40) with the most
 * self time, and self time per package, from a V8 CPU profile written by `npm run bench -- --profile`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const [file, n = '40'] = process.argv.slice(2);
const profile = JSON.parse(await readFile(file!, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
const perPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/dist/') ? 'kairos' : url ? 'node' : functionName || '(vm)');
  perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + dt);
  total += dt;
});
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
for (const [key, us] of [...perPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stdout.write(`${pct(us)}  ${key}\n`);
process.stdout.write('\n');
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) process.stdout.write(`${pct(us)}  ${key}\n`);
