// The launcher's first stop for a bare `async-katas [--workspace DIR]` on a terminal: if the home screen
// would look exactly as it did when last drawn, show that frame now, before the app has loaded (see
// ui/frame-cache.ts). Small on purpose: everything it imports is read before anything is on screen.
import path from 'node:path';
import { defaultCacheDir, packDirs } from './core/paths.js';
import { packageRoot } from './core/root.js';
import { findWorkspace } from './core/workspace.js';
import { homeFrameKey, readFrame, replayFrame } from './ui/frame-cache.js';

export interface BareOptions {
  workspace?: string;
  pack?: string[];
  trustPacks?: boolean;
}

/**
 * The options of a bare `async-katas [--workspace DIR] [--pack DIR]... [--trust-packs]`, or undefined
 * when there is a command (or anything else, which commander then explains).
 */
export function bareCommand(args: string[]): BareOptions | undefined {
  const options: BareOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--trust-packs' && inline === undefined) {
      options.trustPacks = true;
      continue;
    }
    if (name !== '--workspace' && name !== '--pack') return undefined;
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return undefined;
    if (name === '--workspace') options.workspace = value;
    else options.pack = [...(options.pack ?? []), value];
  }
  return options;
}

/** The key of the home frame a bare start in `cwd` would draw, when it would draw the home screen. */
export function homeKeyFor(options: BareOptions, cwd: string = process.cwd()): string | undefined {
  const workspaceDir = options.workspace ? path.resolve(cwd, options.workspace) : findWorkspace(cwd)?.dir;
  return workspaceDir ? homeKeyIn(workspaceDir, process.env, packDirs(options.pack)) : undefined;
}

/** The key of the home frame for `workspaceDir` in this terminal, with the environment as it is (or was). */
export function homeKeyIn(workspaceDir: string, env: NodeJS.ProcessEnv = process.env, packs: readonly string[] = []): string | undefined {
  const { columns, rows } = process.stdout;
  if (!columns || !rows) return undefined;
  return homeFrameKey({ workspaceDir, columns, rows, katasDir: path.join(packageRoot(), 'katas', 'python'), packDirs: packs, env });
}

export function replayHomeFrame(args: string[]): void {
  const bare = bareCommand(args);
  if (!bare || !process.stdin.isTTY || !process.stdout.isTTY || process.env.ASYNC_KATAS_NO_REPLAY) return;
  const key = homeKeyFor(bare);
  const frame = key && readFrame(defaultCacheDir(), key);
  if (frame) replayFrame(frame);
}
