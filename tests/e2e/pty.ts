// Drives the real bundled CLI in a pseudo-terminal, the way a learner's terminal would.
import pty, { type IPty } from '@lydell/node-pty';
import path from 'node:path';
import { REPO } from '../helpers.js';

// Ink draws with cursor moves and colours; tests look for words, so escapes are dropped.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g;

export function plain(text: string): string {
  return text.replace(ANSI, '');
}

export interface Session {
  pty: IPty;
  /** Everything the app wrote so far, escapes removed. */
  text: () => string;
  /** Everything the app wrote so far, as written. */
  raw: () => string;
  /** Resolves when `needle` appears after the `from` offset of text(); rejects after `ms`. */
  waitFor: (needle: string | RegExp, ms?: number, from?: number) => Promise<void>;
  write: (keys: string) => void;
  exited: Promise<number>;
}

/** `size.term`: the TERM the app sees; xterm-256color unless a test is about another terminal. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd: string, size: { cols: number; rows: number; term?: string } = { cols: 100, rows: 30 }): Session {
  const term = size.term ?? 'xterm-256color';
  const child = pty.spawn(process.execPath, [path.join(REPO, 'bin', 'async-katas.js'), ...args], {
    name: term,
    cols: size.cols,
    rows: size.rows,
    cwd,
    env: { ...env, TERM: term } as Record<string, string>,
  });
  let raw = '';
  const listeners = new Set<() => void>();
  child.onData((data) => {
    raw += data;
    for (const l of listeners) l();
  });
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => plain(raw);
  const waitFor = (needle: string | RegExp, ms = 20_000, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const found = () => {
        const t = text().slice(from);
        return typeof needle === 'string' ? t.includes(needle) : needle.test(t);
      };
      if (found()) return resolve();
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${String(needle)}; screen so far:\n${text().slice(-2000)}`));
      }, ms);
      const check = () => {
        if (!found()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
    });
  return { pty: child, text, raw: () => raw, waitFor, write: (keys) => child.write(keys), exited };
}
