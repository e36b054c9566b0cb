import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { progressFile, readProgressSnapshot } from '../../src/core/progress-file.js';
import { openProgress } from '../../src/core/progress.js';
import { tempDir } from '../helpers.js';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['ASYNC_KATAS_CONFIG_DIR', 'XDG_CONFIG_HOME']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('progress without conf', () => {
  it('finds the file conf uses in ASYNC_KATAS_CONFIG_DIR', () => {
    const dir = tempDir();
    const { store } = openProgress({ configDir: dir });
    expect(progressFile({ ASYNC_KATAS_CONFIG_DIR: dir })).toBe(store.path);
  });

  it.skipIf(process.platform !== 'linux')('finds the file conf uses in the per-user config folder', () => {
    const xdg = tempDir();
    delete process.env.ASYNC_KATAS_CONFIG_DIR;
    process.env.XDG_CONFIG_HOME = xdg;
    const { store } = openProgress({ env: {} });
    expect(progressFile({ XDG_CONFIG_HOME: xdg })).toBe(store.path);
    expect(store.path.startsWith(xdg)).toBe(true);
  });

  it('reads what the store wrote, and nothing from a broken or missing file', () => {
    const dir = tempDir();
    const { store } = openProgress({ configDir: dir });
    store.recordCheck('k1', 'pass');
    store.recordHint('k2', 2);
    const snapshot = readProgressSnapshot(progressFile({ ASYNC_KATAS_CONFIG_DIR: dir }));
    expect(snapshot.k1).toMatchObject({ status: 'solved', attempts: 1 });
    expect(snapshot.k2).toMatchObject({ status: 'new', hintsUsed: 2 });
    expect(readProgressSnapshot(path.join(dir, 'missing.json'))).toEqual({});
  });
});
