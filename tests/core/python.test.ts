import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir, findPython, PythonNotFoundError, satisfiesMinPython } from '../../src/core/python.js';
import { pyenvPython, tempDir, testPython } from '../helpers.js';

/** A wrapper around a real interpreter that logs one line per start, so tests can count probes. */
function countingWrapper(dir: string, realExe: string, name = 'py-wrapper'): { wrapper: string; log: string } {
  const log = path.join(dir, `${name}.log`);
  const wrapper = path.join(dir, name);
  fs.writeFileSync(wrapper, `#!/bin/sh\necho start >> '${log}'\nexec '${realExe}' "$@"\n`, { mode: 0o755 });
  return { wrapper, log };
}

const starts = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);

describe('findPython', () => {
  it('finds a CPython 3.10+ on PATH and reports its real executable', async () => {
    const info = await findPython({ cacheDir: null });
    expect(info.impl).toBe('cpython');
    expect(satisfiesMinPython(info.versionTuple, '3.10')).toBe(true);
    expect(info.version).toBe(info.versionTuple.join('.'));
    expect(fs.existsSync(info.exe)).toBe(true);
  });

  it('probes once, then answers from the cache without starting the interpreter again', async () => {
    const real = await testPython();
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const { wrapper, log } = countingWrapper(dir, real.exe);

    const first = await findPython({ python: wrapper, cacheDir });
    expect(starts(log)).toBe(1);
    // The wrapper resolves to the interpreter behind it; later checks skip the wrapper entirely.
    expect(first.exe).toBe(real.exe);

    const second = await findPython({ python: wrapper, cacheDir });
    expect(starts(log)).toBe(1);
    expect(second).toEqual(first);
    expect(fs.existsSync(path.join(cacheDir, 'python.json'))).toBe(true);
  });

  it('probes again when the candidate changes, the working directory changes, or PYENV_VERSION changes', async () => {
    const real = await testPython();
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const { wrapper, log } = countingWrapper(dir, real.exe);

    await findPython({ python: wrapper, cacheDir });
    expect(starts(log)).toBe(1);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(wrapper, later, later);
    await findPython({ python: wrapper, cacheDir });
    expect(starts(log)).toBe(2);
    await findPython({ python: wrapper, cacheDir, cwd: dir });
    expect(starts(log)).toBe(3);
    await findPython({ python: wrapper, cacheDir, cwd: dir, env: { ...process.env, PYENV_VERSION: '3.12.1' } });
    expect(starts(log)).toBe(4);
  });

  it('probes again when a .python-version file appears (a pyenv shim would now pick another version)', async () => {
    const real = await testPython();
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const { wrapper, log } = countingWrapper(dir, real.exe);

    await findPython({ python: wrapper, cacheDir, cwd: dir });
    fs.writeFileSync(path.join(dir, '.python-version'), '3.12.1\n');
    await findPython({ python: wrapper, cacheDir, cwd: dir });
    expect(starts(log)).toBe(2);
  });

  it('does not trust a cache entry whose interpreter is gone', async () => {
    const real = await testPython();
    const dir = tempDir();
    const cacheDir = path.join(dir, 'cache');
    const { wrapper, log } = countingWrapper(dir, real.exe);

    await findPython({ python: wrapper, cacheDir });
    const file = path.join(cacheDir, 'python.json');
    const cache = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of Object.values(cache.entries) as { exe: string }[]) entry.exe = path.join(dir, 'deleted-python');
    fs.writeFileSync(file, JSON.stringify(cache));

    const info = await findPython({ python: wrapper, cacheDir });
    expect(starts(log)).toBe(2);
    expect(info.exe).toBe(real.exe);
  });

  it('survives a corrupt cache file', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'python.json'), '{not json');
    const info = await findPython({ cacheDir: dir });
    expect(info.impl).toBe('cpython');
  });

  it('uses ASYNC_KATAS_PYTHON when there is no --python, and --python over it', async () => {
    const real = await testPython();
    const dir = tempDir();
    const a = countingWrapper(dir, real.exe, 'a');
    const b = countingWrapper(dir, real.exe, 'b');
    const env = { ...process.env, ASYNC_KATAS_PYTHON: a.wrapper };

    await findPython({ env, cacheDir: null });
    expect([starts(a.log), starts(b.log)]).toEqual([1, 0]);
    await findPython({ env, python: b.wrapper, cacheDir: null });
    expect([starts(a.log), starts(b.log)]).toEqual([1, 1]);
  });

  it('refuses a --python path that does not exist, names it, and says how to fix it', async () => {
    const missing = path.join(tempDir(), 'no-such-python');
    const error = await findPython({ python: missing, cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain(`--python ${missing}: no such file`);
    expect(message).toContain('Install Python 3.10 or newer');
    expect(message).toContain('ASYNC_KATAS_PYTHON');
  });

  it('refuses something that is not Python', async () => {
    const dir = tempDir();
    const fakePy = path.join(dir, 'not-python');
    fs.writeFileSync(fakePy, '#!/bin/sh\necho hello\n', { mode: 0o755 });
    const error = await findPython({ python: fakePy, cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonNotFoundError);
    expect((error as Error).message).toContain('did not answer like Python 3');
  });

  it('lists every candidate it tried when PATH has no Python', async () => {
    const env = { ...process.env, PATH: tempDir(), ASYNC_KATAS_PYTHON: '' };
    const error = await findPython({ env, cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonNotFoundError);
    expect((error as PythonNotFoundError).tried).toEqual(['python3: not found on PATH', 'python: not found on PATH']);
  });

  const py39 = pyenvPython('3.9.18');

  it.skipIf(!py39)('refuses Python 3.9 with a clear message', async () => {
    const error = await findPython({ python: py39!, cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonNotFoundError);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toMatch(/^found Python 3\.9\.18 at .+; async-katas needs 3\.10 or newer$/);
  });

  it.skipIf(!py39)('falls back from a too-old python3 to a suitable python on PATH', async () => {
    const real = await testPython();
    const bin = tempDir();
    fs.symlinkSync(py39!, path.join(bin, 'python3'));
    fs.symlinkSync(real.exe, path.join(bin, 'python'));
    const info = await findPython({ env: { ...process.env, PATH: bin, ASYNC_KATAS_PYTHON: '' }, cacheDir: null });
    expect(info.versionTuple).toEqual(real.versionTuple);
  });
});

describe('satisfiesMinPython', () => {
  it('compares major and minor', () => {
    expect(satisfiesMinPython([3, 10, 0], '3.10')).toBe(true);
    expect(satisfiesMinPython([3, 11, 7], '3.12')).toBe(false);
    expect(satisfiesMinPython([3, 9, 18], '3.10')).toBe(false);
    expect(satisfiesMinPython([4, 0, 0], '3.14')).toBe(true);
  });
});

describe('defaultCacheDir', () => {
  it('prefers ASYNC_KATAS_CACHE_DIR, then XDG_CACHE_HOME', () => {
    expect(defaultCacheDir({ ASYNC_KATAS_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(path.join('/x', 'async-katas'));
    expect(defaultCacheDir({})).toMatch(/[/\\]\.cache[/\\]async-katas$/);
  });
});
