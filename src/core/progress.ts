// The learner's progress per kata, kept with conf 15 so it survives restarts.
//
// Concurrency: conf writes the whole file atomically (temp file + rename), so a reader never sees half a
// file and a kill mid-write leaves the old file or the new one. Every update re-reads the file (conf's
// `store` getter reads it again) and writes it under a lock file (file-lock.ts), so updates from another
// process (the app in two terminals, `check` in a third) are never lost. A lock left by a killed process
// is taken over at once.
//
// conf (with ajv) costs tens of milliseconds to load: `check` imports this module lazily, while Python runs.
import fs from 'node:fs';
import path from 'node:path';
// Must stay the first import of our own: it notes the signal listeners before conf's imports add theirs.
import { dropSignalListenersAddedByImports } from './signal-snapshot.js';
import Conf from 'conf';
import { LockTimeoutError, withFileLock } from './file-lock.js';
import {
  MAX_HINT_TIER,
  PROGRESS_SCHEMA_VERSION,
  StoreSchema,
  emptyProgress,
  type CheckOutcome,
  type KataProgress,
  type StoreData,
} from './progress-schema.js';
import { bumpDay, type PracticeDays } from './practice-days.js';
import { recordAnswer, type ReviewCard, type ReviewState } from './review.js';
import { fileStamp } from './workspace.js';

dropSignalListenersAddedByImports();

export {
  MAX_HINT_TIER,
  PROGRESS_SCHEMA_VERSION,
  emptyProgress,
  type CheckOutcome,
  type KataProgress,
  type KataStatus,
  type QuizAnswer,
} from './progress-schema.js';

export interface ProgressStore {
  /** The file the progress lives in. */
  readonly path: string;
  get(id: string): KataProgress;
  /** Katas with anything recorded; others are `new` (see emptyProgress). */
  all(): Record<string, KataProgress>;
  recordCheck(id: string, status: CheckOutcome): KataProgress;
  recordHint(id: string, tier: number): KataProgress;
  recordQuizAnswer(id: string, question: number, choice: number, correct: boolean): KataProgress;
  /** Quiz mode's spaced-repetition state, per question id (core/review.ts). */
  review(): ReviewState;
  recordReview(questionId: string, correct: boolean, now?: Date): ReviewCard;
  /** How many things were recorded per local day (`YYYY-MM-DD`). */
  days(): PracticeDays;
  reset(id: string): void;
  resetAll(): void;
}

export interface OpenProgressOptions {
  /** Folder of the store; defaults to $ASYNC_KATAS_CONFIG_DIR, else conf's per-user config folder. */
  configDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Called if the file turns out corrupt after opening (another program wrote it) and was moved aside. */
  onWarning?: (message: string) => void;
  /** The clock for practice days; tests fix it. */
  now?: () => Date;
}

export class ProgressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressError';
  }
}

export function openProgress(options: OpenProgressOptions = {}): { store: ProgressStore; warning?: string } {
  const env = options.env ?? process.env;
  const cwd = options.configDir ?? (env.ASYNC_KATAS_CONFIG_DIR || undefined);
  // accessPropertiesByDotNotation off: kata ids are keys, not paths. No conf schema: it would compile ajv
  // on every start; zod/mini validates instead, and we decide what happens to a bad file.
  const make = () =>
    new Conf<Record<string, unknown>>({ projectName: 'async-katas', cwd, configName: 'progress', accessPropertiesByDotNotation: false });

  let warning: string | undefined;
  let opened = false;
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = make();
  } catch (error) {
    // The constructor reads the file, so bad JSON throws before we learn the path: ask conf for it with a
    // name that does not exist (that reads nothing and writes nothing).
    const probe = new Conf({ projectName: 'async-katas', cwd, configName: 'progress.locate', accessPropertiesByDotNotation: false });
    warning = moveAside(path.join(path.dirname(probe.path), 'progress.json'), describe(error));
    conf = make();
  }

  const read = (): StoreData => {
    let raw: unknown;
    try {
      raw = conf.store;
    } catch (error) {
      return recover(describe(error));
    }
    if (raw && typeof raw === 'object' && Object.keys(raw).length === 0) return fresh();
    const parsed = StoreSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const version = (raw as { schemaVersion?: unknown }).schemaVersion;
    return recover(
      version !== PROGRESS_SCHEMA_VERSION && version !== undefined
        ? `schema version ${JSON.stringify(version)} is not ${PROGRESS_SCHEMA_VERSION} (written by another async-katas version?)`
        : 'it does not have the expected shape',
    );
  };
  const fresh = (): StoreData => ({ schemaVersion: PROGRESS_SCHEMA_VERSION, katas: {} });
  const recover = (problem: string): StoreData => {
    const message = moveAside(conf.path, problem);
    if (opened) options.onWarning?.(message);
    else warning = message;
    return fresh();
  };
  const write = (data: StoreData) => {
    conf.store = data as unknown as Record<string, unknown>;
  };
  const clock = options.now ?? (() => new Date());
  const locked = <T>(fn: () => T): T => {
    fs.mkdirSync(path.dirname(conf.path), { recursive: true });
    try {
      return withFileLock(`${conf.path}.lock`, fn);
    } catch (error) {
      if (error instanceof LockTimeoutError) throw new ProgressError(error.message);
      throw error;
    }
  };
  const update = (id: string, change: (p: KataProgress) => void): KataProgress =>
    locked(() => {
      const data = read();
      const entry = data.katas[id] ?? emptyProgress();
      change(entry);
      data.katas[id] = entry;
      data.days = bumpDay(data.days, clock());
      write(data);
      return structuredClone(entry);
    });

  // Validate now, so a corrupt file is reported by openProgress rather than by the first update.
  read();
  opened = true;

  const store: ProgressStore = {
    path: conf.path,
    get: (id) => structuredClone(read().katas[id] ?? emptyProgress()),
    all: () => read().katas,
    recordCheck: (id, outcome) =>
      update(id, (p) => {
        const now = clock().toISOString();
        p.attempts += 1;
        p.lastCheckedAt = now;
        // Solved stays solved: a later failing experiment does not undo having solved it.
        if (outcome === 'pass') {
          p.status = 'solved';
          p.firstSolvedAt ??= now;
        } else if (p.status !== 'solved') {
          p.status = 'attempted';
        }
      }),
    recordHint: (id, tier) =>
      update(id, (p) => {
        p.hintsUsed = Math.max(p.hintsUsed, Math.min(MAX_HINT_TIER, Math.max(0, Math.trunc(tier))));
      }),
    recordQuizAnswer: (id, question, choice, correct) =>
      update(id, (p) => {
        p.quiz[String(question)] = { choice, correct };
      }),
    review: () => structuredClone(read().review ?? {}),
    recordReview: (questionId, correct, now = clock()) =>
      locked(() => {
        const data = read();
        data.review = recordAnswer(data.review ?? {}, questionId, correct, now);
        data.days = bumpDay(data.days, now);
        write(data);
        return structuredClone(data.review[questionId]!);
      }),
    days: () => structuredClone(read().days ?? {}),
    reset: (id) =>
      locked(() => {
        const data = read();
        delete data.katas[id];
        write(data);
      }),
    resetAll: () => locked(() => write(fresh())),
  };
  return warning === undefined ? { store } : { store, warning };
}

/** Moves the unreadable file to `<name>.corrupt-<time>.json` and says so. Never deletes it. */
function moveAside(file: string, problem: string): string {
  const backup = file.replace(/\.json$/, '') + `.corrupt-${fileStamp()}.json`;
  try {
    fs.renameSync(file, backup);
  } catch (error) {
    throw new ProgressError(
      `the progress file ${file} cannot be used (${problem}) and could not be moved aside ` +
        `(${(error as NodeJS.ErrnoException).code}); move or delete it yourself, or set ASYNC_KATAS_CONFIG_DIR to another folder`,
    );
  }
  return `the progress file ${file} could not be used (${problem}); it was moved to ${backup} and progress starts afresh`;
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `cannot be read: ${code}` : String((error as Error).message ?? error);
}
