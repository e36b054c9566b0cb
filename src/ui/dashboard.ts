// What the progress dashboard shows, computed from plain data: mastery per concept (katas solved and
// quiz accuracy), hints, and practice days. No Ink here, so the numbers are tested on their own.
import type { Kata } from '../core/catalog.js';
import { lastDays, type PracticeDays } from '../core/practice-days.js';
import type { ReviewState } from '../core/review.js';
import type { KataProgressView } from './services.js';

export interface ConceptMastery {
  concept: string;
  /** Katas teaching it (0 for a topic only the quiz bank asks about). */
  katas: number;
  solved: number;
  answers: number;
  right: number;
}

export interface DashboardInput {
  katas: Kata[];
  progress: (id: string) => KataProgressView;
  review: ReviewState;
  /** Bank question id (without `bank:`) to its topic; empty when the bank could not be read. */
  bankTopics: ReadonlyMap<string, string>;
}

/**
 * Per concept, in curriculum order (then topics only the bank has, by name). A kata's own quiz answers
 * and its review cards (`<kata-id>#n`) count for each of its concepts; a bank card (`bank:<id>`) counts
 * for its question's topic. A review card counts every time it was answered.
 */
export function conceptMastery({ katas, progress, review, bankTopics }: DashboardInput): ConceptMastery[] {
  const rows = new Map<string, ConceptMastery>();
  const row = (concept: string) => {
    let r = rows.get(concept);
    if (!r) rows.set(concept, (r = { concept, katas: 0, solved: 0, answers: 0, right: 0 }));
    return r;
  };
  const byId = new Map(katas.map((k) => [k.id, k]));
  for (const kata of katas) {
    const p = progress(kata.id);
    const answers = Object.values(p.quiz ?? {});
    for (const concept of kata.concepts) {
      const r = row(concept);
      r.katas += 1;
      if (p.status === 'solved') r.solved += 1;
      r.answers += answers.length;
      r.right += answers.filter((a) => a.correct).length;
    }
  }
  const bankOnly = new Set<string>();
  for (const [id, card] of Object.entries(review)) {
    let concepts: readonly string[] = [];
    if (id.startsWith('bank:')) {
      const topic = bankTopics.get(id.slice('bank:'.length));
      if (topic) {
        concepts = [topic];
        if (!rows.has(topic)) bankOnly.add(topic);
      }
    } else {
      concepts = byId.get(id.slice(0, id.lastIndexOf('#')))?.concepts ?? [];
    }
    for (const concept of concepts) {
      const r = row(concept);
      r.answers += card.seen;
      r.right += card.correct;
    }
  }
  const taught = [...rows.values()].filter((r) => !bankOnly.has(r.concept));
  const rest = [...bankOnly].sort().map((c) => rows.get(c)!);
  return [...taught, ...rest];
}

export interface Totals {
  solved: number;
  katas: number;
  hintsUsed: number;
  hintsAvailable: number;
  /** Katas where at least one hint was shown. */
  hintedKatas: number;
  answers: number;
  right: number;
}

export function totals({ katas, progress, review }: DashboardInput): Totals {
  const t: Totals = { solved: 0, katas: katas.length, hintsUsed: 0, hintsAvailable: 0, hintedKatas: 0, answers: 0, right: 0 };
  for (const kata of katas) {
    const p = progress(kata.id);
    if (p.status === 'solved') t.solved += 1;
    t.hintsUsed += p.hintsUsed;
    t.hintsAvailable += kata.hints.length;
    if (p.hintsUsed > 0) t.hintedKatas += 1;
    const answers = Object.values(p.quiz ?? {});
    t.answers += answers.length;
    t.right += answers.filter((a) => a.correct).length;
  }
  for (const card of Object.values(review)) {
    t.answers += card.seen;
    t.right += card.correct;
  }
  return t;
}

/** A day's cell: `·` for nothing, then taller blocks for busier days, so it reads without colour. */
export const DAY_CELLS = ['·', '▂', '▄', '▆', '█'] as const;

export function dayCell(count: number): string {
  if (count <= 0) return DAY_CELLS[0];
  if (count < 3) return DAY_CELLS[1];
  if (count < 8) return DAY_CELLS[2];
  if (count < 20) return DAY_CELLS[3];
  return DAY_CELLS[4];
}

export interface PracticeChart {
  /** Oldest first, today last. */
  cells: string[];
  activeDays: number;
  /** Days in a row with practice, ending today (or yesterday, when today has nothing yet). */
  run: number;
}

export function practiceChart(days: PracticeDays, today: Date, count: number): PracticeChart {
  const keys = lastDays(today, count);
  const counts = keys.map((k) => days[k] ?? 0);
  let end = counts.length - 1;
  if (end >= 0 && counts[end] === 0) end -= 1;
  let run = 0;
  while (end - run >= 0 && counts[end - run]! > 0) run++;
  return { cells: counts.map(dayCell), activeDays: counts.filter((c) => c > 0).length, run };
}
