// The end of a quiz session: the best run of right answers, and when its questions come back.
import type { QuizItem, ReviewState } from '../core/review.js';

export function bestStreak(results: readonly boolean[]): number {
  let best = 0;
  let run = 0;
  for (const right of results) {
    run = right ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wait as a learner says it: "10 minutes", "1 day", "16 days". */
export function formatWait(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms <= 0) return 'now';
  if (ms < HOUR) return plural(Math.max(1, Math.round(ms / MINUTE)), 'minute');
  if (ms < DAY) return plural(Math.round(ms / HOUR), 'hour');
  return plural(Math.round(ms / DAY), 'day');
}

export interface DueGroup {
  wait: string;
  count: number;
}

/** The session's questions grouped by how long until each is due again, soonest first. */
export function dueNext(session: readonly QuizItem[], state: ReviewState, now: Date): DueGroup[] {
  const groups = new Map<string, { count: number; ms: number }>();
  for (const q of session) {
    const card = state[q.id];
    if (!card) continue;
    const ms = Date.parse(card.due) - now.getTime();
    const wait = formatWait(ms);
    const group = groups.get(wait) ?? { count: 0, ms };
    group.count += 1;
    group.ms = Math.min(group.ms, ms);
    groups.set(wait, group);
  }
  return [...groups].sort((a, b) => a[1].ms - b[1].ms).map(([wait, g]) => ({ wait, count: g.count }));
}
