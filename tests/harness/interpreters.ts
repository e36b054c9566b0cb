// Every CPython 3.10+ this machine has: pyenv's versions, ASYNC_KATAS_TEST_PYTHONS (colon-separated
// executables), and those scripts/get-pythons.sh put in its cache folder (CPython 3.14 and 3.15 from
// Debian, in ${ASYNC_KATAS_PY_CACHE:-~/.cache/async-katas-pythons}/3.X/usr/bin/python3.X). Suites run
// once per interpreter found; a missing version simply isn't in the list.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Interpreter {
  /** sys.version_info[:3] joined, as src/core/python.ts reports it (a 3.15.0a2+ build is "3.15.0"). */
  version: string;
  exe: string;
}

type Env = NodeJS.ProcessEnv;

function pyenvInterpreters(env: Env): Interpreter[] {
  const root = env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv');
  const versionsDir = path.join(root, 'versions');
  if (!fs.existsSync(versionsDir)) return [];
  const found: Interpreter[] = [];
  for (const name of fs.readdirSync(versionsDir)) {
    const m = /^3\.(\d+)\.(\d+)$/.exec(name);
    if (!m || Number(m[1]) < 10) continue;
    const exe = path.join(versionsDir, name, 'bin', `python3.${m[1]}`);
    if (fs.existsSync(exe)) found.push({ version: name, exe });
  }
  return found;
}

// The version is asked of the executable itself: its name says nothing reliable, and one that no
// longer runs (a cache folder moved after its files were patched to absolute paths) is left out.
function probed(exe: string): Interpreter | undefined {
  try {
    const out = execFileSync(exe, ['-I', '-S', '-B', '-c', 'import sys; print(*sys.version_info[:3], sep=".")'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const version = out.trim();
    return /^3\.\d+\.\d+$/.test(version) && Number(version.split('.')[1]) >= 10 ? { version, exe } : undefined;
  } catch {
    return undefined;
  }
}

function extraInterpreters(env: Env): Interpreter[] {
  const list = env.ASYNC_KATAS_TEST_PYTHONS;
  if (!list) return [];
  return list
    .split(':')
    .filter(Boolean)
    .map((exe) => probed(exe) ?? { version: path.basename(exe), exe });
}

function cachedInterpreters(env: Env): Interpreter[] {
  const cache = env.ASYNC_KATAS_PY_CACHE || path.join(os.homedir(), '.cache', 'async-katas-pythons');
  let names: string[];
  try {
    names = fs.readdirSync(cache);
  } catch {
    return [];
  }
  const found: Interpreter[] = [];
  for (const name of names) {
    // Only finished trees: the script builds in a .work.* folder and renames it to 3.X when done.
    if (!/^3\.\d+$/.test(name)) continue;
    const exe = path.join(cache, name, 'usr', 'bin', `python${name}`);
    const interpreter = fs.existsSync(exe) ? probed(exe) : undefined;
    if (interpreter) found.push(interpreter);
  }
  return found;
}

let memo: Interpreter[] | undefined;

/** Every interpreter found, once per process (each suite file asks; probing costs a process each). */
export function installedInterpreters(): Interpreter[] {
  memo ??= findInterpreters(process.env);
  return memo.map((i) => ({ ...i }));
}

export function findInterpreters(env: Env): Interpreter[] {
  const seenExe = new Set<string>();
  const seenVersion = new Set<string>();
  const real = (exe: string) => {
    try {
      return fs.realpathSync(exe);
    } catch {
      return exe;
    }
  };
  const kept: Interpreter[] = [];
  for (const i of [...pyenvInterpreters(env), ...extraInterpreters(env)]) {
    if (seenExe.has(real(i.exe))) continue;
    seenExe.add(real(i.exe));
    seenVersion.add(i.version);
    kept.push(i);
  }
  // The cache fills in versions this machine lacks; the same version from pyenv (or named by hand) wins.
  for (const i of cachedInterpreters(env)) {
    if (seenExe.has(real(i.exe)) || seenVersion.has(i.version)) continue;
    seenExe.add(real(i.exe));
    seenVersion.add(i.version);
    kept.push(i);
  }
  return kept.sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
}
