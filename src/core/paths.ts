// Where async-katas keeps its files, with no imports beyond node's own: the launcher uses these before
// the app loads.
import os from 'node:os';
import path from 'node:path';

const PROJECT = 'async-katas-nodejs'; // conf's projectName 'async-katas' with env-paths' default suffix

/** Where progress.json lives: $ASYNC_KATAS_CONFIG_DIR, else the per-user config folder conf uses. */
export function progressFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.ASYNC_KATAS_CONFIG_DIR) return path.join(env.ASYNC_KATAS_CONFIG_DIR, 'progress.json');
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', PROJECT, 'progress.json');
  if (platform === 'win32') {
    return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), PROJECT, 'Config', 'progress.json');
  }
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PROJECT, 'progress.json');
}

/** Where caches live (the interpreter found, the home frame): $ASYNC_KATAS_CACHE_DIR, else XDG's cache. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ASYNC_KATAS_CACHE_DIR) return env.ASYNC_KATAS_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'async-katas');
  return path.join(os.homedir(), '.cache', 'async-katas');
}

/** Where a learner lists packs without typing --pack each time: folders separated by the path delimiter. */
export const PACKS_ENV = 'ASYNC_KATAS_PACKS';

/** The team pack folders in effect: `--pack` folders first, then ASYNC_KATAS_PACKS; absolute, each once. */
export function packDirs(flags: readonly string[] | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string[] {
  const fromEnv = (env[PACKS_ENV] ?? '').split(path.delimiter).filter((d) => d.trim());
  return [...new Set([...(flags ?? []), ...fromEnv].map((d) => path.resolve(cwd, d)))];
}
