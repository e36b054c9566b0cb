// `async-katas report`: a learner's progress as one plain object (docs/protocol.md, "Report JSON"), for
// a team lead to read. Pure: the command gathers the catalogue, the store, the bank, the name and the
// clock; tests pass their own.
//
// Only progress goes in: kata ids, titles, levels, concepts, pack name@version and counts. Never a path
// (kata or pack folder, the progress file, the workspace), the environment or a file's contents: the
// report is meant to be pasted into a chat, so it must be safe to share.
import type { Kata } from './catalog.js';
import type { QuizBank } from './kata-schema.js';
import { emptyProgress, type KataProgress, type KataStatus } from './progress-schema.js';
import type { ReviewState } from './review.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface QuizTally {
  answered: number;
  correct: number;
}

export interface QuizAccuracy extends QuizTally {
  /** correct / answered, rounded to 3 decimals; null when nothing was answered. */
  accuracy: number | null;
}

export interface KataReport {
  title: string;
  level: number;
  concepts: string[];
  /** `name@version` for a team pack's kata, else null. */
  pack: string | null;
  status: KataStatus;
  firstSolvedAt: string | null;
  attempts: number;
  hintsUsed: number;
  quiz: QuizTally;
}

export interface ConceptReport {
  concept: string;
  katasSolved: number;
  katasTotal: number;
  quiz: QuizAccuracy;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  name: string | null;
  generatedAt: string;
  summary: { solved: number; total: number; attempted: number; hintsUsed: number; quiz: QuizAccuracy };
  katas: Record<string, KataReport>;
  concepts: ConceptReport[];
}

/** What the report reads of a kata: nothing about where it lives. */
export type ReportKata = Pick<Kata, 'id' | 'title' | 'level' | 'concepts' | 'pack'>;

export interface ReportInput {
  /** In catalogue order; the report keeps it. */
  katas: readonly ReportKata[];
  store: { all(): Record<string, KataProgress>; review(): ReviewState };
  /** The standalone question bank, for `bank:<id>` review cards; without it those cards are left out. */
  bank?: Pick<QuizBank, 'questions'>;
  name: string | null;
  now: Date;
  tool: { name: string; version: string };
}

export function buildReport(input: ReportInput): Report {
  const { katas, store, bank, now, tool } = input;
  const recorded = store.all();
  const review = store.review();

  // Quiz answers of two kinds add up: the after-solve quiz keeps the latest answer per question, quiz
  // mode's review cards count every answer (`seen`/`correct`). Cards of questions no longer in the
  // catalogue (a pack not loaded this time, a removed bank question) are left out, as quiz mode does.
  const kataQuiz = new Map<string, QuizTally>(katas.map((k) => [k.id, tallyAnswers(recorded[k.id] ?? emptyProgress())]));
  const bankTopic = new Map((bank?.questions ?? []).map((q) => [q.id, q.topic]));
  const topicQuiz = new Map<string, QuizTally>();
  for (const [id, card] of Object.entries(review)) {
    const tally = id.startsWith('bank:') ? topicTally(topicQuiz, bankTopic.get(id.slice('bank:'.length))) : kataQuiz.get(kataOfCard(id) ?? '');
    if (!tally) continue;
    tally.answered += card.seen;
    tally.correct += card.correct;
  }

  const kataReports: Record<string, KataReport> = {};
  for (const k of katas) {
    const p = recorded[k.id] ?? emptyProgress();
    kataReports[k.id] = {
      title: k.title,
      level: k.level,
      concepts: [...k.concepts],
      pack: k.pack ? `${k.pack.name}@${k.pack.version}` : null,
      status: p.status,
      firstSolvedAt: p.firstSolvedAt,
      attempts: p.attempts,
      hintsUsed: p.hintsUsed,
      quiz: { ...kataQuiz.get(k.id)! },
    };
  }

  const concepts = new Map<string, { katasSolved: number; katasTotal: number; quiz: QuizTally }>();
  for (const k of katas) {
    // A kata listing a concept twice counts once for it.
    for (const concept of new Set(k.concepts)) {
      const entry = concepts.get(concept) ?? { katasSolved: 0, katasTotal: 0, quiz: { answered: 0, correct: 0 } };
      entry.katasTotal += 1;
      if (kataReports[k.id]!.status === 'solved') entry.katasSolved += 1;
      addTo(entry.quiz, kataQuiz.get(k.id)!);
      concepts.set(concept, entry);
    }
  }
  // Bank topics are named by the reference card, not by katas: one that no kata names gets its own row,
  // but only once answered, so the list does not fill with topics nobody has met.
  for (const [topic, tally] of topicQuiz) {
    const entry = concepts.get(topic);
    if (entry) addTo(entry.quiz, tally);
    else if (tally.answered > 0) concepts.set(topic, { katasSolved: 0, katasTotal: 0, quiz: { ...tally } });
  }

  const total = { answered: 0, correct: 0 };
  for (const tally of [...kataQuiz.values(), ...topicQuiz.values()]) addTo(total, tally);
  const reports = Object.values(kataReports);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: tool.name, version: tool.version },
    name: input.name,
    generatedAt: now.toISOString(),
    summary: {
      solved: reports.filter((r) => r.status === 'solved').length,
      total: reports.length,
      attempted: reports.filter((r) => r.status === 'attempted').length,
      hintsUsed: reports.reduce((sum, r) => sum + r.hintsUsed, 0),
      quiz: withAccuracy(total),
    },
    katas: kataReports,
    concepts: [...concepts].map(([concept, e]) => ({
      concept,
      katasSolved: e.katasSolved,
      katasTotal: e.katasTotal,
      quiz: withAccuracy(e.quiz),
    })),
  };
}

function tallyAnswers(p: KataProgress): QuizTally {
  const answers = Object.values(p.quiz);
  return { answered: answers.length, correct: answers.filter((a) => a.correct).length };
}

/** `<kata-id>#<n>` → the kata id; a pack kata's id has a `/` but never a `#`, so the last `#` splits. */
function kataOfCard(id: string): string | undefined {
  const at = id.lastIndexOf('#');
  return at < 0 ? undefined : id.slice(0, at);
}

function topicTally(tallies: Map<string, QuizTally>, topic: string | undefined): QuizTally | undefined {
  if (topic === undefined) return undefined;
  let tally = tallies.get(topic);
  if (!tally) tallies.set(topic, (tally = { answered: 0, correct: 0 }));
  return tally;
}

function addTo(into: QuizTally, from: QuizTally): void {
  into.answered += from.answered;
  into.correct += from.correct;
}

function withAccuracy(t: QuizTally): QuizAccuracy {
  return { answered: t.answered, correct: t.correct, accuracy: t.answered ? Math.round((t.correct / t.answered) * 1000) / 1000 : null };
}
