// Which interpreters the harness suites run on: pyenv's, those named in ASYNC_KATAS_TEST_PYTHONS, and the
// finished trees of scripts/get-pythons.sh's cache, each version as the executable itself reports it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { findInterpreters } from './interpreters.js';

// A stand-in that answers the version probe as a CPython of that version would.
function fakePython(file: string, answer: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\n${answer}\n`, { mode: 0o755 });
  return file;
}

it('adds the cache folder’s interpreters with the version they report, leaving out what pyenv has, unfinished trees and ones that no longer run', () => {
  const root = tempDir('ak-interpreters-');
  const pyenv = path.join(root, 'pyenv');
  const cache = path.join(root, 'cache');
  const pyenv314 = fakePython(path.join(pyenv, 'versions', '3.14.2', 'bin', 'python3.14'), 'echo 3.14.2');
  fakePython(path.join(cache, '3.14', 'usr', 'bin', 'python3.14'), 'echo 3.14.2'); // same version as pyenv's
  const pre = fakePython(path.join(cache, '3.15', 'usr', 'bin', 'python3.15'), 'echo 3.15.0'); // a 3.15.0a2+ build says 3.15.0 too
  fakePython(path.join(cache, '.work.x1', '3.16', 'usr', 'bin', 'python3.16'), 'echo 3.16.0'); // still being built
  fakePython(path.join(cache, '3.17', 'usr', 'bin', 'python3.17'), 'exit 127'); // patched for another folder
  fakePython(path.join(cache, '3.9', 'usr', 'bin', 'python3.9'), 'echo 3.9.18'); // too old for the harness

  const found = findInterpreters({ PYENV_ROOT: pyenv, ASYNC_KATAS_PY_CACHE: cache });
  expect(found).toEqual([
    { version: '3.14.2', exe: pyenv314 },
    { version: '3.15.0', exe: pre },
  ]);

  // Named by hand, an executable is listed once even when the cache holds it too, with its own version.
  const named = findInterpreters({ PYENV_ROOT: pyenv, ASYNC_KATAS_PY_CACHE: cache, ASYNC_KATAS_TEST_PYTHONS: pre });
  expect(named).toEqual(found);
});

it('finds nothing in a cache folder that does not exist', () => {
  const root = tempDir('ak-interpreters-');
  expect(findInterpreters({ PYENV_ROOT: path.join(root, 'none'), ASYNC_KATAS_PY_CACHE: path.join(root, 'nocache') })).toEqual([]);
});
