// npm run bench: latency of `check` (bundled CLI, reference solution) beside the floor it stands on,
// `node -e 0` plus `python -c "import asyncio"`, all measured in this run, interleaved round by round
// so machine noise hits every command alike. Prints medians and the ratio; the goal is ratio <= 1.5.
// Numbers only: nothing here asserts, the machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 2;
const GOAL = 1.5;

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}

const python = realPython();
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-bench-'));
// check records progress: keep the bench's hundreds of checks out of the learner's real store.
const env = { ...process.env, ASYNC_KATAS_CACHE_DIR: cacheDir, ASYNC_KATAS_CONFIG_DIR: cacheDir, NO_COLOR: '1' };
const katas = fs
  .readdirSync(path.join(ROOT, 'katas', 'python'))
  .filter((id) => fs.existsSync(path.join(ROOT, 'katas', 'python', id, 'solution.py')))
  .sort();

const commands = [
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
  { name: 'python -c "import asyncio"', argv: [python, '-c', 'import asyncio'] },
  // Shown for transparency: check starts Python with -I -S (no site, no .pth files), which is cheaper.
  { name: 'python -I -S -c "import asyncio"', argv: [python, '-I', '-S', '-c', 'import asyncio'] },
  ...katas.map((id) => ({
    name: `check ${id}`,
    argv: [process.execPath, path.join(ROOT, 'bin', 'async-katas.js'), 'check', id, '--json',
      '--file', path.join(ROOT, 'katas', 'python', id, 'solution.py')],
    expectPass: true,
  })),
];

const samples = new Map(commands.map((c) => [c.name, []]));
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const command of commands) {
    const ms = timeOnce(command);
    if (round >= WARMUP) samples.get(command.name).push(ms);
  }
}
fs.rmSync(cacheDir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const floor = median(samples.get('node -e 0')) + median(samples.get('python -c "import asyncio"'));

console.log(`check latency, ${ROUNDS} rounds (+${WARMUP} warm-up), ${os.cpus().length} CPUs, node ${process.version}, ${python}`);
console.log(`${'command'.padEnd(34)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}  ratio to floor`);
for (const command of commands) {
  const xs = samples.get(command.name);
  const m = median(xs);
  const ratio = command.expectPass ? `${(m / floor).toFixed(2)}${m / floor <= GOAL ? '' : '  (over the 1.5 goal)'}` : '';
  console.log(`${command.name.padEnd(34)} ${fmt(m)} ${fmt(Math.min(...xs))} ${fmt(Math.max(...xs))}  ${ratio}`);
}
console.log(`floor = node -e 0 + python -c "import asyncio" = ${floor.toFixed(1)} ms; goal: check <= ${GOAL} x floor`);

// BENCH_JSON=FILE: the numbers for scripts/bench-all.mjs (the summary and comparisons between runs).
if (process.env.BENCH_JSON) {
  const checks = commands.filter((c) => c.expectPass).map((c) => ({ kata: c.name.replace(/^check /, ''), ms: median(samples.get(c.name)) }));
  fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({
    floorMs: floor,
    pythonIsolatedMs: median(samples.get('python -I -S -c "import asyncio"')),
    checkMedianMs: median(checks.map((c) => c.ms)),
    checks,
  }));
}

function fmt(ms) {
  return `${ms.toFixed(1)} ms`.padStart(9);
}

function timeOnce(command) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command.argv[0], command.argv.slice(1), { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && command.expectPass) {
    console.error(`bench: ${command.name} did not pass (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  return ms;
}

/** The interpreter `check` will use, resolved once: a pyenv shim would add ~0.35 s to the floor. */
function realPython() {
  for (const candidate of [process.env.ASYNC_KATAS_PYTHON, 'python3', 'python'].filter(Boolean)) {
    const run = spawnSync(candidate, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
    if (run.status === 0 && run.stdout.trim()) return run.stdout.trim();
  }
  console.error('bench: no python3 on PATH');
  process.exit(2);
}
