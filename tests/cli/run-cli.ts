// Runs the built CLI the way a user does: `node bin/async-katas.js ...`.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO, tempDir } from '../helpers.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cacheDir = tempDir('ak-cli-cache-');

export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd: string = REPO,
  started?: (child: ChildProcess) => void,
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  input?: string,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'async-katas.js'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ASYNC_KATAS_CACHE_DIR: cacheDir, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin!.end(input);
    started?.(child);
  });
}
