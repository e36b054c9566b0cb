// The launcher's first stop for a bare `async-katas [--workspace DIR]` on a terminal: if the home screen
// would look exactly as it did when last drawn, show that frame now, before the app has loaded (see
// ui/frame-cache.ts). Small on purpose: everything it imports is read before anything is on screen.
import path from 'node:path';
import { defaultCacheDir } from './core/paths.js';
import { packageRoot } from './core/root.js';
import { findWorkspace } from './core/workspace.js';
import { homeFrameKey, readFrame, replayFrame } from './ui/frame-cache.js';

export interface BareOptions {
  workspace?: string;
}

/** The options of a bare `async-katas [--workspace DIR]`, or undefined when there is a command. */
export function bareCommand(args: string[]): BareOptions | undefined {
  if (args.length === 0) return {};
  if (args.length === 1 && args[0]!.startsWith('--workspace=')) return { workspace: args[0]!.slice('--workspace='.length) };
  if (args.length === 2 && args[0] === '--workspace') return { workspace: args[1] };
  return undefined;
}

/** The key of the home frame a bare start in `cwd` would draw, when it would draw the home screen. */
export function homeKeyFor(options: BareOptions, cwd: string = process.cwd()): string | undefined {
  const workspaceDir = options.workspace ? path.resolve(cwd, options.workspace) : findWorkspace(cwd)?.dir;
  return workspaceDir ? homeKeyIn(workspaceDir) : undefined;
}

/** The key of the home frame for `workspaceDir` in this terminal, with the environment as it is (or was). */
export function homeKeyIn(workspaceDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { columns, rows } = process.stdout;
  if (!columns || !rows) return undefined;
  return homeFrameKey({ workspaceDir, columns, rows, katasDir: path.join(packageRoot(), 'katas', 'python'), env });
}

export function replayHomeFrame(args: string[]): void {
  const bare = bareCommand(args);
  if (!bare || !process.stdin.isTTY || !process.stdout.isTTY || process.env.ASYNC_KATAS_NO_REPLAY) return;
  const key = homeKeyFor(bare);
  const frame = key && readFrame(defaultCacheDir(), key);
  if (frame) replayFrame(frame);
}
