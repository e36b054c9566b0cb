// Small pieces every command shares. Imported by cli.ts on the `check` path: keep it free of heavy imports
// (progress, with conf, is loaded on demand).
import { CatalogError, UnknownKataError } from '../core/catalog.js';
import { WorkspaceError, createWorkspace, findWorkspace, type Workspace } from '../core/workspace.js';
import { packDirs } from '../core/paths.js';
import type { ProgressStore } from '../core/progress.js';

/** Options every command can see (commander's optsWithGlobals()). */
export interface GlobalOptions {
  workspace?: string;
  /** `--pack DIR`, repeatable: team packs loaded beside the built-in katas. */
  pack?: string[];
  /** Trust packs seen for the first time without asking. */
  trustPacks?: boolean;
}

/** The pack folders in effect: `--pack` then ASYNC_KATAS_PACKS. */
export function packDirsOf(options: GlobalOptions): string[] {
  return packDirs(options.pack);
}

/** Usage or environment problem: one line on stderr (and a JSON object on stdout when asked), exit 2. */
export function usageError(message: string, json?: object): number {
  if (json) process.stdout.write(`${JSON.stringify(json)}\n`);
  process.stderr.write(`async-katas: ${message}\n`);
  return 2;
}

export function warn(message: string): void {
  process.stderr.write(`async-katas: warning: ${message}\n`);
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A person at a terminal: both ends are TTYs (raw-mode UIs and y/N questions need that). */
export function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/**
 * TERM=dumb: a terminal that can't move the cursor, so a redrawn screen would pile up as garbage. The
 * commands then print text, as without a terminal, and say why once.
 */
export function dumbTerminal(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TERM !== 'dumb') return false;
  warn("TERM=dumb: this terminal can't redraw a screen, so the trainer is off; plain text instead (check, hint and explain work as usual)");
  return true;
}

/**
 * The workspace to use: `--workspace DIR` is used or created without asking; otherwise the one found from
 * the working directory, or undefined. A broken manifest is a WorkspaceError (the caller reports it).
 */
export function resolveWorkspace(options: GlobalOptions, cwd: string = process.cwd()): Workspace | undefined {
  return options.workspace ? createWorkspace(options.workspace) : findWorkspace(cwd);
}

export { WorkspaceError };

/** A catalog or workspace problem becomes a usage error (exit 2); anything else is a bug and propagates. */
export async function guarded(run: () => Promise<number> | number): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const known = error instanceof CatalogError || error instanceof UnknownKataError || error instanceof WorkspaceError;
    // ProgressError by name: importing its class here would load conf on the `check` path.
    if (known || (error instanceof Error && error.name === 'ProgressError')) return usageError(error.message);
    // A file the system refused (permissions, a full disk): say which, rather than crash with a stack.
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return usageError(error.message);
    throw error;
  }
}

/** The progress store, with any warning (a corrupt file moved aside) printed; undefined when it cannot be used. */
export async function loadProgress(): Promise<ProgressStore | undefined> {
  const { openProgress, ProgressError } = await import('../core/progress.js');
  try {
    const { store, warning } = openProgress({ onWarning: warn });
    if (warning) warn(warning);
    return store;
  } catch (error) {
    if (!(error instanceof ProgressError)) throw error;
    warn(error.message);
    return undefined;
  }
}
