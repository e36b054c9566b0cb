// Runs the built CLI in a pseudo-terminal, for the paths that only happen at a terminal (y/N questions).
import pty from '@lydell/node-pty';
import path from 'node:path';
import { REPO } from '../helpers.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export interface PtyRun {
  /** Resolves once `needle` has been written; rejects after a generous bound, showing what was written. */
  waitFor(needle: string): Promise<void>;
  write(keys: string): void;
  output(): string;
  exited: Promise<number>;
}

export function ptyCli(args: string[], env: NodeJS.ProcessEnv, cwd: string, shellPipe = false): PtyRun {
  const cli = [process.execPath, path.join(REPO, 'bin', 'async-katas.js'), ...args];
  // With shellPipe, stdin is the terminal but stdout is a pipe (`async-katas | cat`).
  const [file, argv] = shellPipe ? ['/bin/sh', ['-c', `"$@" | cat`, 'sh', ...cli]] : [cli[0]!, cli.slice(1)];
  const child = pty.spawn(file, argv, { cols: 120, rows: 30, cwd, env: { ...process.env, NO_COLOR: '1', ...env } as Record<string, string> });
  let raw = '';
  const waiters = new Set<() => void>();
  child.onData((d) => {
    raw += d;
    for (const w of waiters) w();
  });
  const output = () => raw.replace(ANSI, '').replace(/\r/g, '');
  return {
    output,
    write: (keys) => child.write(keys),
    exited: new Promise((resolve) => child.onExit(({ exitCode }) => resolve(exitCode))),
    waitFor: (needle) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!output().includes(needle)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${JSON.stringify(needle)} within 30 s; output:\n${output()}`));
        }, 30_000);
        waiters.add(check);
        check();
      }),
  };
}
