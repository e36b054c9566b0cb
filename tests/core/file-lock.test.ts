// The lock that keeps two processes' read-modify-write of one file from losing updates.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from '../../src/core/file-lock.js';
import { REPO, tempDir } from '../helpers.js';

/** A child script that bumps a counter file `times` times, each bump a slow read-modify-write. */
function counterScript(dir: string, locked: boolean): string {
  const script = path.join(dir, `bump-${locked}.mjs`);
  fs.writeFileSync(
    path.join(dir, 'entry.ts'),
    `import fs from 'node:fs';
import { withFileLock } from ${JSON.stringify(path.join(REPO, 'src', 'core', 'file-lock.ts'))};
const [file, times] = [process.argv[2], Number(process.argv[3])];
const bump = () => {
  const n = Number(fs.readFileSync(file, 'utf8'));
  for (let i = 0; i < 20000; i++) Math.sqrt(i); // widen the window between read and write
  fs.writeFileSync(file, String(n + 1));
};
for (let i = 0; i < times; i++) ${locked ? 'withFileLock(file + ".lock", bump)' : 'bump()'};
`,
  );
  buildSync({ entryPoints: [path.join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent' });
  return script;
}

async function race(locked: boolean): Promise<number> {
  const dir = tempDir('ak-lock-');
  const file = path.join(dir, 'counter');
  fs.writeFileSync(file, '0');
  const script = counterScript(dir, locked);
  await Promise.all(
    [1, 2, 3, 4].map(
      () => new Promise<void>((resolve, reject) => spawn(process.execPath, [script, file, '150'], { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))))),
    ),
  );
  return Number(fs.readFileSync(file, 'utf8'));
}

describe('withFileLock', () => {
  it('four processes bumping one file 150 times each lose nothing', { timeout: 60_000 }, async () => {
    expect(await race(true)).toBe(600);
  });

  it('takes over at once a lock left by a process that died', () => {
    const lock = path.join(tempDir(), 'f.lock');
    const dead = spawn(process.execPath, ['-e', '0']);
    fs.writeFileSync(lock, `${dead.pid}\n`);
    return new Promise<void>((resolve) =>
      dead.on('exit', () => {
        expect(withFileLock(lock, () => 'ran', { timeoutMs: 50 })).toBe('ran');
        expect(fs.existsSync(lock)).toBe(false);
        resolve();
      }),
    );
  });

  it('waits for a live holder, then names it and the way out', () => {
    const lock = path.join(tempDir(), 'f.lock');
    fs.writeFileSync(lock, `${process.ppid}\n`);
    expect(() => withFileLock(lock, () => 'ran', { timeoutMs: 30 })).toThrow(LockTimeoutError);
    expect(() => withFileLock(lock, () => 'ran', { timeoutMs: 30 })).toThrow(`held by process ${process.ppid} for too long; if no other async-katas is running, delete that file`);
    // Older than any update takes: a leftover whoever holds it.
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    expect(withFileLock(lock, () => 'ran', { timeoutMs: 30 })).toBe('ran');
  });

  it('releases the lock when the guarded work throws', () => {
    const lock = path.join(tempDir(), 'f.lock');
    expect(() => withFileLock(lock, () => { throw new Error('boom'); })).toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
