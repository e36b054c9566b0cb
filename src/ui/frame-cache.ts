// The home screen as Ink last drew it, replayed the moment a later start knows it would look the same.
// Loading Ink, React and yoga takes about 200 ms before the first real frame; a learner coming back to
// an unchanged home screen sees it within a few ms of Node starting, while the app loads underneath.
// The key is everything the home frame is drawn from (terminal size and colour environment, the
// progress file, the workspace, the catalogue and the build), so a replayed frame is the frame Ink then
// draws over it, byte for byte; anything else and there is no replay. No React in here: the launcher
// loads this before the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { progressFile } from '../core/paths.js';

const FILE = 'home-frame.json';
const ENV = ['TERM', 'COLORTERM', 'TERM_PROGRAM', 'NO_COLOR', 'FORCE_COLOR', 'CI', 'WT_SESSION', 'LANG', 'LC_ALL', 'LC_CTYPE'];
const SHOWN = Symbol.for('async-katas.replayed-frame');

interface Replayed {
  lines: number;
  takenOver: boolean;
}

export interface FrameKeyInputs {
  workspaceDir: string;
  columns: number;
  rows: number;
  katasDir: string;
  /** Team packs shown on home: their manifests and katas are part of the frame too. */
  packDirs?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** What the home frame depends on, as one string; undefined when something can't be read. */
export function homeFrameKey(inputs: FrameKeyInputs): string | undefined {
  const env = inputs.env ?? process.env;
  try {
    const build = fs.statSync(fileURLToPath(import.meta.url)).mtimeMs;
    const katas = fs
      .readdirSync(inputs.katasDir)
      .sort()
      .map((id) => statOrZero(path.join(inputs.katasDir, id, 'kata.json')));
    const packs = (inputs.packDirs ?? []).map((dir) => [
      dir,
      statOrZero(path.join(dir, 'pack.json')),
      fs.readdirSync(dir).sort().map((id) => statOrZero(path.join(dir, id, 'kata.json'))),
    ]);
    let progress = '';
    try {
      progress = fs.readFileSync(progressFile(env), 'utf8');
    } catch {
      // no progress yet: that is a state like any other
    }
    return JSON.stringify([build, katas, packs, progress, inputs.workspaceDir, inputs.columns, inputs.rows, ENV.map((k) => env[k] ?? null)]);
  } catch {
    return undefined;
  }
}

function statOrZero(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export function readFrame(cacheDir: string, key: string): string | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(cacheDir, FILE), 'utf8')) as { key?: unknown; frame?: unknown };
    return saved.key === key && typeof saved.frame === 'string' ? saved.frame : undefined;
  } catch {
    return undefined;
  }
}

export function saveFrame(cacheDir: string, key: string, frame: string): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = path.join(cacheDir, `${FILE}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify({ key, frame }));
    fs.renameSync(tmp, path.join(cacheDir, FILE));
  } catch {
    // a cache, nothing more: the next start simply draws without it
  }
}

/** Lines the frame occupies: Ink ends a frame with its last line, without a newline, after its writes. */
function lineCount(frame: string): number {
  // eslint-disable-next-line no-control-regex
  const text = frame.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, '');
  return text.split('\n').length;
}

/** Writes a saved frame now, with keys held back (raw mode) until the app reads them. */
export function replayFrame(frame: string, stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin): boolean {
  const lines = lineCount(frame);
  if (!stdout.rows || lines >= stdout.rows) return false; // Ink clears the whole screen for those
  stdout.write(frame);
  try {
    stdin.setRawMode(true);
  } catch {
    // not a real TTY after all: typed keys may echo, nothing worse
  }
  (globalThis as Record<symbol, Replayed>)[SHOWN] = { lines, takenOver: false };
  return true;
}

function replayed(): Replayed | undefined {
  return (globalThis as Record<symbol, Replayed | undefined>)[SHOWN];
}

/** The escape sequence that moves up over a replayed frame and clears it. */
function eraseReplayed(state: Replayed): string {
  return `\r${state.lines > 1 ? `\u001b[${state.lines - 1}A` : ''}\u001b[0J`;
}

/**
 * Ink is about to draw: its first frame write (the one with the frame's lines) starts by erasing the
 * replayed frame, in the same write, so the terminal never shows the gap. Every write until `done` is
 * recorded, to be saved as the next start's replay.
 */
export function recordFirstFrame(stdout: NodeJS.WriteStream = process.stdout): { done: () => string } {
  const original = stdout.write;
  const state = replayed();
  let recorded = '';
  const patched = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    let text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    recorded += text;
    if (state && !state.takenOver && text.includes('\n')) {
      state.takenOver = true;
      text = eraseReplayed(state) + text;
    }
    return (original as (...args: unknown[]) => boolean).call(this, text, ...rest);
  };
  stdout.write = patched as typeof stdout.write;
  return {
    done: () => {
      if (stdout.write === patched) stdout.write = original;
      return recorded;
    },
  };
}

/** The app ends without ever drawing (Python missing, say): take the replayed frame away again. */
export function discardReplayed(stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin): void {
  const state = replayed();
  if (!state || state.takenOver) return;
  state.takenOver = true;
  stdout.write(eraseReplayed(state));
  try {
    stdin.setRawMode(false);
  } catch {
    // nothing to restore
  }
}
