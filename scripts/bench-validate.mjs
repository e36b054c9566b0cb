// How long `validate` takes for the whole built-in catalogue, beside what its checks cost at the least:
// one isolated Python start with asyncio per check, spread over the jobs. Numbers only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_VALIDATE_ROUNDS ?? 2);
const jobs = Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-bench-validate-'));
const env = { ...process.env, ASYNC_KATAS_CACHE_DIR: cache, ASYNC_KATAS_CONFIG_DIR: cache, NO_COLOR: '1' };

const times = [];
let checks = 0;
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'async-katas.js'), 'validate', '--verbose', '--jobs', String(jobs)], { env, encoding: 'utf8' });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (run.status !== 0) {
    console.error(`bench: validate found problems (exit ${run.status}):\n${run.stdout.slice(-2000)}`);
    process.exit(1);
  }
  // One line per check run (starter, solution, corpus files); --verbose lists every item.
  checks = run.stdout.split('\n').filter((l) => /\s(starter\.py|solution\.py|corpus\/\S+\.py)\s/.test(l) && !/\sskip\s/.test(l)).length;
}
fs.rmSync(cache, { recursive: true, force: true });
const ms = Math.min(...times);
const pythonMs = Number(process.env.BENCH_PYTHON_ISOLATED_MS ?? 0) || isolatedPythonMs();
const baselineMs = (checks * pythonMs) / jobs;
console.log(`validate, ${ROUNDS} rounds, ${jobs} jobs: ${(ms / 1000).toFixed(1)} s for ${checks} checks (best), baseline ${(baselineMs / 1000).toFixed(1)} s (${checks} x ${pythonMs.toFixed(0)} ms python start / ${jobs}), ratio ${(ms / baselineMs).toFixed(2)}`);
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ ms, checks, jobs, baselineMs }));

function isolatedPythonMs() {
  const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
  const xs = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    spawnSync(python, ['-I', '-S', '-c', 'import asyncio']);
    xs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return xs.sort((a, b) => a - b)[3];
}
