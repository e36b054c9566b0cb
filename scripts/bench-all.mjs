// npm run bench: every speed and memory number of the project, each beside its baseline measured in
// the same run, then one stable summary. `--json FILE` writes the summary for later runs to compare
// with; `--compare FILE` prints each number's change against such a file. Numbers only: nothing here
// asserts, the machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const jsonOut = option('--json');
const compareWith = option('--compare');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-bench-all-'));

function part(script, extraEnv = {}) {
  const out = path.join(tmp, `${path.basename(script, '.mjs')}.json`);
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script)], { stdio: 'inherit', env: { ...process.env, ...extraEnv, BENCH_JSON: out } });
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.log('');
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const check = part('bench.mjs');
const app = part('bench-app.mjs');
const validate = part('bench-validate.mjs', { BENCH_PYTHON_ISOLATED_MS: String(check.pythonIsolatedMs) });
fs.rmSync(tmp, { recursive: true, force: true });

const metrics = [
  { id: 'firstFrame', name: 'first frame (home)', value: app.firstFrameMs, unit: 'ms', baseline: app.nodeMs, baselineName: 'node -e 0', goal: 'ratio <= 2' },
  { id: 'inkFrame', name: 'first frame drawn by Ink', value: app.inkFrameMs, unit: 'ms', baseline: app.nodeMs, baselineName: 'node -e 0', goal: 'none (keys live)' },
  { id: 'checkLatency', name: 'check latency (median kata)', value: check.checkMedianMs, unit: 'ms', baseline: check.floorMs, baselineName: 'node -e 0 + python start', goal: 'ratio <= 1.5' },
  { id: 'saveToVerdict', name: 'save-to-verdict', value: app.saveToVerdictMs, unit: 'ms', baseline: app.pythonStartMs, baselineName: 'python start', goal: '<= baseline + 60 ms' },
  { id: 'validateAll', name: 'validate all katas', value: validate.ms, unit: 'ms', baseline: validate.baselineMs, baselineName: `${validate.checks} python starts / ${validate.jobs} jobs`, goal: 'none' },
  { id: 'peakRss', name: 'peak RSS of the trainer', value: app.peakRssMb, unit: 'MB', baseline: 80, baselineName: 'the 80 MB goal', goal: 'ratio < 1' },
];

const previous = compareWith ? JSON.parse(fs.readFileSync(compareWith, 'utf8')) : undefined;
const show = (v, unit) => (unit === 'MB' ? `${v.toFixed(1)} MB` : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
console.log(`summary · ${os.cpus().length} CPUs · node ${process.version} · ${new Date().toISOString()}`);
console.log(`${'metric'.padEnd(30)} ${'value'.padStart(9)}  ${'baseline'.padStart(9)} ${''.padEnd(30)} ${'ratio'.padStart(6)}  goal${previous ? '        change' : ''}`);
for (const m of metrics) {
  const ratio = m.value / m.baseline;
  const before = previous?.metrics?.find((p) => p.id === m.id);
  const change = before ? `  ${((m.value / before.value - 1) * 100).toFixed(1).padStart(6)}%` : '';
  console.log(`${m.name.padEnd(30)} ${show(m.value, m.unit).padStart(9)}  ${show(m.baseline, m.unit).padStart(9)} ${m.baselineName.padEnd(30)} ${ratio.toFixed(2).padStart(6)}  ${m.goal.padEnd(12)}${change}`);
}
if (jsonOut) {
  const summary = {
    schemaVersion: 1,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
    metrics: metrics.map((m) => ({ ...m, ratio: m.value / m.baseline })),
    checks: check.checks,
  };
  fs.writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`written to ${jsonOut}`);
}
