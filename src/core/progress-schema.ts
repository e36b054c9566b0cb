// What progress looks like on disk: shared by the store (progress.ts, with conf) and the snapshot
// reader (progress-file.ts), which must not load conf.
import * as z from 'zod/mini';
import { DAY_KEY } from './practice-days.js';

export const PROGRESS_SCHEMA_VERSION = 1;
export const MAX_HINT_TIER = 3;

export type KataStatus = 'new' | 'attempted' | 'solved';
export type CheckOutcome = 'pass' | 'fail' | 'error';

export interface QuizAnswer {
  choice: number;
  correct: boolean;
}

export interface KataProgress {
  status: KataStatus;
  /** Checks run. */
  attempts: number;
  /** Highest hint tier shown, 0-3. */
  hintsUsed: number;
  firstSolvedAt: string | null;
  lastCheckedAt: string | null;
  /** Latest answer per question index. */
  quiz: Record<string, QuizAnswer>;
}

const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
export const KataProgressSchema = z.object({
  status: z.enum(['new', 'attempted', 'solved']),
  attempts: int(0),
  hintsUsed: int(0, MAX_HINT_TIER),
  firstSolvedAt: z.nullable(z.string()),
  lastCheckedAt: z.nullable(z.string()),
  quiz: z.record(z.string().check(z.regex(/^\d+$/)), z.object({ choice: int(0), correct: z.boolean() })),
});
// Quiz mode's spaced repetition (core/review.ts), per question id. Optional: stores written before it
// existed stay valid at the same schema version.
export const ReviewCardSchema = z.object({ box: int(1), due: z.string(), seen: int(0), correct: int(0) });
export const StoreSchema = z.object({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  katas: z.record(z.string(), KataProgressSchema),
  review: z.optional(z.record(z.string(), ReviewCardSchema)),
  // Things done (checks, hints, quiz answers) per local day, for the dashboard's practice chart; optional
  // for the same reason as review.
  days: z.optional(z.record(z.string().check(z.regex(DAY_KEY)), int(0))),
});
export type StoreData = z.infer<typeof StoreSchema>;

export function emptyProgress(): KataProgress {
  return { status: 'new', attempts: 0, hintsUsed: 0, firstSolvedAt: null, lastCheckedAt: null, quiz: {} };
}
