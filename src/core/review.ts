// Spaced repetition for quiz mode (issue 5): Leitner boxes with due dates. A missed question goes back
// to the first box and returns within minutes; each right answer moves it one box up and further out.
// Pure functions over plain data, so the progress store can keep the state and tests can fix the clock.
import type { Quiz, QuizBank } from './kata-schema.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long a question rests in each box (index 0 = box 1) before it is due again. */
export const BOX_INTERVALS_MS = [10 * MINUTE, 1 * DAY, 3 * DAY, 7 * DAY, 16 * DAY] as const;
export const TOP_BOX = BOX_INTERVALS_MS.length;
export const SESSION_SIZE = 10;

export interface ReviewCard {
  /** 1..TOP_BOX */
  box: number;
  /** When the question is due again (ISO time). */
  due: string;
  seen: number;
  correct: number;
}

/** Keyed by question id. */
export type ReviewState = Record<string, ReviewCard>;

export interface QuizItem {
  /** `<kata-id>#<n>` (1-based) for a kata's question, `bank:<id>` for the standalone bank. */
  id: string;
  topic: string;
  prompt: string;
  choices: { text: string; correct: boolean; why: string }[];
  /** A bank question about a newer Python than the oldest supported one, e.g. "3.11". */
  minPython?: string;
}

export interface KataQuizSource {
  id: string;
  concepts: string[];
  quiz: Quiz;
}

/** Every question the quiz mode can ask: each kata's quiz, in catalogue order, then the bank. */
export function questionPool(katas: KataQuizSource[], bank?: QuizBank): QuizItem[] {
  const fromKatas = katas.flatMap((k) =>
    k.quiz.questions.map((q, i) => ({ id: `${k.id}#${i + 1}`, topic: k.concepts[0] ?? k.id, prompt: q.prompt, choices: q.choices })),
  );
  const fromBank = (bank?.questions ?? []).map((q) => ({
    id: `bank:${q.id}`,
    topic: q.topic,
    prompt: q.prompt,
    choices: q.choices,
    ...(q.minPython ? { minPython: q.minPython } : {}),
  }));
  return [...fromKatas, ...fromBank];
}

/** The state after answering `id` at `now`. */
export function recordAnswer(state: ReviewState, id: string, correct: boolean, now: Date): ReviewState {
  const card = state[id];
  // A new question starts in box 1: known at first sight, it moves up like any other.
  const box = correct ? Math.min(TOP_BOX, (card?.box ?? 1) + 1) : 1;
  const rest = correct ? BOX_INTERVALS_MS[box - 1]! : BOX_INTERVALS_MS[0];
  return {
    ...state,
    [id]: {
      box,
      due: new Date(now.getTime() + rest).toISOString(),
      seen: (card?.seen ?? 0) + 1,
      correct: (card?.correct ?? 0) + (correct ? 1 : 0),
    },
  };
}

/**
 * The next session: questions due now (lowest box first, then the longest overdue), then questions never
 * seen (in pool order), then, if that is still short of `size`, the ones due soonest. Questions no longer
 * in the pool are ignored.
 */
export function pickSession(pool: QuizItem[], state: ReviewState, now: Date, size: number = SESSION_SIZE): QuizItem[] {
  const seen = pool.filter((q) => state[q.id]);
  const byUrgency = (a: QuizItem, b: QuizItem) => {
    const [ca, cb] = [state[a.id]!, state[b.id]!];
    return ca.box - cb.box || Date.parse(ca.due) - Date.parse(cb.due) || a.id.localeCompare(b.id);
  };
  const due = seen.filter((q) => Date.parse(state[q.id]!.due) <= now.getTime()).sort(byUrgency);
  const fresh = pool.filter((q) => !state[q.id]);
  const later = seen
    .filter((q) => Date.parse(state[q.id]!.due) > now.getTime())
    .sort((a, b) => Date.parse(state[a.id]!.due) - Date.parse(state[b.id]!.due) || a.id.localeCompare(b.id));
  return [...due, ...fresh, ...later].slice(0, size);
}

/** Right answers in a row, counted back from the last one. */
export function streak(answers: readonly boolean[]): number {
  let run = 0;
  for (let i = answers.length - 1; i >= 0 && answers[i]; i--) run++;
  return run;
}

/** How many questions of the pool are due now, and how many were never asked. */
export function dueCounts(pool: readonly QuizItem[], state: ReviewState, now: Date): { due: number; fresh: number } {
  let due = 0;
  let fresh = 0;
  for (const q of pool) {
    const card = state[q.id];
    if (!card) fresh++;
    else if (Date.parse(card.due) <= now.getTime()) due++;
  }
  return { due, fresh };
}
