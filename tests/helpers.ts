// Shared test plumbing: fixture paths, temp dirs, a real Python, and process liveness.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { findPython, type PythonInfo } from '../src/core/python.js';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(REPO, 'tests', 'fixtures');
export const FIXTURE_ROOT = path.join(FIXTURES, 'root');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ak-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

let python: Promise<PythonInfo> | undefined;
/** A real Python 3.10+, found the way the product finds it (with a throwaway cache). */
export function testPython(): Promise<PythonInfo> {
  python ??= findPython({ cacheDir: tempDir('ak-pycache-') });
  return python;
}

/** A pyenv interpreter of this exact version, when the machine has it. */
export function pyenvPython(version: string): string | undefined {
  const [major, minor] = version.split('.');
  const exe = path.join(os.homedir(), '.pyenv', 'versions', version, 'bin', `python${major}.${minor}`);
  return fs.existsSync(exe) ? exe : undefined;
}

/** Alive and not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Waits for a killed process to disappear; false if it is still there after a generous bound. */
export async function waitUntilDead(pid: number, boundMs = 10_000): Promise<boolean> {
  const until = Date.now() + boundMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

export async function waitForFile(file: string, boundMs = 20_000): Promise<string> {
  const until = Date.now() + boundMs;
  while (Date.now() < until) {
    if (fs.existsSync(file) && fs.statSync(file).size > 0) return fs.readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${file} did not appear`);
}
