// The trainer's numbers, measured in a pseudo-terminal as a learner would meet them:
// - first frame: from spawning the app until its home screen is on the terminal, beside `node -e 0`:
//   as a returning learner gets it (the saved home frame, replayed at once), and as Ink draws it
//   (the time until keys work; the same as a first start);
// - save-to-verdict: from writing the kata file until the new verdict is drawn, beside a Python start
//   with asyncio (the harness can't beat that floor);
// - peak RSS of the app process (VmHWM) after those saves.
// Numbers only; goals: first frame <= 2 x node -e 0, save-to-verdict <= Python start + 60 ms, RSS < 80 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'async-katas.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

function timeCommand(argv) {
  const start = now();
  spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
  return now() - start;
}

function realPython() {
  const run = spawnSync(process.env.ASYNC_KATAS_PYTHON ?? 'python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return run.stdout.trim();
}

/** The app in a pty; resolves helpers to wait for text written after a mark. */
function launch(args, env, cwd) {
  // BENCH_NODE_ARGS: node flags to try (e.g. --max-semi-space-size=1 against RSS).
  const child = pty.spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), CLI, ...args], { cols: 100, rows: 30, cwd, env: { ...env, TERM: 'xterm-256color' } });
  let text = '';
  let raw = '';
  const waiters = [];
  child.onData((d) => {
    raw += d;
    text += d.replace(ANSI, '');
    for (const w of [...waiters]) w();
  });
  const until = (needle, from = 0, ms = 30_000) =>
    new Promise((resolve, reject) => {
      const hit = () => (needle instanceof RegExp ? needle.test(raw) : text.indexOf(needle, from) >= 0);
      if (hit()) return resolve(now());
      const timer = setTimeout(() => reject(new Error(`bench: never saw "${needle}"`)), ms);
      const w = () => {
        if (!hit()) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(w), 1);
        resolve(now());
      };
      waiters.push(w);
    });
  return { child, until, mark: () => text.length };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-bench-app-'));
const env = { ...process.env, ASYNC_KATAS_CONFIG_DIR: path.join(tmp, 'config'), ASYNC_KATAS_CACHE_DIR: path.join(tmp, 'cache') };
for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
const ws = path.join(tmp, 'ws');
const python = realPython();

// Warm the interpreter cache and the workspace, as a learner's second start would find them.
spawnSync(process.execPath, [CLI, '--workspace', ws, 'list'], { env, cwd: tmp, stdio: 'ignore' });

// The replayed frame is erased by Ink's first write, in the same write: that moment is when Ink has drawn.
const INK_DREW = /\r\u001b\[\d+A\u001b\[0J/;
const node = [];
const first = [];
const inkFirst = [];
for (let round = 0; round < ROUNDS + 2; round++) {
  const n = timeCommand([process.execPath, '-e', '0']);
  const start = now();
  const app = launch(['--workspace', ws], env, tmp);
  const drawn = await app.until('↑↓ choose');
  const ink = round > 0 ? await app.until(INK_DREW) : drawn; // the first start has nothing saved to replay
  app.child.kill();
  await sleep(100);
  if (round >= 2) {
    node.push(n);
    first.push(drawn - start);
    inkFirst.push(ink - start);
  }
}

const pyStart = [];
for (let round = 0; round < ROUNDS + 2; round++) {
  const ms = timeCommand([python, '-c', 'import asyncio']);
  if (round >= 2) pyStart.push(ms);
}

const kataFile = path.join(ws, 'blocking-sleep.py');
const starter = fs.readFileSync(path.join(ROOT, 'katas/python/blocking-sleep/starter.py'), 'utf8');
const app = launch(['--workspace', ws, 'open', 'blocking-sleep'], env, tmp);
await app.until('esc back');
await sleep(500);
const verdicts = [];
for (let round = 0; round < ROUNDS + 2; round++) {
  const from = app.mark();
  const start = now();
  fs.writeFileSync(kataFile, `${starter}# save ${round}\n`);
  await app.until('checking your file', from);
  const done = await app.until('tests pass', app.mark());
  if (round >= 2) verdicts.push(done - start);
  await sleep(150);
}
const status = fs.readFileSync(`/proc/${app.child.pid}/status`, 'utf8');
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
app.child.kill();
fs.rmSync(tmp, { recursive: true, force: true });

const n = median(node);
const f = median(first);
const fi = median(inkFirst);
const p = median(pyStart);
const v = median(verdicts);
console.log(`trainer, ${ROUNDS} rounds (+2 warm-up), ${os.cpus().length} CPUs, node ${process.version}`);
console.log(`first frame (home screen)   ${f.toFixed(0)} ms   node -e 0 ${n.toFixed(0)} ms   ratio ${(f / n).toFixed(2)} (goal <= 2; the saved frame, replayed)`);
console.log(`  drawn by Ink, keys live    ${fi.toFixed(0)} ms   ratio ${(fi / n).toFixed(2)} (what a first start shows first)`);
console.log(`save-to-verdict             ${v.toFixed(0)} ms   python -c "import asyncio" ${p.toFixed(0)} ms   over it by ${(v - p).toFixed(0)} ms (goal <= 60)`);
console.log(`peak RSS of the app         ${(hwmKb / 1024).toFixed(1)} MB (goal < 80)`);

if (process.env.BENCH_JSON) {
  fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ nodeMs: n, firstFrameMs: f, inkFrameMs: fi, pythonStartMs: p, saveToVerdictMs: v, peakRssMb: hwmKb / 1024 }));
}
