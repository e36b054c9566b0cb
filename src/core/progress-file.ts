// Reading progress without conf: the trainer draws its first frame from this snapshot and loads the
// store (conf, with ajv, tens of milliseconds) right after. The path must be conf's own: tests compare.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { progressFile } from './paths.js';
import { StoreSchema, type KataProgress, type StoreData } from './progress-schema.js';

export { progressFile };

/** The progress on disk now, or nothing: a missing or broken file is the store's to report and repair. */
export function readProgressSnapshot(file: string = progressFile()): Record<string, KataProgress> {
  return readStoreSnapshot(file).katas;
}

/** All of it (katas, quiz mode's cards, practice days), or an empty store. */
export function readStoreSnapshot(file: string = progressFile()): Omit<StoreData, 'schemaVersion'> {
  try {
    const parsed = StoreSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or unreadable: the store reports and repairs it
  }
  return { katas: {} };
}
