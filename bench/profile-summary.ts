/**
 * `tsx bench/profile-summary.ts FILE.cpuprofile [top]`: where a `node --cpu-prof`
 * profile spends its time, by function (self time) and by module or package.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx bench/profile-summary.ts FILE.cpuprofile [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const totalMs = (profile.endTime - profile.startTime) / 1000;
const samples = profile.samples.length;
const msPerSample = totalMs / Math.max(1, samples);

const byFunction = new Map<string, number>();
const byModule = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  if (!hits) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(/.*\/work\/main\//, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  const module = where.startsWith('node_modules/')
    ? where.split('/').slice(0, where.startsWith('node_modules/@') ? 3 : 2).join('/')
    : where || `(${functionName || 'native'})`;
  byModule.set(module, (byModule.get(module) ?? 0) + hits);
}
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, hits] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((hits / samples) * 100).toFixed(1).padStart(5)}%  ${(hits * msPerSample).toFixed(0).padStart(7)} ms  ${key}\n`);
  }
};
process.stdout.write(`${file}: ${totalMs.toFixed(0)} ms, ${samples} samples\n`);
print('self time by module', byModule);
print('self time by function', byFunction);
