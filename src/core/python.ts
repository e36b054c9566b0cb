// Finds the Python interpreter that runs the harness, and caches the answer because probing through a
// pyenv shim costs about 0.35 s on every start.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCacheDir } from './paths.js';

export const MIN_PYTHON: readonly [number, number] = [3, 10];

export type VersionTuple = [number, number, number];

export interface PythonInfo {
  /** sys.executable of the interpreter, so later starts skip shims and launchers. */
  exe: string;
  version: string;
  versionTuple: VersionTuple;
  impl: string;
}

export interface FindPythonOptions {
  /** The --python option. */
  python?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where python.json lives; null turns the cache off. Defaults from the environment. */
  cacheDir?: string | null;
  platform?: NodeJS.Platform;
}

export class PythonNotFoundError extends Error {
  readonly tried: string[];
  constructor(summary: string, tried: string[]) {
    super(
      [
        summary,
        'Tried:',
        ...tried.map((t) => `  ${t}`),
        'Install Python 3.10 or newer (python.org, your package manager, or pyenv), or point async-katas at one',
        'with --python PATH or the environment variable ASYNC_KATAS_PYTHON=PATH.',
      ].join('\n'),
    );
    this.name = 'PythonNotFoundError';
    this.tried = tried;
  }
}

interface Candidate {
  /** How the user would recognise it in an error: "python3", "--python ./py", "ASYNC_KATAS_PYTHON=...". */
  label: string;
  command: string;
  args: string[];
  /** A bare name is looked up on PATH; anything with a slash is a path. */
  explicit: boolean;
}

interface ProbeAnswer {
  exe: string;
  version: VersionTuple;
  impl: string;
}

const PROBE =
  'import sys, json; print(json.dumps({"exe": sys.executable, "version": list(sys.version_info[:3]), "impl": sys.implementation.name}))';

const PROBE_TIMEOUT_MS = 20_000;
const CACHE_FILE = 'python.json';
const CACHE_LIMIT = 32;

export async function findPython(options: FindPythonOptions = {}): Promise<PythonInfo> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const platform = options.platform ?? process.platform;
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(env) : options.cacheDir;

  const tried: string[] = [];
  let tooOld: string | undefined;
  for (const candidate of candidates(options.python, env, platform)) {
    const resolved = resolveCommand(candidate, cwd, env, platform);
    if (!resolved.ok) {
      tried.push(`${candidate.label}: ${resolved.reason}`);
      continue;
    }
    const key = cacheKey(candidate, resolved.path, resolved.mtimeMs, env, cwd);
    const cached = cacheDir ? readCache(cacheDir, key) : undefined;
    if (cached) return cached;

    const answer = await probe(resolved.path, candidate.args, env);
    if (!answer.ok) {
      tried.push(`${candidate.label}: ${answer.reason}`);
      continue;
    }
    const info = toInfo(answer.value, resolved.path);
    const problem = unsuitable(info);
    if (problem) {
      tried.push(`${candidate.label}: ${problem}`);
      tooOld ??= problem;
      continue;
    }
    if (cacheDir) writeCache(cacheDir, key, info);
    return info;
  }
  throw new PythonNotFoundError(tooOld ?? 'No suitable Python found.', tried);
}

/** "3.10" <= "3.11.7"? Compares major and minor only, as kata minPython values have no micro. */
export function satisfiesMinPython(version: VersionTuple, minPython: string): boolean {
  const [major = 0, minor = 0] = minPython.split('.').map(Number);
  return version[0] !== major ? version[0] > major : version[1] >= minor;
}

export { defaultCacheDir };

function candidates(python: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Candidate[] {
  // An interpreter the user named is the only one tried: silently falling back to another would hide their mistake.
  if (python) return [{ label: `--python ${python}`, command: python, args: [], explicit: true }];
  const fromEnv = env.ASYNC_KATAS_PYTHON;
  if (fromEnv) return [{ label: `ASYNC_KATAS_PYTHON=${fromEnv}`, command: fromEnv, args: [], explicit: true }];
  const list: Candidate[] = [
    { label: 'python3', command: 'python3', args: [], explicit: false },
    { label: 'python', command: 'python', args: [], explicit: false },
  ];
  if (platform === 'win32') list.push({ label: 'py -3', command: 'py', args: ['-3'], explicit: false });
  return list;
}

type Resolved = { ok: true; path: string; mtimeMs: number } | { ok: false; reason: string };

function resolveCommand(c: Candidate, cwd: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Resolved {
  const hasSlash = c.command.includes('/') || (platform === 'win32' && c.command.includes('\\'));
  if (hasSlash || c.explicit) {
    const full = hasSlash ? path.resolve(cwd, c.command) : lookUpPath(c.command, env, platform);
    if (!full) return { ok: false, reason: 'not found on PATH' };
    const st = statFile(full);
    if (!st) return { ok: false, reason: `no such file (${full})` };
    return { ok: true, path: full, mtimeMs: st.mtimeMs };
  }
  const found = lookUpPath(c.command, env, platform);
  if (!found) return { ok: false, reason: 'not found on PATH' };
  return { ok: true, path: found, mtimeMs: statFile(found)?.mtimeMs ?? 0 };
}

function lookUpPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const full = path.join(dir, name + ext);
      const st = statFile(full);
      if (!st) continue;
      if (platform === 'win32') return full;
      try {
        fs.accessSync(full, fs.constants.X_OK);
        return full;
      } catch {
        // not executable: keep looking, as the shell would
      }
    }
  }
  return undefined;
}

function statFile(p: string): fs.Stats | undefined {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

type Probed = { ok: true; value: ProbeAnswer } | { ok: false; reason: string };

function probe(exe: string, args: string[], env: NodeJS.ProcessEnv): Promise<Probed> {
  return new Promise((resolve) => {
    execFile(
      exe,
      [...args, '-I', '-c', PROBE],
      { env, timeout: PROBE_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const firstLine = stderr.trim().split('\n').pop() ?? '';
          const why = typeof code === 'string' ? code : firstLine || error.message.split('\n')[0];
          resolve({ ok: false, reason: `could not run it as Python 3 (${why})` });
          return;
        }
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          const parsed = JSON.parse(line) as Partial<ProbeAnswer>;
          const v = parsed.version;
          if (!Array.isArray(v) || v.length !== 3 || !v.every((n) => Number.isInteger(n))) throw new Error('version');
          resolve({
            ok: true,
            value: { exe: String(parsed.exe ?? ''), version: v as VersionTuple, impl: String(parsed.impl ?? '') },
          });
        } catch {
          resolve({ ok: false, reason: `it did not answer like Python 3 (printed ${JSON.stringify(line.slice(0, 80))})` });
        }
      },
    );
  });
}

function toInfo(answer: ProbeAnswer, resolvedPath: string): PythonInfo {
  return {
    // sys.executable can be empty for embedded interpreters; then the path we started is the best we have.
    exe: answer.exe || resolvedPath,
    version: answer.version.join('.'),
    versionTuple: answer.version,
    impl: answer.impl,
  };
}

function unsuitable(info: PythonInfo): string | undefined {
  const [maj, min] = MIN_PYTHON;
  const name = info.impl === 'cpython' ? 'Python' : `${info.impl} Python`;
  if (!satisfiesMinPython(info.versionTuple, `${maj}.${min}`)) {
    return `found ${name} ${info.version} at ${info.exe}; async-katas needs ${maj}.${min} or newer`;
  }
  // The harness measures the event loop through CPython internals; other implementations give wrong verdicts.
  if (info.impl !== 'cpython') return `found ${name} ${info.version} at ${info.exe}; async-katas needs CPython`;
  return undefined;
}

// ---- cache ----------------------------------------------------------------------------------------

interface CacheEntry {
  exe: string;
  exeMtimeMs: number;
  version: VersionTuple;
  impl: string;
  savedAt: number;
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

function cacheKey(c: Candidate, resolvedPath: string, mtimeMs: number, env: NodeJS.ProcessEnv, cwd: string): string {
  // Version managers (pyenv, asdf, mise) pick the interpreter from these files, so a change must miss the cache.
  const pyenvRoot = env.PYENV_ROOT || path.join(os.homedir(), '.pyenv');
  const versionFiles = [path.join(pyenvRoot, 'version'), ...versionFilesUpFrom(cwd)];
  const stamps = versionFiles.map((f) => `${f}@${statFile(f)?.mtimeMs ?? '-'}`);
  return JSON.stringify([c.command, c.args, resolvedPath, mtimeMs, env.PYENV_VERSION ?? '', cwd, stamps]);
}

function versionFilesUpFrom(cwd: string): string[] {
  const found: string[] = [];
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of ['.python-version', '.tool-versions']) {
      const f = path.join(dir, name);
      if (statFile(f)) found.push(f);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return found;
    dir = parent;
  }
}

function readCacheFile(cacheDir: string): CacheFile {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(cacheDir, CACHE_FILE), 'utf8')) as CacheFile;
    if (data && data.version === 1 && typeof data.entries === 'object' && data.entries) return data;
  } catch {
    // missing or corrupt: start afresh
  }
  return { version: 1, entries: {} };
}

function readCache(cacheDir: string, key: string): PythonInfo | undefined {
  const entry = readCacheFile(cacheDir).entries[key];
  if (!entry || !Array.isArray(entry.version)) return undefined;
  // The interpreter may have been removed or upgraded in place since it was cached.
  const st = statFile(entry.exe);
  if (!st || st.mtimeMs !== entry.exeMtimeMs) return undefined;
  return { exe: entry.exe, version: entry.version.join('.'), versionTuple: entry.version, impl: entry.impl };
}

function writeCache(cacheDir: string, key: string, info: PythonInfo): void {
  const st = statFile(info.exe);
  if (!st) return;
  try {
    const data = readCacheFile(cacheDir);
    data.entries[key] = {
      exe: info.exe,
      exeMtimeMs: st.mtimeMs,
      version: info.versionTuple,
      impl: info.impl,
      savedAt: Date.now(),
    };
    const keys = Object.keys(data.entries).sort((a, b) => data.entries[b]!.savedAt - data.entries[a]!.savedAt);
    for (const old of keys.slice(CACHE_LIMIT)) delete data.entries[old];
    fs.mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so two concurrent starts never read a half-written file.
    const tmp = path.join(cacheDir, `${CACHE_FILE}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, path.join(cacheDir, CACHE_FILE));
  } catch {
    // A read-only home directory only costs speed.
  }
}
