// Reading progress without conf: the trainer draws its first frame from this snapshot and loads the
// store (conf, with ajv, tens of milliseconds) right after. The path must be conf's own: tests compare.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreSchema, type KataProgress } from './progress-schema.js';

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

/** The progress on disk now, or nothing: a missing or broken file is the store's to report and repair. */
export function readProgressSnapshot(file: string = progressFile()): Record<string, KataProgress> {
  try {
    const parsed = StoreSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.katas : {};
  } catch {
    return {};
  }
}
